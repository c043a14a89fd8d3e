#include "cli/database_option.h"

namespace creditscore::cli {

void add_database_option(CLI::App& command, std::filesystem::path& database) {
  command
      .add_option("--database", database,
                  "The PostgreSQL database servers share (postgresql://user@host:port/db): its "
                  "run registry in place of --models' (bundles fetched into --models), and its "
                  "client store in place of --store where the command reads one")
      ->envname("CREDITSCORE_DATABASE");
}

}  // namespace creditscore::cli
