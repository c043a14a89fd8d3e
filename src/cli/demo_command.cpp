// `creditscore demo`: the main job, end to end, on an embedded default.
#include <iostream>

#include "cli/commands.h"
#include "cli/dataset_report.h"
#include "cli/generation.h"

namespace creditscore::cli {

void register_demo_command(CLI::App& app) {
  auto config = std::make_shared<synth::GeneratorConfig>();
  config->out = "demo-data";
  CLI::App* command = app.add_subcommand(
      "demo",
      "Run the whole chain on a synthetic data set: generate it, then read it back through the\n"
      "same checked reader used for the real Kaggle files, and print what was found.\n"
      "Example:\n  creditscore demo --clients 20000");
  add_generator_options(*command, *config);
  command->add_option("--dir", config->out, "Working directory for the data set")
      ->capture_default_str();
  command->callback([config] {
    generate_with_report(*config, std::cout);
    read_dataset_with_report(config->out, std::cout);
  });
}

}  // namespace creditscore::cli
