// The plain rules every real application follows beyond each value's type: no negative amount or
// count, external scores within [0, 1], a birth before the application, an employment start
// before it or Home Credit's "no date". One definition for every way an application comes in:
// posted to the API, edited in a what-if, or read from a CSV file to score or to store.
#pragma once

#include <cstddef>
#include <optional>
#include <string>

#include "tables/table.h"

namespace creditscore::app {

struct RuleBreach {
  std::size_t row;
  std::string column;
  std::string problem;  // the rule and the value, e.g. "must not be negative (got -1)"
};

// The first breach in `applications` (an application_train or application_test table), row by
// row, column by column; nullopt when every row follows the rules.
std::optional<RuleBreach> first_rule_breach(const tables::Table& applications);

// Throws a TableError naming `file`, the line (the header is line 1) and the column of the first
// breach.
void check_application_file(const tables::Table& applications, const std::string& file);

}  // namespace creditscore::app
