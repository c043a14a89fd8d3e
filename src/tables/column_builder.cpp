#include "tables/column_builder.h"

#include <fast_float/fast_float.h>

#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>

#include "common/populate.h"

namespace creditscore::tables {
namespace {

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

constexpr double kFloatMax = std::numeric_limits<float>::max();

}  // namespace

ColumnBuilder::ColumnBuilder(ColumnKind kind) {
  column_.kind = kind;
}

void ColumnBuilder::reserve(std::size_t rows, std::size_t present_rows) {
  switch (column_.kind) {
    case ColumnKind::Id:
      column_.ids.reserve(rows);
      populate_room(column_.ids, present_rows);
      break;
    case ColumnKind::Number:
      column_.numbers.reserve(rows);
      populate_room(column_.numbers, present_rows);
      break;
    case ColumnKind::Category:
      column_.codes.reserve(rows);
      populate_room(column_.codes, present_rows);
      break;
  }
}

std::int32_t ColumnBuilder::code_for(std::string_view text) {
  if (column_.categories.size() <= kScanned) {
    for (std::size_t code = 0; code < column_.categories.size(); ++code) {
      if (column_.categories[code] == text) return static_cast<std::int32_t>(code);
    }
  } else if (auto found = codes_.find(text); found != codes_.end()) {
    return found->second;
  }
  const auto code = static_cast<std::int32_t>(column_.categories.size());
  column_.categories.emplace_back(text);
  char padded[16] = {};
  if (text.size() <= kShortCategory) std::memcpy(padded, text.data(), text.size());
  category_keys_.push_back(text.size() <= kShortCategory
                               ? category_key(padded, static_cast<unsigned>(text.size()))
                               : CategoryKey{0, 0});
  codes_.emplace(std::string(text), code);
  return code;
}

std::optional<std::string> ColumnBuilder::append(std::string_view text) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  switch (column_.kind) {
    case ColumnKind::Id: {
      Id id = 0;
      if (text.empty()) return "empty id";
      const auto [stop, error] = std::from_chars(begin, end, id);
      if (error == std::errc::result_out_of_range && stop == end) {
        return "id " + quoted(text) + " is out of range (ids go from " +
               std::to_string(std::numeric_limits<Id>::min()) + " to " +
               std::to_string(std::numeric_limits<Id>::max()) + ")";
      }
      if (error != std::errc() || stop != end)
        return "cannot parse " + quoted(text) + " as an id (an integer)";
      column_.ids.push_back(id);
      return std::nullopt;
    }
    case ColumnKind::Number: {
      if (text.empty()) {
        column_.numbers.push_back(std::numeric_limits<float>::quiet_NaN());
        return std::nullopt;
      }
      double value = 0;
      const auto [stop, error] = fast_float::from_chars(begin, end, value);
      // fast_float reads "inf" and "nan" too, which are not numbers here (both hold an 'n').
      if (error != std::errc() || stop != end ||
          (!std::isfinite(value) && text.find_first_of("nN") != text.npos)) {
        return "cannot parse " + quoted(text) + " as a number";
      }
      if (!(std::abs(value) <= kFloatMax)) return "number " + quoted(text) + " is out of range";
      column_.numbers.push_back(static_cast<float>(value));
      return std::nullopt;
    }
    case ColumnKind::Category:
      column_.codes.push_back(text.empty() ? kMissingCode : code_for(text));
      return std::nullopt;
  }
  return std::nullopt;
}

void ColumnBuilder::append_all(ColumnBuilder&& other) {
  Column& theirs = other.column_;
  populate_room(column_.ids, theirs.ids.size());
  column_.ids.insert(column_.ids.end(), theirs.ids.begin(), theirs.ids.end());
  populate_room(column_.numbers, theirs.numbers.size());
  column_.numbers.insert(column_.numbers.end(), theirs.numbers.begin(), theirs.numbers.end());
  if (column_.kind == ColumnKind::Category) {
    std::vector<std::int32_t> remap(theirs.categories.size());
    for (std::size_t code = 0; code < remap.size(); ++code)
      remap[code] = code_for(theirs.categories[code]);
    column_.codes.reserve(column_.codes.size() + theirs.codes.size());
    populate_room(column_.codes, theirs.codes.size());
    for (std::int32_t code : theirs.codes)
      column_.codes.push_back(code == kMissingCode ? kMissingCode : remap[code]);
  }
  other = ColumnBuilder(column_.kind);
}

Column ColumnBuilder::finish() && {
  return std::move(column_);
}

}  // namespace creditscore::tables
