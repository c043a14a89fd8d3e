#include "model/reference_distribution.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <type_traits>

#include "common/error.h"
#include "common/json_count.h"
#include "common/parallel.h"

namespace creditscore::model {
namespace {

constexpr std::size_t kMaxDiscreteValues = 20;

// Columns gathered per pass over the rows: 16 floats are a cache line, so each row's line is
// read once for 16 columns, where reading a column at a time fetched a line for every value.
constexpr std::size_t kColumnsPerPass = 16;

// Linear interpolation between the order statistics value_at(0) <= ... <= value_at(count - 1),
// as numpy's default, in double precision.
template <typename ValueAt>
double quantile(std::size_t count, double level, ValueAt value_at) {
  const double position = level * static_cast<double>(count - 1);
  const auto below = static_cast<std::size_t>(position);
  const std::size_t above = std::min(below + 1, count - 1);
  const double low = value_at(below), high = value_at(above);
  return low + (position - static_cast<double>(below)) * (high - low);
}

double quantile(std::span<const float> sorted, double level) {
  return quantile(sorted.size(), level, [&](std::size_t i) { return sorted[i]; });
}

// When the present values of `column` take at most kMaxDiscreteValues values: those values in
// order with their clients by outcome (counted in one pass, nothing sorted), and true.
bool count_discrete(std::span<const float> column, std::span<const float> labels,
                    FeatureDistribution& d) {
  std::vector<float> values;
  std::vector<std::size_t> good, defaulted;
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (std::isnan(column[r])) continue;
    const float value = column[r] + 0.0f;  // -0 is 0: a value is written the same whatever row
    const auto at = std::lower_bound(values.begin(), values.end(), value);
    const auto k = at - values.begin();
    if (at == values.end() || *at != value) {
      if (values.size() == kMaxDiscreteValues) return false;
      values.insert(at, value);
      good.insert(good.begin() + k, 0);
      defaulted.insert(defaulted.begin() + k, 0);
    }
    ++(labels[r] == 1.0f ? defaulted : good)[static_cast<std::size_t>(k)];
  }
  d.discrete = true;
  d.values_or_edges.assign(values.begin(), values.end());
  d.good_counts = std::move(good);
  d.default_counts = std::move(defaulted);
  return true;
}

// `column`: the feature's value for every row, NaN when missing, row r's outcome in labels[r].
FeatureDistribution describe(std::span<const float> column, std::span<const float> labels,
                             std::string name, std::size_t bins) {
  FeatureDistribution d;
  d.name = std::move(name);
  double sum = 0;
  for (const float value : column) {
    if (std::isnan(value)) continue;
    ++d.present;
    sum += value;
  }
  d.missing = column.size() - d.present;
  if (d.present == 0) return d;
  d.mean = sum / static_cast<double>(d.present);
  double squares = 0;
  for (const float value : column) {
    if (!std::isnan(value)) squares += (value - d.mean) * (value - d.mean);
  }
  d.stddev = std::sqrt(squares / static_cast<double>(d.present));

  if (count_discrete(column, labels, d)) {
    const auto value_at = [&d](std::size_t index) {
      for (std::size_t k = 0; k + 1 < d.values_or_edges.size(); ++k) {
        const std::size_t clients = d.good_counts[k] + d.default_counts[k];
        if (index < clients) return d.values_or_edges[k];
        index -= clients;
      }
      return d.values_or_edges.back();
    };
    for (double level : kQuantileLevels)
      d.quantiles.push_back(quantile(d.present, level, value_at));
    return d;
  }
  std::vector<float> sorted;
  sorted.reserve(d.present);
  for (const float value : column) {
    if (!std::isnan(value)) sorted.push_back(value);
  }
  std::sort(sorted.begin(), sorted.end());
  for (double level : kQuantileLevels) d.quantiles.push_back(quantile(sorted, level));
  for (const double level : sketch_levels()) d.sketch.push_back(quantile(sorted, level));
  const std::vector<double> edges = decile_edges(d);
  d.decile_counts.assign(edges.size() + 1, 0);
  for (const double value : sorted) ++d.decile_counts[decile_bin(edges, value)];

  const double low = quantile(sorted, 0.01);
  const double high = quantile(sorted, 0.99) > low ? quantile(sorted, 0.99) : sorted.back();
  for (std::size_t b = 0; b <= bins; ++b) {
    d.values_or_edges.push_back(low +
                                (high - low) * static_cast<double>(b) / static_cast<double>(bins));
  }
  d.good_counts.assign(bins, 0);
  d.default_counts.assign(bins, 0);
  for (std::size_t r = 0; r < column.size(); ++r) {
    if (std::isnan(column[r])) continue;
    ++(labels[r] == 1.0f ? d.default_counts : d.good_counts)[*bin_of(d, column[r])];
  }
  return d;
}

template <typename T>
std::vector<T> read_array(const nlohmann::json& document, const char* field,
                          const std::string& name) {
  if (!document.contains(field) || !document[field].is_array()) {
    throw corrupt("reference distribution of " + name + ": missing array '" + field + "'");
  }
  std::vector<T> values;
  for (const nlohmann::json& value : document[field]) {
    if constexpr (std::is_same_v<T, std::size_t>) {
      values.push_back(json_count(value));
    } else {
      values.push_back(value.get<T>());
    }
  }
  return values;
}

}  // namespace

