#include "model/monotone_constraints.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace creditscore::model {
namespace {

struct Candidate {
  const char* feature;
  int expected;
};

// What the business expects, where it does: a higher external score or income for the credit is
// safer, a larger share of income in repayments riskier. Amounts and the repayment rate: the
// data decides.
constexpr Candidate kCandidates[] = {
    {"AMT_CREDIT", 0},    {"AMT_ANNUITY", 0},         {"AMT_GOODS_PRICE", 0},
    {"PAYMENT_RATE", 0},  {"INCOME_CREDIT_PERC", -1}, {"ANNUITY_INCOME_PERC", 1},
    {"EXT_SOURCE_1", -1}, {"EXT_SOURCE_2", -1},       {"EXT_SOURCE_3", -1},
};

// Ranks from 1, ties given their mean rank.
std::vector<double> ranks(const std::vector<double>& values) {
  std::vector<std::size_t> order(values.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](auto a, auto b) { return values[a] < values[b]; });
  std::vector<double> rank(values.size());
  for (std::size_t i = 0; i < order.size();) {
    std::size_t j = i;
    while (j < order.size() && values[order[j]] == values[order[i]]) ++j;
    const double mean = (static_cast<double>(i + j) + 1) / 2;
    for (std::size_t k = i; k < j; ++k) rank[order[k]] = mean;
    i = j;
  }
  return rank;
}

double pearson(const std::vector<double>& x, const std::vector<double>& y) {
  const double n = static_cast<double>(x.size());
  const double mx = std::accumulate(x.begin(), x.end(), 0.0) / n;
  const double my = std::accumulate(y.begin(), y.end(), 0.0) / n;
  double sxy = 0, sxx = 0, syy = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    sxy += (x[i] - mx) * (y[i] - my);
    sxx += (x[i] - mx) * (x[i] - mx);
    syy += (y[i] - my) * (y[i] - my);
  }
  return sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0;
}

}  // namespace

std::vector<MonotoneChoice> choose_monotone(MatrixView features, std::span<const float> labels,
                                            std::span<const std::string> names) {
  std::vector<MonotoneChoice> choices;
  for (const Candidate& candidate : kCandidates) {
    const auto found = std::find(names.begin(), names.end(), candidate.feature);
    if (found == names.end()) continue;
    const auto column = static_cast<std::size_t>(found - names.begin());
    std::vector<double> x, y;
    for (std::size_t r = 0; r < features.rows; ++r) {
      const float value = features.data[r * features.cols + column];
      if (std::isnan(value)) continue;
      x.push_back(value);
      y.push_back(labels[r]);
    }
    MonotoneChoice choice{candidate.feature, candidate.expected, 0, 0};
    if (x.size() >= 3) {
      choice.spearman = pearson(ranks(x), ranks(y));
      const double clear = 3 / std::sqrt(static_cast<double>(x.size()));
      const int measured = choice.spearman > clear ? 1 : choice.spearman < -clear ? -1 : 0;
      if (candidate.expected == 0 || measured == candidate.expected) choice.constraint = measured;
    }
    choices.push_back(choice);
  }
  return choices;
}

std::vector<int> constraint_vector(std::span<const MonotoneChoice> choices,
                                   std::span<const std::string> names) {
  std::vector<int> constraints(names.size(), 0);
  for (const MonotoneChoice& choice : choices) {
    const auto found = std::find(names.begin(), names.end(), choice.feature);
    if (found != names.end())
      constraints[static_cast<std::size_t>(found - names.begin())] = choice.constraint;
  }
  return constraints;
}

nlohmann::json to_json(std::span<const MonotoneChoice> choices) {
  nlohmann::json out = nlohmann::json::array();
  for (const MonotoneChoice& c : choices) {
    out.push_back({{"feature", c.feature},
                   {"expected", c.expected},
                   {"spearman", c.spearman},
                   {"constraint", c.constraint}});
  }
  return out;
}

}  // namespace creditscore::model
