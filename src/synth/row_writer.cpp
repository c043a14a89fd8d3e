#include "synth/row_writer.h"

#include <charconv>
#include <cmath>
#include <stdexcept>

#include "common/error.h"

namespace creditscore::synth {

void append_number(std::string& out, double value) {
  if (value == 0) value = 0;  // no "-0.0"
  char buffer[64];
  const auto [end, error] =
      std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::fixed);
  if (error != std::errc()) throw internal_error("cannot format a number");
  out.append(buffer, end);
  if (std::string_view(buffer, static_cast<std::size_t>(end - buffer)).find('.') ==
      std::string_view::npos) {
    out += ".0";
  }
}

RowWriter::RowWriter(const tables::TableSchema& schema)
    : fields_(schema.columns.size()), table_(schema.file_name) {
  for (std::size_t i = 0; i < schema.columns.size(); ++i) index_.emplace(schema.columns[i].name, i);
}

std::string& RowWriter::field(std::string_view column) {
  const auto found = index_.find(column);
  if (found == index_.end()) {
    throw internal_error("generator writes unknown column " + std::string(column) + " of " +
                         std::string(table_));
  }
  return fields_[found->second];
}

void RowWriter::integer(std::string_view column, std::int64_t value) {
  std::string& f = field(column);
  f.clear();
  char buffer[24];
  const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
  f.append(buffer, end);
}

void RowWriter::number(std::string_view column, double value) {
  std::string& f = field(column);
  f.clear();
  append_number(f, value);
}

void RowWriter::number(std::string_view column, double value, int decimals) {
  const double scale = std::pow(10.0, decimals);
  number(column, std::round(value * scale) / scale);
}

void RowWriter::text(std::string_view column, std::string_view value) {
  std::string& f = field(column);
  f.clear();
  if (value.find_first_of(",\"\n") == std::string_view::npos) {
    f.append(value);
    return;
  }
  f += '"';
  for (char c : value) {
    if (c == '"') f += '"';
    f += c;
  }
  f += '"';
}

void RowWriter::optional_number(std::string_view column, std::optional<double> value) {
  if (value) number(column, *value);
}

void RowWriter::write_to(std::string& out) {
  for (std::size_t i = 0; i < fields_.size(); ++i) {
    if (i > 0) out += ',';
    out += fields_[i];
    fields_[i].clear();
  }
  out += '\n';
}

}  // namespace creditscore::synth