std::vector<FeatureDistribution> reference_distributions(MatrixView features,
                                                         std::span<const float> labels,
                                                         std::span<const std::string> names,
                                                         std::size_t histogram_bins) {
  if (names.size() != features.cols || labels.size() != features.rows || histogram_bins == 0) {
    throw internal_error("reference_distributions: " + std::to_string(features.cols) +
                         " columns, " + std::to_string(names.size()) + " names, " +
                         std::to_string(features.rows) + " rows, " + std::to_string(labels.size()) +
                         " labels");
  }
  std::vector<FeatureDistribution> result(features.cols);
  const std::size_t passes = (features.cols + kColumnsPerPass - 1) / kColumnsPerPass;
  parallel_for(passes, [&](std::size_t pass) {
    const std::size_t first = pass * kColumnsPerPass;
    const std::size_t count = std::min(kColumnsPerPass, features.cols - first);
    std::vector<float> columns(count * features.rows);  // column k's rows from k * rows
    for (std::size_t r = 0; r < features.rows; ++r) {
      const float* row = features.data + r * features.cols + first;
      for (std::size_t k = 0; k < count; ++k) columns[k * features.rows + r] = row[k];
    }
    for (std::size_t k = 0; k < count; ++k) {
      result[first + k] =
          describe(std::span<const float>(columns).subspan(k * features.rows, features.rows),
                   labels, names[first + k], histogram_bins);
    }
  });
  return result;
}

const std::vector<double>& sketch_levels() {
  static const std::vector<double> levels = [] {
    std::vector<double> l = {0, 0.0001};
    for (int k = 1; k <= 9; ++k) l.push_back(k / 1000.0);
    for (int p = 1; p <= 99; ++p) l.push_back(p / 100.0);
    for (int k = 1; k <= 9; ++k) l.push_back(0.99 + k / 1000.0);
    l.push_back(0.9999);
    l.push_back(1);
    return l;
  }();
  return levels;
}

std::vector<double> decile_edges(const FeatureDistribution& d) {
  std::vector<double> edges;
  const std::vector<double>& levels = sketch_levels();
  if (d.sketch.size() != levels.size()) return edges;
  for (std::size_t i = 0; i < levels.size(); ++i) {
    const double tenths = levels[i] * 10;
    const bool decile =
        levels[i] >= 0.1 && levels[i] <= 0.9 && std::abs(tenths - std::round(tenths)) < 1e-9;
    if (decile && (edges.empty() || d.sketch[i] > edges.back())) edges.push_back(d.sketch[i]);
  }
  return edges;
}

std::size_t decile_bin(std::span<const double> edges, double value) {
  return static_cast<std::size_t>(std::upper_bound(edges.begin(), edges.end(), value) -
                                  edges.begin());
}

std::optional<std::size_t> bin_of(const FeatureDistribution& d, double value) {
  if (std::isnan(value) || d.values_or_edges.empty()) return std::nullopt;
  const std::vector<double>& v = d.values_or_edges;
  if (d.discrete) {
    const auto found = std::lower_bound(v.begin(), v.end(), value);
    if (found == v.end() || *found != value) return std::nullopt;
    return static_cast<std::size_t>(found - v.begin());
  }
  const std::size_t bins = v.size() - 1;
  const double low = v.front(), high = v.back();
  const double share = high > low ? (value - low) / (high - low) : 0.0;
  return static_cast<std::size_t>(
      std::clamp(share * static_cast<double>(bins), 0.0, static_cast<double>(bins - 1)));
}

