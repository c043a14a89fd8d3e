// The law that decides who defaults. Its score reads only what a lender can observe (the
// application and the history), non-linearly and with interactions; an unobserved shock is added
// before TARGET is drawn. The true probability of default given the observed data integrates that
// shock out, and is what oracle.csv keeps: the best any model could predict.
#pragma once

#include "synth/applicant.h"
#include "synth/history.h"
#include "synth/random.h"

namespace creditscore::synth {

class DefaultModel {
 public:
  DefaultModel();

  // The score (log-odds before the shock) of an observed client.
  double score(const Applicant& applicant, const HistorySummary& history) const;
  // P(default | observed) = E[logistic(score + shock)], shock ~ N(0, kShockSd).
  double true_probability(double score) const;
  // Draws TARGET: the shock, then the outcome.
  int draw_target(double score, Random& random) const;

  static constexpr double kShockSd = 1.4;

 private:
  // Nodes and weights of the normal expectation (trapezoid rule on a fine grid: the integrand is
  // smooth, so the error is far below a float's precision).
  static constexpr int kNodes = 81;
  double nodes_[kNodes];
  double weights_[kNodes];
};

}  // namespace creditscore::synth
