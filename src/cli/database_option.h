// The --database option of the commands that use the run registry or the store: the PostgreSQL
// database several servers share, whose registry (and store) is used in place of --models' (and
// --store).
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>

namespace creditscore::cli {

void add_database_option(CLI::App& command, std::filesystem::path& database);

}  // namespace creditscore::cli
