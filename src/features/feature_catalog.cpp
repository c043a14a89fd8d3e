#include "features/feature_catalog.h"

#include <stdexcept>

#include "common/error.h"

namespace creditscore::features {

FeatureCatalog::FeatureCatalog(LearnedCategories categories)
    : categories_(std::move(categories)), plan_(make_plan(categories_)) {}

FeatureCatalog FeatureCatalog::fit(const tables::Dataset& training) {
  return FeatureCatalog(LearnedCategories::fit(training));
}

std::vector<std::string> FeatureCatalog::names() const {
  std::vector<std::string> names;
  for (const FeatureInfo& feature : plan_.features) names.push_back(feature.name);
  return names;
}

std::optional<std::size_t> FeatureCatalog::index_of(const std::string& name) const {
  for (std::size_t i = 0; i < plan_.features.size(); ++i) {
    if (plan_.features[i].name == name) return i;
  }
  return std::nullopt;
}

nlohmann::json FeatureCatalog::to_json() const {
  nlohmann::json features = nlohmann::json::array();
  for (const FeatureInfo& f : plan_.features) {
    features.push_back({{"name", f.name},
                        {"table", tables::schema_of(f.table).file_name},
                        {"description", f.description},
                        {"label_fr", f.label.fr},
                        {"label_en", f.label.en}});
  }
  return {{"format_version", 1}, {"features", features}, {"categories", categories_.to_json()}};
}

FeatureCatalog FeatureCatalog::from_json(const nlohmann::json& document) {
  if (!document.is_object() || document.value("format_version", 0) != 1 ||
      !document.contains("categories") || !document.contains("features") ||
      !document["features"].is_array()) {
    throw corrupt("feature catalogue: not a version 1 catalogue");
  }
  FeatureCatalog catalog(LearnedCategories::from_json(document["categories"]));
  const nlohmann::json& stored = document["features"];
  if (stored.size() != catalog.features().size()) {
    throw corrupt("feature catalogue: " + std::to_string(stored.size()) + " features stored, " +
                  std::to_string(catalog.features().size()) + " built from its categories");
  }
  for (std::size_t i = 0; i < stored.size(); ++i) {
    if (stored[i].value("name", "") != catalog.features()[i].name) {
      throw corrupt("feature catalogue: feature " + std::to_string(i) + " is " +
                    stored[i].value("name", "?") + ", this program builds " +
                    catalog.features()[i].name);
    }
  }
  return catalog;
}

}  // namespace creditscore::features
