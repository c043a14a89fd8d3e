// The model bundle: a directory holding everything needed to score, explain and audit a model.
//
//   model.json      the XGBoost model in XGBoost's own JSON format (loads in any xgboost as is)
//   catalog.json    the feature catalogue: names, labels, learned categories
//   reference.json  distributions of every feature over the training clients
//   explanation.json  the global explanation: mean |SHAP| per feature and (value, SHAP) samples
//   bundle.json     format version, run id, XGBoost version, feature names, the files training
//                   read,  decision threshold
//                   and costs, out-of-fold metrics, curves and fairness, the oracle's when known,
//                   the training settings, data fingerprint and timings, and the SHA-256 of the
//                   four files above
//   CHECKSUM        the SHA-256 of bundle.json
//
// A bundle is written under a temporary name and renamed into place when complete, so a crash
// never leaves a bundle that loads half. Loading checks the format version and every checksum.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/error.h"
#include "model/evaluation.h"
#include "model/fairness.h"
#include "model/reference_distribution.h"
#include "tables/schema.h"

namespace creditscore::model {

// A bundle that cannot be served: missing (not found), already written (conflict), or broken.
class BundleError : public Error {
 public:
  explicit BundleError(const std::string& message, ErrorKind kind = ErrorKind::Corrupt)
      : Error(kind, message) {}
};

struct ModelBundle {
  static constexpr int kFormatVersion = 2;

  std::string run_id;
  std::string created_at;  // ISO 8601, UTC
  std::string xgboost_version;
  std::vector<std::string> feature_names;
  // The files training read; the features of the others were missing for every client. Bundles
  // written before it was recorded read all eight, then required.
  std::vector<tables::TableId> learned_from{tables::all_tables().begin(),
                                            tables::all_tables().end()};
  std::string model_json;
  nlohmann::json catalog;
  std::vector<FeatureDistribution> reference;
  nlohmann::json global_explanation;  // written by the explain stage, which reads it back
  Evaluation evaluation;              // out-of-fold; holds the threshold and the costs
  std::optional<Evaluation> oracle;   // the generator's true probabilities, on generated data
  std::optional<Fairness> fairness;   // out-of-fold; absent in bundles made before it was kept
  nlohmann::json training;            // settings, rounds, trials, timings, data fingerprint

  double threshold() const { return evaluation.best.threshold; }
};

// Writes the bundle as `directory`, which must not exist yet.
void write_bundle(const ModelBundle& bundle, const std::filesystem::path& directory);

// Throws BundleError naming the directory and what is wrong: missing file, checksum mismatch,
// unknown format version, malformed content.
ModelBundle read_bundle(const std::filesystem::path& directory);

// The texts of a bundle's files, as read_bundle reads them.
struct BundleTexts {
  std::string manifest;  // bundle.json
  std::string model;
  std::string catalog;
  std::string reference;
  std::string explanation;
};

// What read_bundle does once bundle.json's own checksum (CHECKSUM) is checked: the format
// version, each file's checksum against the manifest, then the content. `source` names the
// bundle in errors.
ModelBundle parse_bundle(const BundleTexts& texts, const std::string& source);

}  // namespace creditscore::model
