// The rules every real application follows beyond each value's type, one definition for every
// way an application comes in: posted to the API, edited in a what-if, or read from a CSV file
// to score or to store.
// - The fields every application gives (the schema's `required` columns) are there.
// - Each number lies within the bounds of what it measures (the schema's Measure): amounts from
//   0 to 1e10, day counts before the application and within 100 years (DAYS_BIRTH: 18 to 100
//   years), or Home Credit's "no date" where a column may hold it; counts are whole numbers from
//   0 to 1000; shares and external scores within [0, 1]; flags 0 or 1.
// A value beyond float's range never gets here: the reader refuses it (tables/column_builder).
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
