// Tests that break a CSV file on purpose: one field of its first data row replaced.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

namespace creditscore::testing {

// A CSV line's fields, quotes kept ("Spouse, partner" is one field).
inline std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// Sets `column` of `file`'s first data row (line 2) to `text`, as written ("" is missing).
inline void set_first_row_field(const std::filesystem::path& file, const std::string& column,
                                const std::string& text) {
  std::ifstream in(file);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  std::stringstream rest;
  rest << in.rdbuf();
  in.close();
  const std::vector<std::string> names = csv_fields(header), fields = csv_fields(first);
  if (names.size() != fields.size()) throw std::logic_error(file.string() + ": ragged first row");
  std::string row;
  for (std::size_t c = 0; c < names.size(); ++c)
    row += (c ? "," : "") + (names[c] == column ? text : fields[c]);
  std::ofstream(file) << header << '\n' << row << '\n' << rest.str();
}

}  // namespace creditscore::testing
