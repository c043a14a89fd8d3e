#include "tables/column_builder.h"

#include <charconv>
#include <cmath>
#include <limits>

namespace creditscore::tables {
namespace {

std::string quoted(std::string_view text) {
  constexpr std::size_t kShown = 40;
  return "'" + std::string(text.substr(0, kShown)) + (text.size() > kShown ? "...'" : "'");
}

// Plain decimals ("-1234.5", "0.018801"), most of the Home Credit numbers, by Clinger's fast path:
// with at most 15 significant digits and 22 decimals, digits / 10^decimals is one correctly
// rounded division of two exact doubles: the same value std::from_chars gives, sooner.
bool parse_plain_decimal(std::string_view text, double& value) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                       1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                       1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  std::uint64_t digits = 0;
  int significant = 0, decimals = 0;
  bool seen_digit = false, seen_point = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      seen_digit = true;
      if (digits != 0 || c != '0') ++significant;
      digits = digits * 10 + static_cast<std::uint64_t>(c - '0');
      if (seen_point) ++decimals;
      if (significant > 15 || decimals > 22) return false;
    } else if (c == '.' && !seen_point) {
      seen_point = true;
    } else {
      return false;  // exponent, sign or anything else: the general parser decides
    }
  }
  if (!seen_digit) return false;
  value = static_cast<double>(digits) / kPowers[decimals];
  if (negative) value = -value;
  return true;
}

}  // namespace

ColumnBuilder::ColumnBuilder(ColumnKind kind) {
  column_.kind = kind;
}

void ColumnBuilder::reserve(std::size_t rows) {
  switch (column_.kind) {
    case ColumnKind::Id:
      column_.ids.reserve(rows);
      break;
    case ColumnKind::Number:
      column_.numbers.reserve(rows);
      break;
    case ColumnKind::Category:
      column_.codes.reserve(rows);
      break;
  }
}

std::int32_t ColumnBuilder::code_for(std::string_view text) {
  // Most category columns hold a handful of values: comparing them beats hashing the text.
  constexpr std::size_t kScanned = 16;
  if (column_.categories.size() <= kScanned) {
    for (std::size_t code = 0; code < column_.categories.size(); ++code) {
      if (column_.categories[code] == text) return static_cast<std::int32_t>(code);
    }
  } else if (auto found = codes_.find(text); found != codes_.end()) {
    return found->second;
  }
  const auto code = static_cast<std::int32_t>(column_.categories.size());
  column_.categories.emplace_back(text);
  codes_.emplace(std::string(text), code);
  return code;
}

std::optional<std::string> ColumnBuilder::append(std::string_view text) {
  const char* begin = text.data();
  const char* end = text.data() + text.size();
  switch (column_.kind) {
    case ColumnKind::Id: {
      std::int64_t id = 0;
      if (text.empty()) return "empty id";
      const auto [stop, error] = std::from_chars(begin, end, id);
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
      if (parse_plain_decimal(text, value)) {
        column_.numbers.push_back(static_cast<float>(value));
        return std::nullopt;
      }
      const auto [stop, error] = std::from_chars(begin, end, value);
      if (error == std::errc::result_out_of_range ||
          (error == std::errc() && stop == end && std::isfinite(value) &&
           std::abs(value) > std::numeric_limits<float>::max())) {
        return "number " + quoted(text) + " is out of range";
      }
      if (error != std::errc() || stop != end || !std::isfinite(value)) {
        return "cannot parse " + quoted(text) + " as a number";
      }
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
  column_.ids.insert(column_.ids.end(), theirs.ids.begin(), theirs.ids.end());
  column_.numbers.insert(column_.numbers.end(), theirs.numbers.begin(), theirs.numbers.end());
  if (column_.kind == ColumnKind::Category) {
    std::vector<std::int32_t> remap(theirs.categories.size());
    for (std::size_t code = 0; code < remap.size(); ++code)
      remap[code] = code_for(theirs.categories[code]);
    column_.codes.reserve(column_.codes.size() + theirs.codes.size());
    for (std::int32_t code : theirs.codes)
      column_.codes.push_back(code == kMissingCode ? kMissingCode : remap[code]);
  }
  other = ColumnBuilder(column_.kind);
}

Column ColumnBuilder::finish() && {
  return std::move(column_);
}

}  // namespace creditscore::tables