double percentile_rank(const FeatureDistribution& d, double value) {
  if (std::isnan(value) || d.present == 0 || d.quantiles.empty()) return std::nan("");
  if (d.discrete) {
    double below = 0, equal = 0;
    for (std::size_t i = 0; i < d.values_or_edges.size(); ++i) {
      const auto clients = static_cast<double>(d.good_counts[i] + d.default_counts[i]);
      if (d.values_or_edges[i] < value) below += clients;
      if (d.values_or_edges[i] == value) equal += clients;
    }
    return (below + equal / 2) / static_cast<double>(d.present);
  }
  // The levels whose quantile is below `value` and those equal to it.
  const std::vector<double>& q = d.quantiles;
  const auto first_equal = std::lower_bound(q.begin(), q.end(), value);
  const auto after_equal = std::upper_bound(q.begin(), q.end(), value);
  if (first_equal != after_equal) {
    const auto a = static_cast<std::size_t>(first_equal - q.begin());
    const auto b = static_cast<std::size_t>(after_equal - q.begin()) - 1;
    return (kQuantileLevels[a] + kQuantileLevels[b]) / 2;
  }
  if (first_equal == q.begin()) return 0;
  if (first_equal == q.end()) return 1;
  const auto above = static_cast<std::size_t>(first_equal - q.begin());
  const std::size_t below = above - 1;
  return kQuantileLevels[below] + (kQuantileLevels[above] - kQuantileLevels[below]) *
                                      (value - q[below]) / (q[above] - q[below]);
}

nlohmann::json to_json(const std::vector<FeatureDistribution>& distributions) {
  nlohmann::json document = nlohmann::json::array();
  for (const FeatureDistribution& d : distributions) {
    document.push_back({{"name", d.name},
                        {"present", d.present},
                        {"missing", d.missing},
                        {"mean", d.mean},
                        {"stddev", d.stddev},
                        {"quantiles", d.quantiles},
                        {"discrete", d.discrete},
                        {"values_or_edges", d.values_or_edges},
                        {"good_counts", d.good_counts},
                        {"default_counts", d.default_counts},
                        {"sketch", d.sketch},
                        {"decile_counts", d.decile_counts}});
  }
  return document;
}

std::vector<FeatureDistribution> distributions_from_json(const nlohmann::json& document) {
  if (!document.is_array()) throw corrupt("reference distributions: expected an array");
  std::vector<FeatureDistribution> result;
  for (const nlohmann::json& item : document) {
    FeatureDistribution d;
    d.name = item.value("name", "");
    if (d.name.empty()) throw corrupt("reference distribution without a name");
    d.present = item.contains("present") ? json_count(item["present"]) : 0;
    d.missing = item.contains("missing") ? json_count(item["missing"]) : 0;
    d.mean = item.value("mean", 0.0);
    d.stddev = item.value("stddev", 0.0);
    d.discrete = item.value("discrete", false);
    d.quantiles = read_array<double>(item, "quantiles", d.name);
    d.values_or_edges = read_array<double>(item, "values_or_edges", d.name);
    d.good_counts = read_array<std::size_t>(item, "good_counts", d.name);
    d.default_counts = read_array<std::size_t>(item, "default_counts", d.name);
    if (item.contains("sketch")) {
      d.sketch = read_array<double>(item, "sketch", d.name);
      d.decile_counts = read_array<std::size_t>(item, "decile_counts", d.name);
    }
    const std::size_t bins = d.good_counts.size();
    const std::size_t expected_values = d.discrete ? bins : (bins == 0 ? 0 : bins + 1);
    if (d.default_counts.size() != bins || d.values_or_edges.size() != expected_values ||
        (!d.quantiles.empty() && d.quantiles.size() != std::size(kQuantileLevels)) ||
        (!d.sketch.empty() && (d.sketch.size() != sketch_levels().size() ||
                               d.decile_counts.size() != decile_edges(d).size() + 1))) {
      throw corrupt("reference distribution of " + d.name + ": inconsistent sizes");
    }
    result.push_back(std::move(d));
  }
  return result;
}

}  // namespace creditscore::model
