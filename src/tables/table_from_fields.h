// A table built from fields given as text, one row at a time, with the same checks as the CSV
// reader: what the API turns a posted application and its history rows into.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "common/error.h"
#include "tables/table.h"

namespace creditscore::tables {

// A field that is not a valid value of its column: names the row and the column.
class FieldError : public Error {
 public:
  FieldError(std::size_t row, std::string column, std::string problem);
  std::size_t row;
  std::string column;
  std::string problem;
};

// Every row holds one text per column of the schema, in order; "" (or nullopt) is missing.
// Throws FieldError for a bad value, std::invalid_argument for a row of the wrong width.
Table table_from_fields(TableId table,
                        const std::vector<std::vector<std::optional<std::string>>>& rows);

// A table of `table`'s columns and no rows.
Table empty_table(TableId table);

}  // namespace creditscore::tables
