#include "cli/number_format.h"

#include <cstdio>

namespace creditscore::cli {

std::string format_count(std::uint64_t value) {
  std::string digits = std::to_string(value);
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) grouped += ',';
    grouped += digits[i];
  }
  return grouped;
}

std::string format_fixed(double value, int decimals) {
  char text[64];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  return text;
}

std::string format_megabytes(std::uint64_t bytes) {
  return format_fixed(static_cast<double>(bytes) / 1e6, 1);
}

std::string format_percent(double share, int decimals) {
  return format_fixed(share * 100.0, decimals) + " %";
}

}  // namespace creditscore::cli
