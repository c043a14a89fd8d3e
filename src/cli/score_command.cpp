// `creditscore score`: batch scoring of a data set's clients with a model bundle.
#include "cli/commands.h"
#include "cli/scoring.h"
#include "cli/served_bundle.h"

namespace creditscore::cli {

void register_score_command(CLI::App& app) {
  auto options = std::make_shared<ScoreOptions>();
  CLI::App* command = app.add_subcommand(
      "score",
      "Score every client of a data set with a model bundle (by default the served one): builds\n"
      "their features with the bundle's catalogue, predicts each probability of default, and\n"
      "decides with the bundle's threshold. Writes SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION\n"
      "(granted or refused). Example:\n"
      "  creditscore score --data data --out predictions.csv");
  add_bundle_and_data_options(*command, options->model, options->models, options->database,
                              options->request.data);
  command->add_option("--clients", options->clients, "Which applications: test (new) or train")
      ->check(CLI::IsMember({"test", "train"}))
      ->capture_default_str();
  command->add_option("--out", options->request.out, "Predictions file to write")
      ->capture_default_str();
  command->callback([options] { run_scoring(*options); });
}

}  // namespace creditscore::cli
