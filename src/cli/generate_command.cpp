// `creditscore generate`: writes a synthetic Home Credit data set.
#include <iostream>

#include "cli/commands.h"
#include "cli/generation.h"

namespace creditscore::cli {

void register_generate_command(CLI::App& app) {
  auto config = std::make_shared<synth::GeneratorConfig>();
  config->out = "data";
  CLI::App* command = app.add_subcommand(
      "generate",
      "Write a synthetic data set with the exact layout of the Kaggle \"Home Credit Default\n"
      "Risk\" files: application_train.csv (with TARGET), application_test.csv, bureau.csv,\n"
      "bureau_balance.csv, previous_application.csv, POS_CASH_balance.csv,\n"
      "installments_payments.csv, credit_card_balance.csv; plus oracle.csv, each client's true\n"
      "probability of default, which training never reads. Example:\n"
      "  creditscore generate --clients 20000 --seed 1 --out data");
  add_generator_options(*command, *config);
  command->add_option("--out", config->out, "Directory to write (created if absent)")
      ->capture_default_str();
  command->callback([config] { generate_with_report(*config, std::cout); });
}

}  // namespace creditscore::cli
