#include "model/xgboost.h"

#include <xgboost/c_api.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <utility>

#include "common/error.h"
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

// The rows handed to XGBoost's iterator callbacks, a batch at a time.
struct RowBatches {
  static constexpr std::size_t kRows = 8192;

  MatrixView matrix;
  std::span<const float> labels;
  DMatrixHandle proxy = nullptr;
  std::size_t next = 0;
  std::string error;  // a failure inside a callback, thrown once back
};

void rewind(DataIterHandle handle) noexcept {
  static_cast<RowBatches*>(handle)->next = 0;
}

// Sets the next batch's rows on the proxy, in place.
int hand_over(RowBatches& batches) {
  const std::size_t n = std::min(RowBatches::kRows, batches.matrix.rows - batches.next);
  const std::size_t cols = batches.matrix.cols;
  const float* values = batches.matrix.data + batches.next * cols;
  // NumPy's array interface, the one dense format XGBoost's proxy takes.
  const std::string interface =
      R"({"data": [)" + std::to_string(reinterpret_cast<std::uintptr_t>(values)) +
      R"(, true], "shape": [)" + std::to_string(n) + ", " + std::to_string(cols) +
      R"(], "strides": null, "typestr": "<f4", "version": 3})";
  if (XGProxyDMatrixSetDataDense(batches.proxy, interface.c_str()) != 0 ||
      XGDMatrixSetFloatInfo(batches.proxy, "label", batches.labels.data() + batches.next, n) != 0) {
    batches.error = XGBGetLastError();
    return 0;
  }
  batches.next += n;
  return 1;
}

// Sets the next batch on the proxy: 1 when there was one, 0 at the end (or on a failure, which
// XGBoost cannot be told of from here: it is kept in `error`; nothing may be thrown through C).
int hand_over_next_batch(DataIterHandle handle) noexcept {
  RowBatches& batches = *static_cast<RowBatches*>(handle);
  if (batches.next >= batches.matrix.rows || !batches.error.empty()) return 0;
  try {
    return hand_over(batches);
  } catch (const std::exception& error) {
    batches.error = error.what();
    return 0;
  }
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

DMatrix DMatrix::quantized(MatrixView matrix, std::span<const float> labels, int max_bin) {
  silence_once();
  if (labels.size() != matrix.rows) {
    throw internal_error("quantized DMatrix: " + std::to_string(matrix.rows) + " rows but " +
                         std::to_string(labels.size()) + " labels");
  }
  RowBatches batches{matrix, labels, nullptr, 0, {}};
  check(XGProxyDMatrixCreate(&batches.proxy), "XGProxyDMatrixCreate");
  const std::string config = R"({"missing": NaN, "nthread": )" +
                             std::to_string(std::max<std::size_t>(1, thread_budget())) +
                             R"(, "max_bin": )" + std::to_string(max_bin) + "}";
  DMatrixHandle handle = nullptr;
  const int status = XGQuantileDMatrixCreateFromCallback(
      &batches, batches.proxy, nullptr, rewind, hand_over_next_batch, config.c_str(), &handle);
  const std::string failure = status != 0 ? XGBGetLastError() : batches.error;
  XGDMatrixFree(batches.proxy);
  if (!failure.empty()) {
    if (handle != nullptr) XGDMatrixFree(handle);
    throw XGBoostError("XGQuantileDMatrixCreateFromCallback: " + failure);
  }
  return DMatrix(handle, matrix.rows);
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
