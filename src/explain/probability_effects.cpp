#include "explain/probability_effects.h"

#include <cmath>
#include <numeric>
#include <stdexcept>

#include "common/error.h"

namespace creditscore::explain {

double logistic(double margin) {
  return 1 / (1 + std::exp(-margin));
}

std::vector<double> probability_effects(std::span<const double> shap) {
  if (shap.empty()) throw internal_error("probability_effects: no base value");
  const std::span<const double> values = shap.first(shap.size() - 1);
  const double base = shap.back();
  const double margin = std::accumulate(values.begin(), values.end(), base);
  const double change = margin - base;
  // Where the margin barely moves, the secant is the tangent: p (1 − p).
  const double factor = std::abs(change) > 1e-9 ? (logistic(margin) - logistic(base)) / change
                                                : logistic(base) * (1 - logistic(base));
  std::vector<double> effects(values.size());
  for (std::size_t i = 0; i < values.size(); ++i) effects[i] = values[i] * factor;
  return effects;
}

}  // namespace creditscore::explain
