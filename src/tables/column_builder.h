// Fills one typed column from the text of its fields, checking each value: ids must be
// integers, numbers finite and within float's range, categories are dictionary-coded.
#pragma once

#include <algorithm>
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

  // Room for `rows` values, the first `present_rows` of it made present at once
  // (common/populate.h): parsing then writes into pages that take no fault.
  void reserve(std::size_t rows, std::size_t present_rows);
  // Appends one field. Returns the problem when the text is not a valid value of the column's
  // kind (the caller adds file, line and column); nothing is appended then.
  std::optional<std::string> append(std::string_view text);

  // The reader's fast path: appends the field [begin, stop), unquoted, when it is a plain id or
  // number (see plain_numbers.h) and returns true; returns false, appending nothing, for any other
  // text (categories, "1e5", errors), which append() takes. Bytes up to `readable_end` may be
  // looked at. Inline: the reader calls it for nearly every field, and plain numbers take a few
  // cycles.
  [[gnu::always_inline]] bool append_plain(const char* begin, const char* stop,
                                           const char* readable_end) {
    const auto length = static_cast<unsigned>(stop - begin);
    const bool short_field = length <= 8 && readable_end - begin >= 8;
    switch (column_.kind) {
      case ColumnKind::Id: {
        std::int64_t id = 0;
        if (short_field ? !parse_short_id(begin, length, id)
                        : parse_plain_id(begin, readable_end, id) != stop)
          return false;
        if (id != static_cast<Id>(id)) return false;
        column_.ids.push_back(static_cast<Id>(id));
        return true;
      }
      case ColumnKind::Number: {
        float value = std::numeric_limits<float>::quiet_NaN();  // empty: missing
        if (length != 0 && short_field) {
          if (!parse_short_decimal(begin, length, value)) return false;
        } else if (length != 0) {
          double wide = 0;
          if (parse_plain_decimal(begin, readable_end, wide) != stop) return false;
          value = static_cast<float>(wide);
        }
        column_.numbers.push_back(value);
        return true;
      }
      case ColumnKind::Category: {
        if (length == 0) {
          column_.codes.push_back(kMissingCode);
          return true;
        }
        if (length > kShortCategory || readable_end - begin < 16) return false;
        const CategoryKey key = category_key(begin, length);
        const std::size_t scanned = std::min(category_keys_.size(), kScanned);
        for (std::size_t code = 0; code < scanned; ++code) {
          if (category_keys_[code] == key) {
            column_.codes.push_back(static_cast<std::int32_t>(code));
            return true;
          }
        }
        return false;  // a new category, or one beyond the first few
      }
    }
    return false;
  }

  // Appends `other`'s values after this builder's, mapping its category codes into this
  // builder's dictionary (first appearance order is kept when chunks are merged in file order).
  // (Their room here is made present first, by the thread that copies them.)
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

  // Most category columns hold a handful of values: comparing them beats hashing the text.
  static constexpr std::size_t kScanned = 16;
  // A category of up to fifteen bytes as two words: its bytes, then its length in the top byte
  // (so no two texts share a key, and no key is all zeros). `p`: sixteen readable bytes.
  static constexpr unsigned kShortCategory = 15;
  struct CategoryKey {
    std::uint64_t low, high;
    bool operator==(const CategoryKey&) const = default;
  };
  static CategoryKey category_key(const char* p, unsigned length) {
    using plain_numbers_detail::load_word, plain_numbers_detail::low_bytes;
    return {
        load_word(p) & low_bytes(length),
        (load_word(p + 8) & low_bytes(length > 8 ? length - 8 : 0)) | std::uint64_t{length} << 56};
  }

  Column column_;
  std::vector<CategoryKey> category_keys_;  // per code: category_key(), or zeros if longer
  std::unordered_map<std::string, std::int32_t, TextHash, std::equal_to<>> codes_;
};

}  // namespace creditscore::tables
