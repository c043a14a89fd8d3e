#include <exception>
#include <iostream>

#include "cli/commands.h"
#include "common/error.h"
#include "common/parallel.h"

int main(int argc, char** argv) {
  CLI::App app{
      "creditscore: credit scoring for Pret a depenser.\n"
      "Generates a Home Credit-shaped data set, reads the real Kaggle tables, and more.\n"
      "Run `creditscore COMMAND --help` for the options of a command."};
  app.set_version_flag("--version", CREDITSCORE_VERSION);
  app.require_subcommand(1);
  app.add_option_function<std::size_t>(
         "--threads", [](std::size_t threads) { creditscore::set_thread_budget(threads); },
         "Threads every parallel step may use, given before the command (default: all cores)")
      ->check(CLI::Range(std::size_t{0}, std::size_t{1024}));
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
  creditscore::cli::register_openapi_command(app);
  creditscore::cli::register_users_command(app);
  creditscore::cli::register_tokens_command(app);
  creditscore::cli::register_audit_command(app);
  creditscore::cli::register_letters_command(app);
  creditscore::cli::register_client_command(app);
  creditscore::cli::register_recourse_command(app);
  creditscore::cli::register_monitor_command(app);
  creditscore::cli::register_outcomes_command(app);
  creditscore::cli::register_model_card_command(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& error) {
    return app.exit(error);
  } catch (const creditscore::Error& error) {
    // What the user can mend (a file, a flag, a missing run) exits with 1; a bug of ours with 70
    // (EX_SOFTWARE), so that scripts can tell them apart.
    const bool bug = error.kind() == creditscore::ErrorKind::Internal;
    std::cerr << "creditscore: " << (bug ? "internal error: " : "error: ") << error.what() << '\n';
    return bug ? 70 : 1;
  } catch (const std::exception& error) {
    std::cerr << "creditscore: internal error: " << error.what() << '\n';
    return 70;
  }
  return 0;
}
