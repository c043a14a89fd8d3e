// Monotone relations, measured then decided: a suggestion "borrow less" must never raise the risk.
// The candidates are the features a client's recourse moves (the amount, the annuity, the price
// and their ratios) and the external scores. Each is constrained in the direction of its rank
// correlation with default on the training clients, when that correlation is clear (beyond three
// standard errors) and agrees with the business's expectation where there is one.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "model/xgboost.h"

namespace creditscore::model {

struct MonotoneChoice {
  std::string feature;
  int expected;     // +1 riskier as it grows, -1 safer, 0 no expectation: the data decides
  double spearman;  // rank correlation with default over the clients with a value
  int constraint;   // +1, -1, or 0 (left free: unclear, or against the expectation)
};

// The choices for the candidate features present in `names`. Labels are 0/1 per row.
std::vector<MonotoneChoice> choose_monotone(MatrixView features, std::span<const float> labels,
                                            std::span<const std::string> names);

// One constraint per feature of `names`, 0 where no choice constrains it: XGBoost's
// monotone_constraints.
std::vector<int> constraint_vector(std::span<const MonotoneChoice> choices,
                                   std::span<const std::string> names);

nlohmann::json to_json(std::span<const MonotoneChoice> choices);

}  // namespace creditscore::model
