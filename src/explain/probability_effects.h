// SHAP values live on the model's margin (log-odds) scale, where they add up; advisors read
// probabilities. Each feature's effect on the probability of default is its SHAP value times the
// same factor, (p − p_base) / (margin − base): signs and order are kept, and the effects add up
// exactly to the client's probability minus the base probability.
#pragma once

#include <span>
#include <vector>

namespace creditscore::explain {

double logistic(double margin);

// `shap`: the features' values then the base value (the Explainer's layout, one output). Returns
// one effect per feature, on the probability scale (0.08 = 8 points).
std::vector<double> probability_effects(std::span<const double> shap);

}  // namespace creditscore::explain
