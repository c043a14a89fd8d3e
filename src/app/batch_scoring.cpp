#include "app/batch_scoring.h"

#include <charconv>

#include "app/application_rules.h"
#include "app/table_coverage.h"
#include "features/feature_builder.h"
#include "model/model_bundle.h"
#include "model/xgboost.h"
#include "tables/atomic_file.h"

namespace creditscore::app {

BatchScores score_to_file(const BatchScoringRequest& request, PipelineObserver& observer) {
  const model::ModelBundle bundle = model::read_bundle(request.bundle);
  const features::FeatureCatalog catalog = features::FeatureCatalog::from_json(bundle.catalog);
  const tables::TableId scored =
      request.train_clients ? tables::TableId::ApplicationTrain : tables::TableId::ApplicationTest;
  tables::Dataset data = observer.read_dataset(request.data, {scored});
  const tables::Table& applications = data.table(scored);
  check_dataset(data, request.data);
  for (const std::string& warning : coverage_warnings(bundle.learned_from, data)) {
    observer.remark("warning: " + warning);
  }
  const features::FeatureBuilder builder(catalog);
  const tables::Table* const clients[] = {&applications};
  const features::FeatureMatrix matrix = features::assemble(observer.build_features(
      [&](features::BuildReport* report, const ProgressFn& progress) {
        return builder.build_and_release(clients, data, report, progress);
      },
      clients));
  const model::Booster booster = model::Booster::from_json(bundle.model_json);
  const std::vector<double> probabilities =
      booster.predict(model::DMatrix({matrix.values.data(), matrix.rows(), matrix.cols()}),
                      model::Prediction::Probability);

  BatchScores scores{bundle.run_id, bundle.threshold(), matrix.rows(), 0, 0};
  AtomicFile out(request.out);
  out.write("SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION\n");
  double sum = 0;
  std::string line;
  char buffer[32];
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    const bool refused = model::refuses(probabilities[r], bundle.threshold());
    scores.refused += refused ? 1 : 0;
    sum += probabilities[r];
    line = std::to_string(matrix.ids[r]) + ",";
    // XGBoost computes in float: its shortest form is the exact value.
    line.append(
        buffer,
        std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(probabilities[r])).ptr);
    line += ',';
    line += model::decision_name(probabilities[r], bundle.threshold());
    line += '\n';
    out.write(line);
  }
  out.commit();
  scores.mean_probability = matrix.rows() ? sum / static_cast<double>(matrix.rows()) : 0;
  return scores;
}

}  // namespace creditscore::app
