// Reading oracle.csv back: each generated client's true probability of default, to measure how
// close a model comes to the best achievable. Training never reads it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <unordered_map>

namespace creditscore::synth {

// SK_ID_CURR -> TRUE_PD. Throws std::runtime_error naming the file and line of a malformed row.
std::unordered_map<std::int64_t, double> read_oracle(const std::filesystem::path& file);

}  // namespace creditscore::synth
