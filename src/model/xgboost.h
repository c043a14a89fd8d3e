// A thin owner of XGBoost's C API handles (Debian's libxgboost-dev): the matrices it learns from
// and the booster. Every failing call throws XGBoostError with XGBoost's own message.
#pragma once

#include <cstddef>
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

  // XGBoost's QuantileDMatrix of `matrix` with its labels: each value kept only as its histogram
  // bin, which is all the "hist" method learns from. Batches of rows are handed over in place, so
  // the features are never copied as floats. The booster's max_bin must be `max_bin`.
  static DMatrix quantized(MatrixView matrix, std::span<const float> labels, int max_bin);

  // One weight per row, in place of those set before: a row's gradient and hessian are multiplied
  // by it, so a row of weight 0 adds nothing to what is learned.
  void set_weights(std::span<const float> weights);

  void* handle() const { return handle_; }
  std::size_t rows() const { return rows_; }

 private:
  DMatrix(void* handle, std::size_t rows) : handle_(handle), rows_(rows) {}

  void* handle_ = nullptr;
  std::size_t rows_ = 0;
};

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
