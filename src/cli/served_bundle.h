// Which model bundle a command uses: the one given with --model, else the run the registry of
// --models (or of --database) serves.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>

namespace creditscore::cli {

// --model BUNDLE, --models DIR, --database URL and --data DIR, as every command that reads a
// bundle and a data set takes them.
void add_bundle_and_data_options(CLI::App& command, std::filesystem::path& model,
                                 std::filesystem::path& models, std::filesystem::path& database,
                                 std::filesystem::path& data);

// A not_found Error saying how to get a model when none is given and none is served. A bundle
// the shared database holds is fetched into `models`.
std::filesystem::path chosen_bundle(const std::filesystem::path& model,
                                    const std::filesystem::path& models,
                                    const std::filesystem::path& database);

}  // namespace creditscore::cli
