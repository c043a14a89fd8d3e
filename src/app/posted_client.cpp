#include "app/posted_client.h"

#include "app/application_rules.h"
#include "common/error.h"
#include "tables/table_from_fields.h"

namespace creditscore::app {
namespace {

using nlohmann::json;
using tables::TableId;

std::string table_key(TableId table) {
  std::string name = tables::schema_of(table).file_name;
  return name.substr(0, name.size() - 4);  // without ".csv"
}

std::optional<std::string> field_text(const json& value, const tables::ColumnSpec& column,
                                      const std::string& where) {
  if (value.is_null()) return std::nullopt;
  if (column.kind == tables::ColumnKind::Category) {
    if (!value.is_string()) {
      throw invalid_input(where + "." + column.name + ": expected text, got " + value.dump());
    }
    return value.get<std::string>();
  }
  if (!value.is_number()) {
    throw invalid_input(where + "." + column.name + ": expected a number, got " + value.dump());
  }
  return value.dump();
}

// Rows of `table` from a JSON array of objects, each row's SK_ID_CURR set to `client`. Errors
// name the row as where[r], or as `where` alone for the application's single row.
tables::Table rows_table(TableId table, const json& rows, std::int64_t client,
                         const std::string& where) {
  const bool single = table == TableId::ApplicationTest;
  auto row_name = [&](std::size_t r) {
    return single ? where : where + "[" + std::to_string(r) + "]";
  };
  const tables::TableSchema& schema = tables::schema_of(table);
  if (!rows.is_array()) throw invalid_input(where + ": expected an array of rows");
  std::vector<std::vector<std::optional<std::string>>> fields;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const std::string row_where = row_name(r);
    const json& row = rows[r];
    if (!row.is_object()) throw invalid_input(row_where + ": expected an object of fields");
    for (const auto& [key, value] : row.items()) {
      if (!schema.find(key)) {
        throw invalid_input(row_where + ": unknown field " + key + " (not a column of " +
                            schema.file_name + ")");
      }
    }
    std::vector<std::optional<std::string>> texts;
    for (const tables::ColumnSpec& column : schema.columns) {
      const auto found = row.find(column.name);
      if (column.name == "SK_ID_CURR") {
        if (found != row.end() &&
            !(found->is_number_integer() && found->get<std::int64_t>() == client)) {
          throw invalid_input(row_where + ".SK_ID_CURR: " + found->dump() +
                              " is not the client's id " + std::to_string(client));
        }
        texts.push_back(std::to_string(client));
        continue;
      }
      texts.push_back(found == row.end() ? std::nullopt : field_text(*found, column, row_where));
    }
    fields.push_back(std::move(texts));
  }
  try {
    return tables::table_from_fields(table, fields);
  } catch (const tables::FieldError& error) {
    throw invalid_input(row_name(error.row) + "." + error.column + ": " + error.problem);
  }
}

}  // namespace

tables::Table application_table(const json& fields, std::int64_t id) {
  if (!fields.is_object()) throw invalid_input("application: expected an object of fields");
  tables::Table table =
      rows_table(TableId::ApplicationTest, json::array({fields}), id, "application");
  if (const auto breach = first_rule_breach(table))
    throw invalid_input("application." + breach->column + ": " + breach->problem);
  return table;
}

tables::Dataset posted_client(const json& body, std::int64_t id) {
  if (!body.is_object()) throw invalid_input("expected a JSON object with \"application\"");
  for (const auto& [key, value] : body.items()) {
    if (key != "application" && key != "history") {
      throw invalid_input("unknown field " + key + " (expected application and history)");
    }
  }
  if (!body.contains("application")) throw invalid_input("application: missing");
  tables::Dataset data;
  for (TableId table : tables::all_tables()) data.table(table) = tables::empty_table(table);
  data.application_test = application_table(body["application"], id);
  if (!body.contains("history")) {
    for (TableId table : tables::all_tables()) {
      if (table != TableId::ApplicationTrain && table != TableId::ApplicationTest)
        data.absent.push_back(table);
    }
  }
  const json history = body.value("history", json::object());
  if (!history.is_object()) throw invalid_input("history: expected an object of tables");
  for (const auto& [key, rows] : history.items()) {
    bool known = false;
    for (TableId table : tables::all_tables()) {
      if (table == TableId::ApplicationTrain || table == TableId::ApplicationTest ||
          table_key(table) != key) {
        continue;
      }
      data.table(table) = rows_table(table, rows, id, "history." + key);
      if (const auto breach = first_rule_breach(data.table(table))) {
        throw invalid_input("history." + key + "[" + std::to_string(breach->row) + "]." +
                            breach->column + ": " + breach->problem);
      }
      known = true;
    }
    if (!known) throw invalid_input("history: unknown table " + key);
  }
  return data;
}

}  // namespace creditscore::app
