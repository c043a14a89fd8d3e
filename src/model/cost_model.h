// The business cost of credit decisions. Granting a credit that defaults (a false negative) costs
// `false_negative_cost`; refusing a client who would have repaid (a false positive) costs
// `false_positive_cost`. A client is refused when the probability of default >= threshold.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

namespace creditscore::model {

// The one decision rule: refused when the probability of default is at or above the threshold.
inline bool refuses(double probability, double threshold) {
  return probability >= threshold;
}
enum class Verdict { Granted, Refused };

inline Verdict verdict(double probability, double threshold) {
  return refuses(probability, threshold) ? Verdict::Refused : Verdict::Granted;
}
// "granted" or "refused", as the API, the predictions file and the store write a decision.
inline const char* verdict_name(Verdict verdict) {
  return verdict == Verdict::Refused ? "refused" : "granted";
}
// Throws an invalid_input Error naming the text when it is neither.
Verdict parse_verdict(std::string_view text);
inline const char* decision_name(double probability, double threshold) {
  return verdict_name(verdict(probability, threshold));
}

struct CostModel {
  double false_negative_cost = 10.0;
  double false_positive_cost = 1.0;
};

struct Confusion {
  std::size_t true_positives = 0;   // refused, would have defaulted
  std::size_t false_positives = 0;  // refused, would have repaid
  std::size_t true_negatives = 0;   // granted, repaid
  std::size_t false_negatives = 0;  // granted, defaulted
  std::size_t total() const {
    return true_positives + false_positives + true_negatives + false_negatives;
  }
};

Confusion confusion_at(std::span<const double> probabilities, std::span<const int> labels,
                       double threshold);

// (FN cost x FN + FP cost x FP) / N.
double cost_per_client(const CostModel& costs, const Confusion& confusion);

struct ThresholdChoice {
  double threshold;
  double cost_per_client;
  Confusion confusion;
};

// The threshold of least cost per client, searched exactly over every distinct probability. The
// threshold returned lies halfway between the last refused and the first granted probability,
// so that it generalises rather than sitting on one client's score.
ThresholdChoice best_threshold(std::span<const double> probabilities, std::span<const int> labels,
                               const CostModel& costs);

struct CostPoint {
  double threshold;
  double cost_per_client;
};

// Cost per client at `points` evenly spaced thresholds from 0 to 1, for the model card's curve.
std::vector<CostPoint> cost_curve(std::span<const double> probabilities,
                                  std::span<const int> labels, const CostModel& costs,
                                  std::size_t points = 101);

}  // namespace creditscore::model
