// A table in memory: typed columns, one value per row, in the order of the file.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "tables/schema.h"

namespace creditscore::tables {

inline constexpr std::int32_t kMissingCode = -1;

// An id column's values (SK_ID_CURR, SK_ID_PREV, SK_ID_BUREAU): 32 bits, which every Home Credit id
// fits in with room to spare, and half the memory of 64 (a third of a Kaggle-scale data set's
// columns are ids). The reader refuses larger ones by name.
using Id = std::int32_t;

// One column. Exactly one storage vector is filled, chosen by `kind`.
struct Column {
  ColumnKind kind = ColumnKind::Number;
  std::vector<Id> ids;                  // Id
  std::vector<float> numbers;           // Number; NaN where the field was empty
  std::vector<std::int32_t> codes;      // Category; kMissingCode where the field was empty
  std::vector<std::string> categories;  // Category: the text of each code, by first appearance

  // The text of a category row, or "" when missing.
  std::string_view category(std::size_t row) const {
    const std::int32_t code = codes[row];
    return code == kMissingCode ? std::string_view{} : std::string_view{categories[code]};
  }
  // The code of a category text, or kMissingCode when the text never occurs.
  std::int32_t code_of(std::string_view text) const;
};

class Table {
 public:
  Table() = default;
  Table(const TableSchema& schema, std::vector<Column> columns, std::size_t rows);

  const TableSchema& schema() const { return *schema_; }
  std::size_t rows() const { return rows_; }
  std::size_t column_count() const { return columns_.size(); }

  // Columns by name throw std::out_of_range naming the table and column when absent, and
  // std::logic_error when the column is not of the asked kind.
  const Column& column(std::string_view name) const;
  const Column& column(std::size_t index) const { return columns_[index]; }
  std::span<const Id> ids(std::string_view name) const;
  std::span<const float> numbers(std::string_view name) const;

 private:
  const TableSchema* schema_ = nullptr;
  std::vector<Column> columns_;
  std::size_t rows_ = 0;
};

}  // namespace creditscore::tables
