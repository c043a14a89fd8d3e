// A thin owner of XGBoost's C API handles (Debian's libxgboost-dev): the matrices it learns from
// and the booster. Every failing call throws XGBoostError with XGBoost's own message.
#pragma once

#include <cstddef>
#include <map>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace creditscore::model {

// XGBoost refused a call: a bug of ours or of the library (internal), or a model it cannot load
// (corrupt).
class XGBoostError : public Error {
 public:
  explicit XGBoostError(const std::string& message, ErrorKind kind = ErrorKind::Internal)
      : Error(kind, message) {}
};

// XGBoost's library version, e.g. "1.7.4".
std::string xgboost_version();

// Row-major float32 features; NaN is a missing value.
struct MatrixView {
  const float* data = nullptr;
  std::size_t rows = 0;
  std::size_t cols = 0;
};

class DMatrix {
 public:
  // labels are optional (empty) or one per row; weights are set apart (set_weights).
  explicit DMatrix(MatrixView matrix, std::span<const float> labels = {});
  ~DMatrix();
  DMatrix(DMatrix&& other) noexcept;
  DMatrix& operator=(DMatrix&&) = delete;
  DMatrix(const DMatrix&) = delete;
  DMatrix& operator=(const DMatrix&) = delete;

  // XGBoost's matrix of `features` (rows of `cols` floats, one label each), quantized at once
  // into the bins the "hist" method learns from, before any weight is set: XGBoost's quantiles
  // heed the weights of the moment, and a matrix quantized under one fold's weights would keep
  // that fold's bins for the next. XGBoost holds its own copy of the known values (8 bytes each),
  // so the floats are let go before quantizing. Boosters learning on it must be given
  // quantization_params(max_bin), or XGBoost quantizes it again.
  static DMatrix quantized(std::vector<float> features, std::size_t cols,
                           std::span<const float> labels, int max_bin);

  // One weight per row, in place of those set before: a row's gradient and hessian are multiplied
  // by it, so a row of weight 0 adds nothing to what is learned.
  void set_weights(std::span<const float> weights);

  void* handle() const { return handle_; }
  std::size_t rows() const { return rows_; }

 private:
  DMatrix() = default;

  void* handle_ = nullptr;
  std::size_t rows_ = 0;
};

// The settings that decide how a matrix is quantized (method, bins, column storage).
std::map<std::string, std::string> quantization_params(int max_bin);

enum class Prediction { Probability, Margin, Contributions };

class Booster {
 public:
  // A booster that will learn from `train`. It keeps `train`'s predictions up to date as it
  // learns, so predicting all of `train`'s rows after a round costs a copy, not every tree.
  explicit Booster(const DMatrix& train);
  // A booster read from XGBoost's JSON model format.
  static Booster from_json(std::string_view model_json);
  ~Booster();
  Booster(Booster&& other) noexcept;
  Booster& operator=(Booster&&) = delete;
  Booster(const Booster&) = delete;
  Booster& operator=(const Booster&) = delete;

  void set_param(const std::string& name, const std::string& value);
  // One boosting round on `train`.
  void update(int round, const DMatrix& train);
  int boosted_rounds() const;

  // One value per row (Probability, Margin) or rows x (features + 1) values (Contributions: the
  // last of each row is the base value). `rounds` = 0 uses every round.
  std::vector<double> predict(const DMatrix& matrix, Prediction kind, int rounds = 0) const;

  // The model in XGBoost's JSON format, loadable as is by xgboost in any language.
  std::string to_json() const;

 private:
  Booster() = default;
  void* handle_ = nullptr;
};

}  // namespace creditscore::model
