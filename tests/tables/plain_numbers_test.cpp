#include "tables/plain_numbers.h"

#include <fast_float/fast_float.h>
#include <gtest/gtest.h>

#include <charconv>
#include <cstring>
#include <random>
#include <string>

namespace creditscore::tables {
namespace {

// What the plain reader makes of `text`, read whole; nullopt when it leaves it to the library.
std::optional<double> plain_decimal(const std::string& text) {
  double value = 0;
  const char* stop = parse_plain_decimal(text.data(), text.data() + text.size(), value);
  if (stop == nullptr || stop != text.data() + text.size()) return std::nullopt;
  return value;
}

double library_decimal(const std::string& text) {
  double value = 0;
  fast_float::from_chars(text.data(), text.data() + text.size(), value);
  return value;
}

// Bit for bit, as the reader stores it (a float) and before (a double), against fast_float, on
// a million decimals of every length the fast path always takes (up to 15 digits), each read both
// near the end of its text (digit by digit) and with text after it (eight digits at a time).
TEST(PlainNumbers, DecimalsAreExactlyWhatTheLibraryReads) {
  std::mt19937_64 random(7);
  for (int i = 0; i < 1'000'000; ++i) {
    const int whole_digits = 1 + static_cast<int>(random() % 8);  // 15 digits at most: < 2^53
    const int fraction_digits = static_cast<int>(random() % 8);
    std::string text = random() % 2 ? "-" : "";
    for (int d = 0; d < whole_digits; ++d) text += static_cast<char>('0' + random() % 10);
    if (fraction_digits > 0) text += '.';
    for (int d = 0; d < fraction_digits; ++d) text += static_cast<char>('0' + random() % 10);
    for (const std::string& field : {text, text + ",1234567890123456789\n"}) {
      double value = 0;
      const char* stop = parse_plain_decimal(field.data(), field.data() + field.size(), value);
      ASSERT_EQ(stop, field.data() + text.size()) << field;
      const double expected = library_decimal(text);
      ASSERT_EQ(std::memcmp(&value, &expected, sizeof value), 0) << text;
      const auto stored = static_cast<float>(value), stored_expected = static_cast<float>(expected);
      ASSERT_EQ(std::memcmp(&stored, &stored_expected, sizeof stored), 0) << text;
    }
  }
}

TEST(PlainNumbers, WhatIsNotAPlainDecimalIsLeftToTheLibrary) {
  for (const char* text : {"", "-", ".5", "5.", "+5", "1e5", "12345678901234567890",
                           "0.12345678901234567890", "9007199254740993", "inf", "nan", "x"}) {
    EXPECT_EQ(plain_decimal(text), std::nullopt) << text;
  }
  EXPECT_EQ(plain_decimal("9007199254740992"), 9007199254740992.0);  // 2^53: still exact
  EXPECT_EQ(plain_decimal("-0.0"), 0.0);
  EXPECT_TRUE(std::signbit(*plain_decimal("-0.0")));
  EXPECT_EQ(plain_decimal("365243.0"), 365243.0);
  EXPECT_EQ(plain_decimal("0.1"), 0.1);
}

TEST(PlainNumbers, IdsOfUpToEighteenDigitsAndNoMore) {
  for (const std::string text : {"0", "100002", "-42", "123456789012345678", "5000000,7\n"}) {
    std::int64_t id = 0, expected = 0;
    const char* stop = parse_plain_id(text.data(), text.data() + text.size(), id);
    const auto [library_stop, error] =
        std::from_chars(text.data(), text.data() + text.size(), expected);
    ASSERT_EQ(error, std::errc()) << text;
    EXPECT_EQ(stop, library_stop) << text;
    EXPECT_EQ(id, expected) << text;
  }
  for (const std::string text : {"", "-", "1234567890123456789", "x1"}) {
    std::int64_t id = 0;
    EXPECT_EQ(parse_plain_id(text.data(), text.data() + text.size(), id), nullptr) << text;
  }
}

}  // namespace
}  // namespace creditscore::tables
