// The --database option of the commands that use the run registry (train, runs, promote): the
// PostgreSQL database several servers share, whose registry is used in place of --models'.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>

namespace creditscore::cli {

void add_database_option(CLI::App& command, std::filesystem::path& database);

}  // namespace creditscore::cli
