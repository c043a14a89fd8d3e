// Builds one CSV row of a table, field by field in any order, then appends it in the table's
// column order. Numbers are written as in the Kaggle files: whole numbers of a float column as
// "202500.0", others in their shortest exact decimal form ("0.018801", "24700.5").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "tables/schema.h"

namespace creditscore::synth {

class RowWriter {
 public:
  explicit RowWriter(const tables::TableSchema& schema);

  // Setters take the column's name; unset fields stay empty (missing).
  void integer(std::string_view column, std::int64_t value);
  void number(std::string_view column, double value);
  void number(std::string_view column, double value, int decimals);  // rounded first
  void text(std::string_view column, std::string_view value);
  void optional_number(std::string_view column, std::optional<double> value);

  // Appends the row (with a newline) to `out` and clears every field.
  void write_to(std::string& out);

 private:
  std::string& field(std::string_view column);

  std::vector<std::string> fields_;
  std::unordered_map<std::string_view, std::size_t> index_;
  std::string_view table_;
};

// The text of a float column's value, e.g. 202500 -> "202500.0", 0.5 -> "0.5".
void append_number(std::string& out, double value);

}  // namespace creditscore::synth
