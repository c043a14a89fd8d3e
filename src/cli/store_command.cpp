// `creditscore store build`: the client store the server reads.
#include "cli/commands.h"
#include "cli/served_bundle.h"
#include "cli/store_building.h"

namespace creditscore::cli {

void register_store_command(CLI::App& app) {
  CLI::App* store = app.add_subcommand(
      "store", "The client store: the clients the server and the advisors' dashboard show.");
  store->require_subcommand(1);
  auto options = std::make_shared<StoreBuildOptions>();
  CLI::App* build = store->add_subcommand(
      "build",
      "Build the client store (SQLite) from a data set: every client of application_train\n"
      "(history, outcome known) and application_test (new applications) with the raw\n"
      "application, a summary of the history, the feature vector and the probability of\n"
      "default of a model bundle (by default the served one). Built under a temporary name and\n"
      "renamed over DB when complete. Example:\n"
      "  creditscore store build --data data --out clients.sqlite");
  add_bundle_and_data_options(*build, options->model, options->models, options->request.data);
  build->add_option("--out", options->request.out, "Client store database to write")
      ->capture_default_str();
  build->callback([options] { run_store_build(*options); });
}

}  // namespace creditscore::cli
