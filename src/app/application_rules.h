// The rules every real application and its history follow beyond each value's type, one
// definition for every way they come in: posted to the API, edited in a what-if, or read from a
// CSV file to score or to store.
// - The fields every application gives (the schema's `required` columns) are there.
// - Each number lies within the bounds of what it measures (the schema's Measure): amounts from
//   0 to 1e10, day counts before the application and within 100 years (DAYS_BIRTH: 18 to 100
//   years), or Home Credit's "no date" where a column may hold it; counts are whole numbers from
//   0 to 1000; shares and external scores within [0, 1]; flags 0 or 1.
// - The history's numbers: amounts within ±1e10, day counts within 150 years either way (or "no
//   date"), months whole and within 100 years before, tallies (instalments, days past due) whole
//   from 0 to 100,000.
// A value beyond float's range never gets here: the reader refuses it (tables/column_builder).
#pragma once

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

#include "tables/dataset.h"
#include "tables/table.h"

namespace creditscore::app {

struct RuleBreach {
  std::size_t row;
  std::string column;
  std::string problem;  // the rule and the value, e.g. "must not be negative (got -1)"
};

// The first breach in `table`, row by row, column by column; nullopt when every row follows the
// rules.
std::optional<RuleBreach> first_rule_breach(const tables::Table& table);

// Throws a TableError naming `file`, the line (the header is line 1) and the column of the first
// breach.
void check_table_file(const tables::Table& table, const std::string& file);

// check_table_file on every table of `data`, read from `directory`.
void check_dataset(const tables::Dataset& data, const std::filesystem::path& directory);

}  // namespace creditscore::app
