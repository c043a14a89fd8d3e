// A group of clients chosen by conditions on their features, as the dashboard's filters send
// them: "FEATURE:min:max" with either bound left empty, e.g. "DAYS_BIRTH:-14600:-10950" (aged
// 30 to 40), "CODE_GENDER_F:1:1", "AMT_INCOME_TOTAL:100000:". A client with the feature missing
// is not in the group.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/client_store.h"

namespace creditscore::app {

struct FeatureCondition {
  std::size_t feature;
  std::optional<double> min, max;  // inclusive
};

// Throws an invalid_input Error naming the condition: unknown feature, bound that is not a number,
// min > max.
FeatureCondition parse_condition(const std::string& text, std::span<const std::string> names);

// The rows satisfying every condition, in order.
std::vector<std::size_t> filter_rows(const store::StoredMatrix& clients,
                                     std::span<const FeatureCondition> conditions);

}  // namespace creditscore::app
