// Fills one typed column from the text of its fields, checking each value: ids must be
// integers, numbers finite and within float's range, categories are dictionary-coded.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tables/table.h"

namespace creditscore::tables {

class ColumnBuilder {
 public:
  explicit ColumnBuilder(ColumnKind kind);

  void reserve(std::size_t rows);
  // Appends one field. Returns the problem when the text is not a valid value of the column's
  // kind (the caller adds file, line and column); nothing is appended then.
  std::optional<std::string> append(std::string_view text);

  // The reader's fast path: appends the unquoted id or number at `begin` when it is valid and
  // followed at once by its field's end (',', '\n', "\r\n" or `end`), and returns where that end
  // is (past a '\r'); returns nullptr, appending nothing, when the field must be cut and given to
  // append(), which names any problem. Category fields always take that way.
  const char* append_unquoted(const char* begin, const char* end);

  // Appends `other`'s values after this builder's, mapping its category codes into this
  // builder's dictionary (first appearance order is kept when chunks are merged in file order).
  void append_all(ColumnBuilder&& other);
  Column finish() &&;

 private:
  struct TextHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const {
      return std::hash<std::string_view>{}(text);
    }
  };
  std::int32_t code_for(std::string_view text);

  Column column_;
  std::unordered_map<std::string, std::int32_t, TextHash, std::equal_to<>> codes_;
};

}  // namespace creditscore::tables
