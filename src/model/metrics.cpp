#include "model/metrics.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>

#include "common/error.h"
#include "common/parallel.h"

namespace creditscore::model {
namespace {

void check_sizes(const char* what, std::size_t scores, std::size_t labels) {
  if (scores != labels) {
    throw invalid_input(std::string(what) + ": " + std::to_string(scores) + " scores for " +
                        std::to_string(labels) + " labels");
  }
  if (scores == 0) throw invalid_input(std::string(what) + ": no clients");
}

// Indices of the clients by decreasing score.
std::vector<std::size_t> by_decreasing_score(std::span<const double> scores) {
  std::vector<std::size_t> order(scores.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return scores[a] > scores[b]; });
  return order;
}

std::size_t count_positives(std::span<const int> labels) {
  return static_cast<std::size_t>(std::count(labels.begin(), labels.end(), 1));
}

void check_both_outcomes(const char* what, std::size_t positives, std::size_t total) {
  if (positives == 0 || positives == total) {
    throw invalid_input(std::string(what) + ": both outcomes must be present");
  }
}

// Walks the clients by decreasing score, one group of tied scores at a time, calling
// step(score, true_positives_so_far, false_positives_so_far) after each group.
template <typename Step>
void sweep_thresholds(std::span<const double> scores, std::span<const int> labels, Step step) {
  const std::vector<std::size_t> order = by_decreasing_score(scores);
  std::size_t true_positives = 0;
  std::size_t false_positives = 0;
  for (std::size_t start = 0; start < order.size();) {
    std::size_t end = start;
    const double score = scores[order[start]];
    while (end < order.size() && scores[order[end]] == score) {
      (labels[order[end]] == 1 ? true_positives : false_positives) += 1;
      ++end;
    }
    step(score, true_positives, false_positives);
    start = end;
  }
}

}  // namespace

double roc_auc(std::span<const double> scores, std::span<const int> labels) {
  check_sizes("roc_auc", scores.size(), labels.size());
  const std::size_t positives = count_positives(labels);
  check_both_outcomes("roc_auc", positives, labels.size());
  const double negatives = static_cast<double>(labels.size() - positives);
  // Trapezoids under the ROC curve; a tied group is a diagonal step, which counts ties as 1/2.
  double area = 0;
  double previous_tpr = 0;
  double previous_fpr = 0;
  sweep_thresholds(scores, labels, [&](double, std::size_t tp, std::size_t fp) {
    const double tpr = static_cast<double>(tp) / static_cast<double>(positives);
    const double fpr = static_cast<double>(fp) / negatives;
    area += (fpr - previous_fpr) * (tpr + previous_tpr) / 2.0;
    previous_tpr = tpr;
    previous_fpr = fpr;
  });
  return area;
}

Interval roc_auc_interval(std::span<const double> scores, std::span<const int> labels,
                          std::size_t resamples, double level, std::uint64_t seed) {
  check_sizes("roc_auc_interval", scores.size(), labels.size());
  check_both_outcomes("roc_auc_interval", count_positives(labels), labels.size());
  if (resamples < 2 || !(level > 0 && level < 1))
    throw invalid_input("roc_auc_interval: at least 2 resamples and a level in (0, 1)");
  std::vector<std::size_t> order = by_decreasing_score(scores);
  std::reverse(order.begin(), order.end());  // increasing: the good clients below come first
  const std::size_t n = order.size();
  std::vector<double> areas(resamples, std::nan(""));
  parallel_for(resamples, [&](std::size_t r) {
    std::mt19937_64 random(seed + r);
    std::uniform_int_distribution<std::size_t> pick(0, n - 1);
    std::vector<std::uint32_t> times(n, 0);  // how often each client is drawn
    for (std::size_t k = 0; k < n; ++k) ++times[pick(random)];
    // Each defaulter beats the good clients scored below it, and half of those tied with it.
    double wins = 0, good_below = 0, defaulters = 0;
    for (std::size_t start = 0; start < n;) {
      double good = 0, bad = 0;
      std::size_t end = start;
      for (; end < n && scores[order[end]] == scores[order[start]]; ++end)
        (labels[order[end]] == 1 ? bad : good) += times[order[end]];
      wins += bad * (good_below + good / 2);
      good_below += good;
      defaulters += bad;
      start = end;
    }
    if (defaulters > 0 && good_below > 0) areas[r] = wins / (defaulters * good_below);
  });
  std::erase_if(areas, [](double a) { return std::isnan(a); });  // a resample of one outcome
  if (areas.empty()) throw invalid_input("roc_auc_interval: too few clients of one outcome");
  std::sort(areas.begin(), areas.end());
  auto percentile = [&](double share) {
    return areas[static_cast<std::size_t>(
        std::lround(share * static_cast<double>(areas.size() - 1)))];
  };
  return {percentile((1 - level) / 2), percentile((1 + level) / 2)};
}

