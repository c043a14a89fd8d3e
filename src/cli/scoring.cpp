#include "cli/scoring.h"

#include <charconv>
#include <iostream>

#include "cli/dataset_report.h"
#include "cli/feature_report.h"
#include "cli/number_format.h"
#include "cli/served_bundle.h"
#include "cli/text_table.h"
#include "features/feature_builder.h"
#include "model/model_bundle.h"
#include "model/xgboost.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {

void run_scoring(const ScoreOptions& options) {
  const std::filesystem::path bundle_path = chosen_bundle(options.model, options.models);
  const model::ModelBundle bundle = model::read_bundle(bundle_path);
  const features::FeatureCatalog catalog = features::FeatureCatalog::from_json(bundle.catalog);
  const tables::Dataset data = read_dataset_with_report(options.data, std::cout);
  const tables::Table& applications =
      options.clients == "train" ? data.application_train : data.application_test;
  const features::FeatureMatrix matrix =
      build_features_with_report(features::FeatureBuilder(catalog), applications, data, std::cout);
  const model::Booster booster = model::Booster::from_json(bundle.model_json);
  const std::vector<double> probabilities =
      booster.predict(model::DMatrix({matrix.values.data(), matrix.rows(), matrix.cols()}),
                      model::Prediction::Probability);

  AtomicFile out(options.out);
  out.write("SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION\n");
  std::size_t refused = 0;
  double sum = 0;
  std::string line;
  char buffer[32];
  for (std::size_t r = 0; r < matrix.rows(); ++r) {
    const bool refuse = probabilities[r] >= bundle.threshold();
    refused += refuse ? 1 : 0;
    sum += probabilities[r];
    line = std::to_string(matrix.ids[r]) + ",";
    // XGBoost computes in float: its shortest form is the exact value.
    line.append(
        buffer,
        std::to_chars(buffer, buffer + sizeof buffer, static_cast<float>(probabilities[r])).ptr);
    line += refuse ? ",refused\n" : ",granted\n";
    out.write(line);
  }
  out.commit();

  std::cout << "\nScored with " << bundle.run_id << " (" << bundle_path.string() << ")\n\n";
  TextTable table({"measure", "value"});
  table.add_row({"clients", format_count(matrix.rows())});
  table.add_row({"decision threshold", format_fixed(bundle.threshold(), 3)});
  table.add_row(
      {"refused", format_count(refused) + " (" +
                      format_percent(matrix.rows() ? static_cast<double>(refused) /
                                                         static_cast<double>(matrix.rows())
                                                   : 0,
                                     1) +
                      ")"});
  table.add_row({"mean probability of default",
                 format_fixed(matrix.rows() ? sum / static_cast<double>(matrix.rows()) : 0, 4)});
  table.add_row({"written to", options.out.string()});
  table.print(std::cout);
}

}  // namespace creditscore::cli
