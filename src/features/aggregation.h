// Aggregates of a client's history rows, with pandas' semantics (as in the public Kaggle kernel
// whose features we follow): missing values are skipped, the sum of nothing is 0, the variance is
// the sample variance (missing with fewer than two values), the size counts rows.
#pragma once

#include <cmath>
#include <cstddef>
#include <limits>
#include <string_view>
#include <vector>

namespace creditscore::features {

enum class Aggregate { Min, Max, Mean, Sum, Var, Size, NUnique };

// "MIN", "MAX", "MEAN", "SUM", "VAR", "SIZE", "NUNIQUE": the feature name's suffix.
std::string_view suffix(Aggregate aggregate);

// Accumulates the values of one group in row order (the same order gives the same bits).
class Accumulator {
 public:
  // The variance (a division a value) and the distinct values (a search a value) cost more than
  // the rest: kept only for the aggregates that need them.
  struct Keeps {
    bool variance = false;
    bool distinct = false;
    // Keeps what `aggregate` needs too.
    void ask(Aggregate aggregate) {
      variance = variance || aggregate == Aggregate::Var;
      distinct = distinct || aggregate == Aggregate::NUnique;
    }
  };

  explicit Accumulator(Keeps keeps) : keeps_(keeps) {}

  void add(double value) {
    ++rows_;
    if (std::isnan(value)) return;
    ++count_;
    sum_ += value;
    min_ = std::min(min_, value);
    max_ = std::max(max_, value);
    if (keeps_.variance) {
      // Welford's update: a stable variance in one pass.
      const double delta = value - mean_;
      mean_ += delta / static_cast<double>(count_);
      m2_ += delta * (value - mean_);
    }
    if (keeps_.distinct) remember(value);
  }
  // Throws an internal error for the variance or distinct count of an accumulator not keeping it.
  double result(Aggregate aggregate) const;

 private:
  void remember(double value);

  Keeps keeps_;
  std::size_t rows_ = 0;
  std::size_t count_ = 0;
  double sum_ = 0;
  double min_ = std::numeric_limits<double>::infinity();
  double max_ = -std::numeric_limits<double>::infinity();
  double mean_ = 0;
  double m2_ = 0;
  std::vector<double> distinct_;
};

}  // namespace creditscore::features
