#include "tables/table_from_fields.h"

#include "common/error.h"
#include "tables/column_builder.h"

namespace creditscore::tables {

FieldError::FieldError(std::size_t row_, std::string column_, std::string problem_)
    : Error(ErrorKind::InvalidInput,
            "row " + std::to_string(row_) + ", " + column_ + ": " + problem_),
      row(row_),
      column(std::move(column_)),
      problem(std::move(problem_)) {}

Table table_from_fields(TableId table,
                        const std::vector<std::vector<std::optional<std::string>>>& rows) {
  const TableSchema& schema = schema_of(table);
  std::vector<ColumnBuilder> builders;
  for (const ColumnSpec& spec : schema.columns) builders.emplace_back(spec.kind);
  for (std::size_t r = 0; r < rows.size(); ++r) {
    if (rows[r].size() != schema.columns.size()) {
      throw invalid_input(schema.file_name + " row " + std::to_string(r) + ": " +
                          std::to_string(rows[r].size()) + " fields, the table has " +
                          std::to_string(schema.columns.size()) + " columns");
    }
    for (std::size_t c = 0; c < builders.size(); ++c) {
      const auto problem = builders[c].append(rows[r][c].value_or(""));
      if (problem) throw FieldError(r, schema.columns[c].name, *problem);
    }
  }
  std::vector<Column> columns;
  for (ColumnBuilder& builder : builders) columns.push_back(std::move(builder).finish());
  return Table(schema, std::move(columns), rows.size());
}

Table empty_table(TableId table) {
  return table_from_fields(table, {});
}

}  // namespace creditscore::tables
