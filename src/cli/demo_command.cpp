// `creditscore demo`: the main job, end to end, on an embedded default.
#include <iostream>

#include "cli/commands.h"
#include "cli/generation.h"
#include "cli/scoring.h"
#include "cli/training.h"

namespace creditscore::cli {

void register_demo_command(CLI::App& app) {
  auto config = std::make_shared<synth::GeneratorConfig>();
  auto directory = std::make_shared<std::filesystem::path>("demo");
  CLI::App* command = app.add_subcommand(
      "demo",
      "Run the whole chain on a synthetic data set: generate it, read it back through the\n"
      "checked reader used for the real Kaggle files, learn a model (features, cross-validation,\n"
      "business-cost threshold, bundle, registry), then score the new applications.\n"
      "Example:\n  creditscore demo --clients 20000");
  add_generator_options(*command, *config);
  command
      ->add_option("--dir", *directory,
                   "Working directory: DIR/data, DIR/models, DIR/predictions.csv")
      ->capture_default_str();
  command->callback([config, directory] {
    config->out = *directory / "data";
    generate_with_report(*config, std::cout);
    TrainOptions training;
    training.data = config->out;
    training.models = *directory / "models";
    training.promote = true;
    run_training(training);
    ScoreOptions scoring;
    scoring.data = config->out;
    scoring.models = training.models;
    scoring.out = *directory / "predictions.csv";
    run_scoring(scoring);
  });
}

}  // namespace creditscore::cli
