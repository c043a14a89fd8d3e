// `creditscore features`: the feature matrix of a data set, for inspection and for other tools.
#include <array>
#include <iostream>

#include "cli/commands.h"
#include "cli/dataset_report.h"
#include "cli/feature_report.h"
#include "features/feature_matrix.h"
#include "features/matrix_writer.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct FeaturesOptions {
  std::filesystem::path data = "data";
  std::filesystem::path out = "features.bin";
  std::filesystem::path csv;
  std::filesystem::path catalog;
};

}  // namespace

void register_features_command(CLI::App& app) {
  auto options = std::make_shared<FeaturesOptions>();
  CLI::App* command = app.add_subcommand(
      "features",
      "Build the feature vectors of every client of a data set (application fields, ratios,\n"
      "one-hot categories and aggregates of the six history tables: about 700 features), with the\n"
      "categories learned from it, and write them as a compact binary matrix (format in\n"
      "src/features/feature_matrix.h), optionally as CSV with SK_ID_CURR first, and the feature\n"
      "catalogue (names, tables, descriptions, French and English labels) as JSON. Example:\n"
      "  creditscore features --data data --out features.bin --csv features.csv");
  command
      ->add_option("--data", options->data,
                   "Directory holding the Home Credit CSV files (history files may be absent)")
      ->capture_default_str();
  command->add_option("--out", options->out, "Binary matrix to write")->capture_default_str();
  command->add_option("--csv", options->csv, "Also write the matrix as CSV here");
  command->add_option("--catalog", options->catalog,
                      "Also write the feature catalogue (JSON) here");
  command->callback([options] {
    tables::Dataset data =
        read_dataset_with_report(options->data, std::cout, {tables::TableId::ApplicationTrain});
    const features::FeatureCatalog catalog = features::FeatureCatalog::fit(data);
    const features::FeatureBuilder builder(catalog);
    // Train clients first (with TARGET), then test clients (TARGET missing).
    const std::array<const tables::Table*, 2> applications{&data.application_train,
                                                           &data.application_test};
    // Each block goes to the file as soon as it is built, while the next one is.
    const features::FeatureBlocks matrix = build_features_with_report(
        [&](features::BuildReport* report, const ProgressFn& progress) {
          features::FeatureBlocks built = builder.layout(applications);
          features::MatrixWriter writer(options->out, built);  // stops before `built` goes
          builder.build_and_release(
              built, applications, data, report, progress,
              [&](const features::FeatureBlock& block) { writer.write(block); });
          writer.commit();
          return built;
        },
        applications, std::cout);
    std::cout << "\nWrote " << options->out.string();
    if (!options->csv.empty()) {
      features::write_matrix_csv(matrix, options->csv);
      std::cout << ", " << options->csv.string();
    }
    if (!options->catalog.empty()) {
      write_file_atomically(options->catalog, catalog.to_json().dump(1));
      std::cout << ", " << options->catalog.string();
    }
    std::cout << "\n";
  });
}

}  // namespace creditscore::cli
