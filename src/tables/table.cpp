#include "tables/table.h"

#include <stdexcept>

#include "common/error.h"

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
    throw internal_error(schema.file_name + ": table built with " +
                         std::to_string(columns_.size()) + " columns, schema has " +
                         std::to_string(schema.columns.size()));
  }
}

const Column& Table::column(std::string_view name) const {
  if (schema_ == nullptr) throw internal_error("empty table has no column " + std::string(name));
  return columns_[schema_->index_of(name)];
}

std::span<const Id> Table::ids(std::string_view name) const {
  const Column& c = column(name);
  if (c.kind != ColumnKind::Id) {
    throw internal_error(schema_->file_name + ": column " + std::string(name) + " is not an id");
  }
  return c.ids;
}

std::span<const float> Table::numbers(std::string_view name) const {
  const Column& c = column(name);
  if (c.kind != ColumnKind::Number) {
    throw internal_error(schema_->file_name + ": column " + std::string(name) + " is not numeric");
  }
  return c.numbers;
}

}  // namespace creditscore::tables
