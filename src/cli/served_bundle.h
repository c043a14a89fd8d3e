// Which model bundle a command uses: the one given with --model, else the run the registry of
// --models serves.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>

namespace creditscore::cli {

// --model BUNDLE, --models DIR and --data DIR, as every command that reads a bundle and a data
// set takes them.
void add_bundle_and_data_options(CLI::App& command, std::filesystem::path& model,
                                 std::filesystem::path& models, std::filesystem::path& data);

// Throws std::runtime_error saying how to get a model when none is given and none is served.
std::filesystem::path chosen_bundle(const std::filesystem::path& model,
                                    const std::filesystem::path& models);

}  // namespace creditscore::cli
