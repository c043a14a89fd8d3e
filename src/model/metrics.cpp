#include "model/metrics.h"

#include <algorithm>
#include <numeric>
#include <stdexcept>
#include <vector>

namespace creditscore::model {

double roc_auc(std::span<const double> scores, std::span<const int> labels) {
  if (scores.size() != labels.size()) {
    throw std::invalid_argument("roc_auc: " + std::to_string(scores.size()) + " scores for " +
                                std::to_string(labels.size()) + " labels");
  }
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return scores[a] < scores[b];
  });
  // Mann-Whitney U: sum of the positives' ranks, tied scores sharing their mean rank.
  double positive_rank_sum = 0;
  double positives = 0;
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start;
    while (end < order.size() && scores[order[end]] == scores[order[start]]) ++end;
    const double mean_rank = (static_cast<double>(start + end - 1) / 2.0) + 1.0;
    for (std::size_t i = start; i < end; ++i) {
      if (labels[order[i]] == 1) {
        positive_rank_sum += mean_rank;
        positives += 1;
      }
    }
    start = end;
  }
  const double negatives = static_cast<double>(scores.size()) - positives;
  if (positives == 0 || negatives == 0) {
    throw std::invalid_argument("roc_auc: both outcomes must be present");
  }
  return (positive_rank_sum - positives * (positives + 1) / 2.0) / (positives * negatives);
}

}  // namespace creditscore::model
