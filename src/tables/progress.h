// How long work reports its progress: the library calls back, the command line draws the bar.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>

namespace creditscore {

// Called from time to time (not for every unit) with the work done so far out of the total, in
// the unit the caller chose (bytes, clients...). `stage` names what is being done.
using ProgressFn =
    std::function<void(std::string_view stage, std::uint64_t done, std::uint64_t total)>;

}  // namespace creditscore
