// Which model bundle a command uses: the one given with --model, else the run the registry of
// --models serves.
#pragma once

#include <filesystem>

namespace creditscore::cli {

// Throws std::runtime_error saying how to get a model when none is given and none is served.
std::filesystem::path chosen_bundle(const std::filesystem::path& model,
                                    const std::filesystem::path& models);

}  // namespace creditscore::cli
