#include "tables/table.h"

#include <stdexcept>

namespace creditscore::tables {

std::int32_t Column::code_of(std::string_view text) const {
  for (std::size_t code = 0; code < categories.size(); ++code) {
    if (categories[code] == text) return static_cast<std::int32_t>(code);
  }
  return kMissingCode;
}

Table::Table(const TableSchema& schema, std::vector<Column> columns, std::size_t rows)
    : schema_(&schema), columns_(std::move(columns)), rows_(rows) {
  if (columns_.size() != schema.columns.size()) {
    throw std::logic_error(schema.file_name + ": table built with " +
                           std::to_string(columns_.size()) + " columns, schema has " +
                           std::to_string(schema.columns.size()));
  }
}

const Column& Table::column(std::string_view name) const {
  if (schema_ == nullptr) throw std::out_of_range("empty table has no column " + std::string(name));
  return columns_[schema_->index_of(name)];
}

std::span<const std::int64_t> Table::ids(std::string_view name) const {
  const Column& c = column(name);
  if (c.kind != ColumnKind::Id) {
    throw std::logic_error(schema_->file_name + ": column " + std::string(name) + " is not an id");
  }
  return c.ids;
}

std::span<const float> Table::numbers(std::string_view name) const {
  const Column& c = column(name);
  if (c.kind != ColumnKind::Number) {
    throw std::logic_error(schema_->file_name + ": column " + std::string(name) +
                           " is not numeric");
  }
  return c.numbers;
}

}  // namespace creditscore::tables
