// Numbers as people read them in the command's tables: 1,234,567 and 12.3.
#pragma once

#include <cstdint>
#include <string>

namespace creditscore::cli {

std::string format_count(std::uint64_t value);           // 1234567 -> "1,234,567"
std::string format_megabytes(std::uint64_t bytes);       // 1234567 -> "1.2"
std::string format_fixed(double value, int decimals);    // (0.12345, 3) -> "0.123"
std::string format_percent(double share, int decimals);  // (0.0812, 1) -> "8.1 %"

}  // namespace creditscore::cli
