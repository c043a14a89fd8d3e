#include "model/xgboost.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "common/error.h"
#include "common/free_memory.h"
#include "common/parallel.h"

namespace creditscore::model {
namespace {

void check(int status, const char* call, ErrorKind kind = ErrorKind::Internal) {
  if (status != 0) throw XGBoostError(std::string(call) + ": " + XGBGetLastError(), kind);
}

// Keeps XGBoost quiet on standard output; the command line reports progress itself.
void silence_once() {
  static const bool silenced = [] {
    check(XGBSetGlobalConfig(R"({"verbosity": 0})"), "XGBSetGlobalConfig");
    return true;
  }();
  (void)silenced;
}

}  // namespace

std::string xgboost_version() {
  int major = 0, minor = 0, patch = 0;
  XGBoostVersion(&major, &minor, &patch);
  return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
}

DMatrix::DMatrix(MatrixView matrix, std::span<const float> labels) : rows_(matrix.rows) {
  silence_once();
  if (!labels.empty() && labels.size() != matrix.rows) {
    throw internal_error("DMatrix: " + std::to_string(matrix.rows) + " rows but " +
                         std::to_string(labels.size()) + " labels");
  }
  DMatrixHandle handle = nullptr;
  check(XGDMatrixCreateFromMat(matrix.data, matrix.rows, matrix.cols, std::nanf(""), &handle),
        "XGDMatrixCreateFromMat");
  handle_ = handle;
  if (!labels.empty()) {
    check(XGDMatrixSetFloatInfo(handle_, "label", labels.data(), labels.size()),
          "XGDMatrixSetFloatInfo(label)");
  }
}

std::map<std::string, std::string> quantization_params(int max_bin) {
  // XGBoost 1.7 stores a column known for under `sparse_threshold` of the rows (20 % by default)
  // as sparse, and as soon as one is, an 8-byte row index for every value of the matrix: 1.9 GB
  // at Kaggle scale, for the one feature known for 17 % of the clients. 0 keeps every column
  // dense (a byte per value and a missing flag); the bins, hence what is learned, are the same.
  return {{"tree_method", "hist"}, {"max_bin", std::to_string(max_bin)}, {"sparse_threshold", "0"}};
}

DMatrix DMatrix::quantized(std::vector<float> features, std::size_t cols,
                           std::span<const float> labels, int max_bin) {
  silence_once();
  if (cols == 0 || features.size() != labels.size() * cols) {
    throw internal_error("quantized DMatrix: " + std::to_string(features.size()) + " values for " +
                         std::to_string(labels.size()) + " rows of " + std::to_string(cols));
  }
  const int threads = static_cast<int>(std::max<std::size_t>(1, thread_budget()));
  DMatrix matrix;
  matrix.rows_ = labels.size();
  check(XGDMatrixCreateFromMat_omp(features.data(), matrix.rows_, cols, std::nanf(""),
                                   &matrix.handle_, threads),
        "XGDMatrixCreateFromMat_omp");
  std::vector<float>().swap(features);
  release_free_memory();
  check(XGDMatrixSetFloatInfo(matrix.handle_, "label", labels.data(), labels.size()),
        "XGDMatrixSetFloatInfo(label)");
  // XGBoost quantizes a matrix on the first round learned from it; this round is that one.
  Booster quantizer(matrix);
  for (const auto& [name, value] : quantization_params(max_bin)) quantizer.set_param(name, value);
  quantizer.set_param("nthread", std::to_string(threads));
  quantizer.update(0, matrix);
  return matrix;
}

void DMatrix::set_weights(std::span<const float> weights) {
  if (weights.size() != rows_) {
    throw internal_error("DMatrix: " + std::to_string(weights.size()) + " weights for " +
                         std::to_string(rows_) + " rows");
  }
  check(XGDMatrixSetFloatInfo(handle_, "weight", weights.data(), weights.size()),
        "XGDMatrixSetFloatInfo(weight)");
}

DMatrix::~DMatrix() {
  if (handle_ != nullptr) XGDMatrixFree(handle_);
}

DMatrix::DMatrix(DMatrix&& other) noexcept
    : handle_(std::exchange(other.handle_, nullptr)), rows_(other.rows_) {}

Booster::Booster(const DMatrix& train) {
  silence_once();
  DMatrixHandle cache[] = {train.handle()};
  check(XGBoosterCreate(cache, 1, &handle_), "XGBoosterCreate");
}

Booster Booster::from_json(std::string_view model_json) {
  silence_once();
  Booster booster;
  check(XGBoosterCreate(nullptr, 0, &booster.handle_), "XGBoosterCreate");
  // What XGBoost cannot load is a damaged or foreign model file, not a bug.
  check(XGBoosterLoadModelFromBuffer(booster.handle_, model_json.data(), model_json.size()),
        "XGBoosterLoadModelFromBuffer", ErrorKind::Corrupt);
  return booster;
}

Booster::~Booster() {
  if (handle_ != nullptr) XGBoosterFree(handle_);
}

Booster::Booster(Booster&& other) noexcept : handle_(std::exchange(other.handle_, nullptr)) {}

void Booster::set_param(const std::string& name, const std::string& value) {
  check(XGBoosterSetParam(handle_, name.c_str(), value.c_str()), "XGBoosterSetParam");
}

void Booster::update(int round, const DMatrix& train) {
  check(XGBoosterUpdateOneIter(handle_, round, train.handle()), "XGBoosterUpdateOneIter");
}

int Booster::boosted_rounds() const {
  int rounds = 0;
  check(XGBoosterBoostedRounds(handle_, &rounds), "XGBoosterBoostedRounds");
  return rounds;
}

std::vector<double> Booster::predict(const DMatrix& matrix, Prediction kind, int rounds) const {
  const int type = kind == Prediction::Probability ? 0 : kind == Prediction::Margin ? 1 : 2;
  const std::string config = R"({"type": )" + std::to_string(type) +
                             R"(, "training": false, "iteration_begin": 0, "iteration_end": )" +
                             std::to_string(rounds) + R"(, "strict_shape": false})";
  const bst_ulong* shape = nullptr;
  bst_ulong dimensions = 0;
  const float* values = nullptr;
  check(XGBoosterPredictFromDMatrix(handle_, matrix.handle(), config.c_str(), &shape, &dimensions,
                                    &values),
        "XGBoosterPredictFromDMatrix");
  std::size_t count = 1;
  for (bst_ulong d = 0; d < dimensions; ++d) count *= shape[d];
  return std::vector<double>(values, values + count);
}

std::string Booster::to_json() const {
  bst_ulong length = 0;
  const char* bytes = nullptr;
  check(XGBoosterSaveModelToBuffer(handle_, R"({"format": "json"})", &length, &bytes),
        "XGBoosterSaveModelToBuffer");
  return std::string(bytes, length);
}

}  // namespace creditscore::model
