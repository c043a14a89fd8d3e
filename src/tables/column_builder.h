// Fills one typed column from the text of its fields, checking each value: ids must be
// integers, numbers finite and within float's range, categories are dictionary-coded.
#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "tables/plain_numbers.h"
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
  // Inline: the reader calls it for nearly every field, and the plain numbers take a few cycles.
  [[gnu::always_inline]] const char* append_unquoted(const char* begin, const char* end) {
    switch (column_.kind) {
      case ColumnKind::Id: {
        std::int64_t id = 0;
        const char* stop = parse_plain_id(begin, end, id);
        const char* after = stop != nullptr ? field_end(stop, end) : nullptr;
        if (after == nullptr || id != static_cast<Id>(id))
          return append_unquoted_by_library(begin, end);
        column_.ids.push_back(static_cast<Id>(id));
        return after;
      }
      case ColumnKind::Number: {
        if (const char* after = field_end(begin, end)) {  // empty: missing
          column_.numbers.push_back(std::numeric_limits<float>::quiet_NaN());
          return after;
        }
        double value = 0;
        const char* stop = parse_plain_decimal(begin, end, value);
        const char* after = stop != nullptr ? field_end(stop, end) : nullptr;
        if (after == nullptr) return append_unquoted_by_library(begin, end);
        column_.numbers.push_back(static_cast<float>(value));
        return after;
      }
      case ColumnKind::Category:
        return nullptr;
    }
    return nullptr;
  }

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
  // append_unquoted() for what the plain readers leave: "1e5", long or odd numbers and ids.
  const char* append_unquoted_by_library(const char* begin, const char* end);
  // Where the field that ends at `p` gives way to the next: ',' or '\n' (returned as is), the
  // '\n' of a "\r\n" line end or the end of the text; nullptr when `p` is inside the field.
  static const char* field_end(const char* p, const char* end) {
    if (p == end || *p == ',' || *p == '\n') return p;
    if (*p == '\r' && (p + 1 == end || p[1] == '\n')) return p + 1;
    return nullptr;
  }

  Column column_;
  std::unordered_map<std::string, std::int32_t, TextHash, std::equal_to<>> codes_;
};

}  // namespace creditscore::tables
