#include "cli/database_option.h"

namespace creditscore::cli {

void add_database_option(CLI::App& command, std::filesystem::path& database) {
  command
      .add_option("--database", database,
                  "The PostgreSQL database servers share (postgresql://user@host:port/db), "
                  "whose run registry is used in place of --models' (the bundles stay in "
                  "--models)")
      ->envname("CREDITSCORE_DATABASE");
}

}  // namespace creditscore::cli
