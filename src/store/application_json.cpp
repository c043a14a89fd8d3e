#include "store/application_json.h"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

namespace creditscore::store {
namespace {

std::string json_string(const std::string& text) {
  // Invalid UTF-8 (a file in another encoding) becomes U+FFFD instead of an unreadable document.
  return nlohmann::json(text).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

void append_number(std::string& out, float value) {
  if (!std::isfinite(value)) {
    out += "null";
    return;
  }
  char buffer[32];
  // Below 2^53 a whole float is an exact int64.
  char* end =
      std::trunc(value) == value && std::fabs(value) < 9.0e15f
          ? std::to_chars(buffer, buffer + sizeof buffer, static_cast<std::int64_t>(value)).ptr
          : std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  out.append(buffer, end);
}

}  // namespace

ApplicationJson::ApplicationJson(const tables::Table& applications) {
  for (std::size_t c = 0; c < applications.column_count(); ++c) {
    const tables::ColumnSpec& spec = applications.schema().columns[c];
    if (spec.name == "TARGET") continue;
    Field field{&applications.column(c), json_string(spec.name) + ":", {}};
    for (const std::string& category : field.column->categories)
      field.categories.push_back(json_string(category));
    fields_.push_back(std::move(field));
  }
}

std::string ApplicationJson::row(std::size_t row) const {
  std::string out = "{";
  out.reserve(4096);
  for (const Field& field : fields_) {
    if (out.size() > 1) out += ',';
    out += field.key;
    switch (field.column->kind) {
      case tables::ColumnKind::Id: {
        char buffer[24];
        out.append(buffer,
                   std::to_chars(buffer, buffer + sizeof buffer, field.column->ids[row]).ptr);
        break;
      }
      case tables::ColumnKind::Number:
        append_number(out, field.column->numbers[row]);
        break;
      case tables::ColumnKind::Category: {
        const std::int32_t code = field.column->codes[row];
        out += code == tables::kMissingCode ? "null" : field.categories[code];
        break;
      }
    }
  }
  out += '}';
  return out;
}

std::string application_json(const tables::Table& applications, std::size_t row) {
  return ApplicationJson(applications).row(row);
}

std::string history_json(const tables::Dataset& client) {
  std::string out = "{";
  for (tables::TableId id : tables::all_tables()) {
    const bool application =
        id == tables::TableId::ApplicationTrain || id == tables::TableId::ApplicationTest;
    if (application || !client.has(id)) continue;
    const tables::Table& table = client.table(id);
    if (out.size() > 1) out += ',';
    out += json_string(tables::schema_of(id).file_name) + ":[";
    const ApplicationJson writer(table);
    for (std::size_t r = 0; r < table.rows(); ++r) out += (r > 0 ? "," : "") + writer.row(r);
    out += ']';
  }
  return out + '}';
}

}  // namespace creditscore::store