double pr_auc(std::span<const double> scores, std::span<const int> labels) {
  check_sizes("pr_auc", scores.size(), labels.size());
  const std::size_t positives = count_positives(labels);
  check_both_outcomes("pr_auc", positives, labels.size());
  double average_precision = 0;
  double previous_recall = 0;
  sweep_thresholds(scores, labels, [&](double, std::size_t tp, std::size_t fp) {
    const double recall = static_cast<double>(tp) / static_cast<double>(positives);
    const double precision = static_cast<double>(tp) / static_cast<double>(tp + fp);
    average_precision += (recall - previous_recall) * precision;
    previous_recall = recall;
  });
  return average_precision;
}

double brier_score(std::span<const double> probabilities, std::span<const int> labels) {
  check_sizes("brier_score", probabilities.size(), labels.size());
  double sum = 0;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const double error = probabilities[i] - labels[i];
    sum += error * error;
  }
  return sum / static_cast<double>(probabilities.size());
}

std::vector<RocPoint> roc_curve(std::span<const double> scores, std::span<const int> labels,
                                std::size_t max_points) {
  check_sizes("roc_curve", scores.size(), labels.size());
  const std::size_t positives = count_positives(labels);
  check_both_outcomes("roc_curve", positives, labels.size());
  const double negatives = static_cast<double>(labels.size() - positives);
  std::vector<RocPoint> all = {{1.0 + *std::max_element(scores.begin(), scores.end()), 0.0, 0.0}};
  sweep_thresholds(scores, labels, [&](double score, std::size_t tp, std::size_t fp) {
    all.push_back({score, static_cast<double>(fp) / negatives,
                   static_cast<double>(tp) / static_cast<double>(positives)});
  });
  if (max_points < 2 || all.size() <= max_points) return all;
  std::vector<RocPoint> thinned;
  for (std::size_t k = 0; k < max_points; ++k) {
    thinned.push_back(all[k * (all.size() - 1) / (max_points - 1)]);
  }
  return thinned;
}

std::vector<CalibrationBin> calibration_curve(std::span<const double> probabilities,
                                              std::span<const int> labels, std::size_t bins) {
  check_sizes("calibration_curve", probabilities.size(), labels.size());
  if (bins == 0) throw invalid_input("calibration_curve: bins must be at least 1");
  std::vector<std::size_t> order = by_decreasing_score(probabilities);
  std::reverse(order.begin(), order.end());
  const std::size_t n = order.size();
  bins = std::min(bins, n);
  std::vector<CalibrationBin> curve;
  for (std::size_t b = 0; b < bins; ++b) {
    const std::size_t begin = b * n / bins;
    const std::size_t end = (b + 1) * n / bins;
    double probability_sum = 0;
    double defaults = 0;
    for (std::size_t i = begin; i < end; ++i) {
      probability_sum += probabilities[order[i]];
      defaults += labels[order[i]];
    }
    const double count = static_cast<double>(end - begin);
    curve.push_back({probability_sum / count, defaults / count, end - begin});
  }
  return curve;
}

double calibration_error(const std::vector<CalibrationBin>& curve) {
  double weighted = 0;
  double clients = 0;
  for (const CalibrationBin& bin : curve) {
    weighted +=
        std::abs(bin.mean_probability - bin.observed_rate) * static_cast<double>(bin.clients);
    clients += static_cast<double>(bin.clients);
  }
  return clients == 0 ? 0.0 : weighted / clients;
}

}  // namespace creditscore::model
