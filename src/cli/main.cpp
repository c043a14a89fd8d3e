#include <exception>
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "creditscore: credit scoring for Pret a depenser.\n"
      "Generates a Home Credit-shaped data set, reads the real Kaggle tables, and more.\n"
      "Run `creditscore COMMAND --help` for the options of a command."};
  app.set_version_flag("--version", CREDITSCORE_VERSION);
  app.require_subcommand(1);
  creditscore::cli::register_generate_command(app);
  creditscore::cli::register_inspect_command(app);
  creditscore::cli::register_features_command(app);
  creditscore::cli::register_train_command(app);
  creditscore::cli::register_score_command(app);
  creditscore::cli::register_store_command(app);
  creditscore::cli::register_explain_command(app);
  creditscore::cli::register_serve_command(app);
  creditscore::cli::register_runs_command(app);
  creditscore::cli::register_promote_command(app);
  creditscore::cli::register_demo_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const std::exception& error) {
    std::cerr << "creditscore: error: " << error.what() << '\n';
    return 1;
  }
  return 0;
}
