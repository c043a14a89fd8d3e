// `creditscore inspect`: reads a data set (generated or the real Kaggle files) and reports it.
#include <iostream>

#include "cli/commands.h"
#include "cli/dataset_report.h"

namespace creditscore::cli {

void register_inspect_command(CLI::App& app) {
  auto directory = std::make_shared<std::filesystem::path>("data");
  CLI::App* command = app.add_subcommand(
      "inspect",
      "Read the Home Credit files of a directory (generated, or the real Kaggle files\n"
      "unchanged), check every header against the expected columns and every value against its\n"
      "type, and print rows, missing share and reading speed per file, a warning for each file\n"
      "that is not there (a history table a lender lacks: its features will be missing), then\n"
      "the history rows whose ids refer to nothing. A bad file stops with its name, line and\n"
      "column. Example:\n"
      "  creditscore inspect --data data");
  command
      ->add_option("--data", *directory,
                   "Directory holding the Home Credit CSV files (history files may be absent)")
      ->capture_default_str();
  command->callback([directory] { read_dataset_with_report(*directory, std::cout); });
}

}  // namespace creditscore::cli
