// Aggregates of a client's history rows, with pandas' semantics (as in the public Kaggle kernel
// whose features we follow): missing values are skipped, the sum of nothing is 0, the variance is
// the sample variance (missing with fewer than two values), the size counts rows.
#pragma once

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string_view>
#include <vector>

namespace creditscore::features {

enum class Aggregate { Min, Max, Mean, Sum, Var, Size, NUnique };

// "MIN", "MAX", "MEAN", "SUM", "VAR", "SIZE", "NUNIQUE": the feature name's suffix.
std::string_view suffix(Aggregate aggregate);

// Accumulates the values of one group in row order (the same order gives the same bits).
class Accumulator {
 public:
  // The variance (a second pass) and the distinct values (a search a value) cost more than the
  // rest: kept only for the aggregates that need them.
  struct Keeps {
    bool variance = false;
    bool distinct = false;
    // Keeps what `aggregate` needs too.
    void ask(Aggregate aggregate) {
      variance = variance || aggregate == Aggregate::Var;
      distinct = distinct || aggregate == Aggregate::NUnique;
    }
  };

  // Accumulates column[r] for each of `rows`, in order. A missing value counts as a row and adds
  // nothing else, without a branch (min and max keep their side when given NaN, and adding +0 to
  // a sum that started at +0 changes no bit). The variance then takes a second pass over the
  // same, cached, values: the squared deviations from the mean, as stable as Welford's update
  // without its division a value, a chain that had made the variance the costliest aggregate.
  Accumulator(Keeps keeps, std::span<const float> column, std::span<const std::uint32_t> rows)
      : keeps_(keeps), rows_(rows.size()) {
    for (const std::uint32_t r : rows) {
      const double value = column[r];
      const bool missing = std::isnan(value);
      count_ += !missing;
      sum_ += missing ? 0.0 : value;
      min_ = std::min(min_, value);
      max_ = std::max(max_, value);
      if (keeps_.distinct && !missing) remember(value);
    }
    if (!keeps_.variance || count_ < 2) return;
    const double mean = sum_ / static_cast<double>(count_);
    for (const std::uint32_t r : rows) {
      const double deviation = column[r] - mean;
      squares_ += std::isnan(deviation) ? 0.0 : deviation * deviation;
    }
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
  double squares_ = 0;  // of the deviations from the mean
  std::vector<double> distinct_;
};

}  // namespace creditscore::features
