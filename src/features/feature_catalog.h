// The feature catalogue: every feature's name, source table, how it is computed in words and its
// label in French and English, with the categories learned from the training data. Saved with
// the model so that serving builds exactly the features the model learned from.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "features/feature_plan.h"
#include "features/learned_categories.h"
#include "tables/dataset.h"

namespace creditscore::features {

class FeatureCatalog {
 public:
  static FeatureCatalog fit(const tables::Dataset& training);

  const std::vector<FeatureInfo>& features() const { return plan_.features; }
  std::vector<std::string> names() const;
  std::optional<std::size_t> index_of(const std::string& name) const;
  const FeaturePlan& plan() const { return plan_; }
  const LearnedCategories& categories() const { return categories_; }

  nlohmann::json to_json() const;
  // Throws std::invalid_argument when the document is malformed or its features are not those
  // this program would build from its categories (a catalogue from another version).
  static FeatureCatalog from_json(const nlohmann::json& document);

 private:
  explicit FeatureCatalog(LearnedCategories categories);
  LearnedCategories categories_;
  FeaturePlan plan_;
};

}  // namespace creditscore::features
