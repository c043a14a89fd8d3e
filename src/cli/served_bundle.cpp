#include "cli/served_bundle.h"

#include <stdexcept>

#include "cli/database_option.h"
#include "common/error.h"
#include "store/run_registry.h"

namespace creditscore::cli {

void add_bundle_and_data_options(CLI::App& command, std::filesystem::path& model,
                                 std::filesystem::path& models, std::filesystem::path& database,
                                 std::filesystem::path& data) {
  command.add_option("--model", model,
                     "Model bundle directory (default: the served run of --models)");
  command.add_option("--models", models, "Directory of the bundles and the registry")
      ->capture_default_str();
  add_database_option(command, database);
  command
      .add_option("--data", data,
                  "Directory holding the Home Credit CSV files (history files may be absent)")
      ->capture_default_str();
}

std::filesystem::path chosen_bundle(const std::filesystem::path& model,
                                    const std::filesystem::path& models,
                                    const std::filesystem::path& database) {
  if (!model.empty()) return model;
  const std::filesystem::path location = store::registry_location(models, database);
  store::RunRegistry registry(location);
  const auto served = registry.served();
  if (!served) {
    throw not_found("no model is served in " + store::display_name(location) +
                    ": give --model BUNDLE, or train one with `creditscore train`");
  }
  return registry.bundle_directory(*served, models);
}

}  // namespace creditscore::cli
