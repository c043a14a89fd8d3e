// `creditscore demo`: the main job, end to end, on an embedded default.
#include <iostream>

#include "cli/commands.h"
#include "cli/demo_accounts.h"
#include "cli/generation.h"
#include "cli/scoring.h"
#include "cli/serving.h"
#include "cli/store_building.h"
#include "cli/text_table.h"
#include "cli/training.h"

namespace creditscore::cli {

void register_demo_command(CLI::App& app) {
  auto config = std::make_shared<synth::GeneratorConfig>();
  auto directory = std::make_shared<std::filesystem::path>("demo");
  auto settings = std::make_shared<server::ServerSettings>();
  auto serve = std::make_shared<bool>(true);
  CLI::App* command = app.add_subcommand(
      "demo",
      "Run the whole chain on a synthetic data set: generate it, read it back through the\n"
      "checked reader used for the real Kaggle files, learn a model (features, cross-validation,\n"
      "business-cost threshold, bundle, registry), score the new applications, build the client\n"
      "store, make an advisor's and an admin's logins (printed, and in DIR/credentials.txt),\n"
      "then serve the API and the advisors' dashboard until Ctrl-C.\n"
      "Example:\n  creditscore demo --clients 20000 --port 8080");
  add_generator_options(*command, *config);
  command
      ->add_option("--dir", *directory,
                   "Working directory: DIR/data, DIR/models, DIR/predictions.csv, "
                   "DIR/clients.sqlite")
      ->capture_default_str();
  command->add_option("--host", settings->host, "Address the server listens on")
      ->capture_default_str();
  command->add_option("--port", settings->port, "Port the server listens on")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--web", settings->web,
                      "The dashboard's built files (default: web/dist when it is there)");
  command->add_flag("!--no-serve", *serve, "Stop once the client store is built");
  command->callback([config, directory, settings, serve] {
    config->out = *directory / "data";
    generate_with_report(*config, std::cout);
    TrainOptions training;
    training.data = config->out;
    training.models = *directory / "models";
    training.promote = true;
    run_training(training);
    ScoreOptions scoring;
    scoring.request.data = config->out;
    scoring.models = training.models;
    scoring.request.out = *directory / "predictions.csv";
    run_scoring(scoring);
    StoreBuildOptions store;
    store.request.data = config->out;
    store.models = training.models;
    store.request.out = *directory / "clients.sqlite";
    run_store_build(store);
    const std::filesystem::path credentials = *directory / "credentials.txt";
    TextTable logins({"log in as", "user", "password"});
    for (const DemoAccount& account : make_demo_accounts(store.request.out, credentials))
      logins.add_row({account.role, account.user, account.password});
    std::cout << "\nLogins (new passwords on each run; also in " << credentials.string()
              << ", readable by you only):\n";
    logins.print(std::cout);
    if (!*serve) return;
    if (settings->web.empty() && std::filesystem::is_directory("web/dist")) {
      settings->web = "web/dist";
    }
    settings->models = training.models;
    settings->store = store.request.out;
    std::cout << '\n';
    serve_until_stopped(*settings);
  });
}

}  // namespace creditscore::cli
