#include "model/cost_model.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore::model {
namespace {

void check_inputs(std::span<const double> probabilities, std::span<const int> labels) {
  if (probabilities.size() != labels.size() || probabilities.empty()) {
    throw internal_error("cost model: " + std::to_string(probabilities.size()) +
                         " probabilities for " + std::to_string(labels.size()) + " labels");
  }
}

}  // namespace

Verdict parse_verdict(std::string_view text) {
  if (text == verdict_name(Verdict::Granted)) return Verdict::Granted;
  if (text == verdict_name(Verdict::Refused)) return Verdict::Refused;
  throw invalid_input("\"" + std::string(text) + "\" is no decision: say granted or refused");
}

Confusion confusion_at(std::span<const double> probabilities, std::span<const int> labels,
                       double threshold) {
  check_inputs(probabilities, labels);
  Confusion confusion;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const bool refused = refuses(probabilities[i], threshold);
    const bool defaulted = labels[i] == 1;
    if (refused) {
      (defaulted ? confusion.true_positives : confusion.false_positives) += 1;
    } else {
      (defaulted ? confusion.false_negatives : confusion.true_negatives) += 1;
    }
  }
  return confusion;
}

double cost_per_client(const CostModel& costs, const Confusion& confusion) {
  return (costs.false_negative_cost * static_cast<double>(confusion.false_negatives) +
          costs.false_positive_cost * static_cast<double>(confusion.false_positives)) /
         static_cast<double>(confusion.total());
}

ThresholdChoice best_threshold(std::span<const double> probabilities, std::span<const int> labels,
                               const CostModel& costs) {
  check_inputs(probabilities, labels);
  std::vector<std::size_t> order(probabilities.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(),
            [&](std::size_t a, std::size_t b) { return probabilities[a] > probabilities[b]; });
  const std::size_t positives =
      static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1));
  // Start by granting everyone, then refuse clients by decreasing probability, one group of
  // equal probabilities at a time.
  Confusion current;
  current.false_negatives = positives;
  current.true_negatives = labels.size() - positives;
  ThresholdChoice best{std::nextafter(probabilities[order[0]], 2.0),
                       cost_per_client(costs, current), current};
  for (std::size_t start = 0; start < order.size();) {
    const double probability = probabilities[order[start]];
    std::size_t end = start;
    for (; end < order.size() && probabilities[order[end]] == probability; ++end) {
      if (labels[order[end]] == 1) {
        current.false_negatives -= 1;
        current.true_positives += 1;
      } else {
        current.true_negatives -= 1;
        current.false_positives += 1;
      }
    }
    const double cost = cost_per_client(costs, current);
    if (cost < best.cost_per_client) {
      const double next = end < order.size() ? probabilities[order[end]] : 0.0;
      best = {(probability + next) / 2.0, cost, current};
    }
    start = end;
  }
  return best;
}

std::vector<CostPoint> cost_curve(std::span<const double> probabilities,
                                  std::span<const int> labels, const CostModel& costs,
                                  std::size_t points) {
  check_inputs(probabilities, labels);
  std::vector<CostPoint> curve;
  for (std::size_t k = 0; k < points; ++k) {
    const double threshold =
        points == 1 ? 0.5 : static_cast<double>(k) / static_cast<double>(points - 1);
    curve.push_back(
        {threshold, cost_per_client(costs, confusion_at(probabilities, labels, threshold))});
  }
  return curve;
}

}  // namespace creditscore::model
