// A model bundle made ready to score and explain clients: its catalogue, trees, explainer and
// reason writer, built once. What `creditscore explain`, the client store and the server share,
// so that they all give a client the same probability, decision and reasons.
//
// const methods may be called from many threads at once.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
#include <vector>

#include "explain/explainer.h"
#include "explain/reason_codes.h"
#include "features/feature_builder.h"
#include "model/model_bundle.h"

namespace creditscore::explain {

struct ClientExplanation {
  double probability;  // of default
  bool refused;        // probability ≥ the bundle's threshold
  double base_value;   // the average margin, before anything is known of the client
  double base_probability;
  std::vector<double> shap;     // per feature, on the margin's scale
  std::vector<double> effects;  // per feature, on the probability's scale; they add up
  ReasonCodes reasons;
};

class ServedModel {
 public:
  // Throws std::invalid_argument (catalogue, reference or features that do not match the model)
  // or the explainer's errors.
  explicit ServedModel(model::ModelBundle bundle);
  // read_bundle, then the above.
  static std::unique_ptr<const ServedModel> load(const std::filesystem::path& directory);
  ServedModel(const ServedModel&) = delete;
  ServedModel& operator=(const ServedModel&) = delete;

  const model::ModelBundle& bundle() const { return bundle_; }
  const features::FeatureCatalog& catalog() const { return catalog_; }
  const Explainer& explainer() const { return explainer_; }
  const ReasonWriter& reason_writer() const { return reasons_; }
  std::size_t num_features() const { return bundle_.feature_names.size(); }
  double threshold() const { return bundle_.threshold(); }

  // The `count` features of largest mean |SHAP| (the bundle's global explanation), by rank.
  std::vector<std::size_t> important_features(std::size_t count) const;

  // Feature vectors of `applications`, their history taken from `history` (see FeatureBuilder).
  features::FeatureMatrix build_features(const tables::Table& applications,
                                         const tables::Dataset& history,
                                         features::BuildReport* report = nullptr) const;
  // The probability of default of one feature vector: XGBoost's, to the bit.
  double probability(std::span<const float> row) const;
  ClientExplanation explain(std::span<const float> row, std::size_t reasons_per_side = 5) const;
  // The same from `values`, the SHAP values of `row` already computed by explainer() (per feature,
  // then the base value).
  ClientExplanation explain(std::span<const float> row, std::vector<double> values,
                            std::size_t reasons_per_side) const;

 private:
  model::ModelBundle bundle_;
  features::FeatureCatalog catalog_;
  Explainer explainer_;
  ReasonWriter reasons_;
};

}  // namespace creditscore::explain
