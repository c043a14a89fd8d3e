#include "tables/plain_numbers.h"

#include <fast_float/fast_float.h>
#include <gtest/gtest.h>

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <optional>
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

// "[-]digits[.digits]" (a decimal) or "[-]digits" (an id), checked a character at a time.
bool is_plain(const std::string& text, bool decimal) {
  std::size_t i = text.starts_with('-') ? 1 : 0;
  const std::size_t whole_start = i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  if (i == whole_start) return false;
  if (i == text.size()) return true;
  if (!decimal || text[i] != '.') return false;
  const std::size_t fraction_start = ++i;
  while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) ++i;
  return i == text.size() && i > fraction_start;
}

// Every field of one to eight bytes drawn from digits, signs, dots and other text, followed by
// bytes the parsers must not take: taken exactly when plain, and then to fast_float's bits (or
// from_chars's id).
TEST(PlainNumbers, ShortFieldsOfKnownLengthAreTakenWhenPlainAndReadExactly) {
  std::mt19937_64 random(13);
  const std::string alphabet = "0123456789.-x,";
  int taken_decimals = 0, taken_ids = 0;
  for (int i = 0; i < 2'000'000; ++i) {
    const unsigned length = 1 + static_cast<unsigned>(random() % 8);
    std::string text;
    for (unsigned c = 0; c < length; ++c) {
      // Mostly digits, so that plain numbers of every shape come up often.
      text += random() % 3 != 0 ? static_cast<char>('0' + random() % 10)
                                : alphabet[random() % alphabet.size()];
    }
    std::string field = text;
    for (unsigned c = length; c < 8; ++c) field += alphabet[random() % alphabet.size()];

    float value = 0;
    const bool decimal_taken = parse_short_decimal(field.data(), length, value);
    ASSERT_EQ(decimal_taken, is_plain(text, true)) << text;
    if (decimal_taken) {
      ++taken_decimals;
      const auto expected = static_cast<float>(library_decimal(text));
      ASSERT_EQ(std::memcmp(&value, &expected, sizeof value), 0) << text;
    }
    std::int64_t id = 0;
    const bool id_taken = parse_short_id(field.data(), length, id);
    ASSERT_EQ(id_taken, is_plain(text, false)) << text;
    if (id_taken) {
      ++taken_ids;
      std::int64_t expected = 0;
      std::from_chars(text.data(), text.data() + text.size(), expected);
      ASSERT_EQ(id, expected) << text;
    }
  }
  EXPECT_GT(taken_decimals, 100'000);  // the test met many plain fields, not just refusals
  EXPECT_GT(taken_ids, 50'000);
}

TEST(PlainNumbers, ShortFieldsAtTheirLimits) {
  const auto decimal = [](std::string text) -> std::optional<float> {
    const auto length = static_cast<unsigned>(text.size());
    text.resize(8, ',');
    float value = 0;
    if (!parse_short_decimal(text.data(), length, value)) return std::nullopt;
    return value;
  };
  EXPECT_EQ(decimal("99999999"), 99999999.0f);
  EXPECT_EQ(decimal("-9999999"), -9999999.0f);
  EXPECT_EQ(decimal("9999.999"), 9999.999f);
  EXPECT_EQ(decimal("0.000001"), 0.000001f);
  EXPECT_EQ(decimal("-587.0"), -587.0f);
  EXPECT_TRUE(std::signbit(*decimal("-0")));
  for (const char* text : {"-", ".", "-.", ".5", "5.", "-.5", "1.2.3", "--1", "1-", "+1"}) {
    EXPECT_EQ(decimal(text), std::nullopt) << text;
  }
}

// Short decimals are multiplied by 10^-k where a division by 10^k was exact: the same float for
// every digits m a short decimal with a '.' can hold (below 10^7) and every k it can have.
TEST(PlainNumbers, ShortDecimalsRoundAsADivisionWould) {
  using plain_numbers_detail::kDivisors, plain_numbers_detail::kTenths;
  for (unsigned k = 1; k <= 7; ++k) {
    for (std::uint32_t m = 0; m < 10'000'000; ++m) {
      const auto multiplied = static_cast<float>(m * kTenths[k]);
      const auto divided = static_cast<float>(m / kDivisors[k]);
      ASSERT_EQ(multiplied, divided) << m << " / 10^" << k;
    }
  }
}

}  // namespace
}  // namespace creditscore::tables
