// The plain numbers that make up most fields ("100002", "-587.0", "3625.79"), read without the
// generality of std::from_chars and fast_float, which take everything else. Digits are taken
// eight at a time from one 64-bit word (no branch per character, so no misprediction where a
// run of digits ends). Exact by construction: a decimal of at most 19 digits whose digits m stay
// below 2^53 and whose fraction has k <= 19 digits is m / 10^k with both terms exact in a double,
// so the one correctly rounded division gives the very double fast_float returns (Clinger's fast
// path). These return nullptr for any text they do not take whole, and the caller asks the
// library.
#pragma once

#include <algorithm>
#include <bit>
#include <cstdint>
#include <cstring>

namespace creditscore::tables {

namespace plain_numbers_detail {

inline constexpr std::uint64_t kPowersOfTen[] = {1,
                                                 10,
                                                 100,
                                                 1000,
                                                 10000,
                                                 100000,
                                                 1000000,
                                                 10000000,
                                                 100000000,
                                                 1000000000,
                                                 10000000000,
                                                 100000000000,
                                                 1000000000000,
                                                 10000000000000,
                                                 100000000000000,
                                                 1000000000000000,
                                                 10000000000000000,
                                                 100000000000000000,
                                                 1000000000000000000,
                                                 10000000000000000000u};

struct DigitRun {
  unsigned count;  // 0 to 8
  std::uint64_t value;
};

// The bytes of `word` that are not digits, as the high bit of each such byte. A byte is a digit
// when its high nibble is 3 and stays 3 once 6 is added (0x30 to 0x39). A carry out of a
// non-digit byte only changes later bytes, which the callers never look at past the first.
inline std::uint64_t not_digits(std::uint64_t word) {
  constexpr std::uint64_t kHigh = 0xF0F0F0F0F0F0F0F0, kThrees = 0x3333333333333333 & kHigh;
  return ((word & kHigh) ^ kThrees) | (((word + 0x0606060606060606) & kHigh) ^ kThrees);
}

// The first `count` bytes of `word` (1 to 8, each a digit, the first in the lowest byte) as a
// number: moved to the top bytes so that the missing ones read as leading zeros, then combined
// pairwise, 2, 4, then 8 digits at a time.
inline std::uint32_t digits_value(std::uint64_t word, unsigned count) {
  std::uint64_t digits = (word - 0x3030303030303030) << (8 * (8 - count));
  digits = digits * 10 + (digits >> 8);
  digits = (((digits & 0x000000FF000000FF) * (100 + (1000000ULL << 32))) +
            (((digits >> 16) & 0x000000FF000000FF) * (1 + (10000ULL << 32)))) >>
           32;
  return static_cast<std::uint32_t>(digits);
}

// The lowest `bytes` bytes (0 to 8) of a word.
inline std::uint64_t low_bytes(unsigned bytes) {
  return bytes >= 8 ? ~std::uint64_t{0} : (std::uint64_t{1} << (8 * bytes)) - 1;
}

inline std::uint64_t load_word(const char* p) {
  static_assert(std::endian::native == std::endian::little);
  std::uint64_t word;
  std::memcpy(&word, p, sizeof word);  // the first character in the lowest byte
  return word;
}

// The digits that start at `p`, up to eight.
inline DigitRun digit_run(const char* p, const char* end) {
  if (end - p < 8) {  // near the end of the text, where eight bytes may not be readable
    DigitRun run{0, 0};
    for (; run.count < static_cast<unsigned>(end - p); ++run.count) {
      const auto digit = static_cast<unsigned char>(p[run.count] - '0');
      if (digit >= 10) break;
      run.value = run.value * 10 + digit;
    }
    return run;
  }
  const std::uint64_t bytes = load_word(p);
  const std::uint64_t not_digit = not_digits(bytes);
  const unsigned count =
      not_digit == 0 ? 8 : static_cast<unsigned>(std::countr_zero(not_digit)) / 8;
  if (count == 0) return {0, 0};
  return {count, digits_value(bytes, count)};
}

inline constexpr double kDivisors[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,
                                       1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19};

// 10^-k, each the double nearest it, for the short decimals' k of 0 to 7.
inline constexpr double kTenths[] = {1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7};

// Appends the digits at `p` to `number`, eight at a time, and moves `p` past them; returns how
// many there were. Beyond 19 digits `number` wraps around: the callers refuse such counts.
inline long append_digits(const char*& p, const char* end, std::uint64_t& number) {
  long count = 0;
  for (;;) {
    const DigitRun run = digit_run(p, end);
    number = number * kPowersOfTen[run.count] + run.value;
    p += run.count;
    count += run.count;
    if (run.count < 8) return count;
  }
}

}  // namespace plain_numbers_detail

// A decimal integer of at most 18 digits, with an optional '-'; returns the end of its digits.
inline const char* parse_plain_id(const char* p, const char* end, std::int64_t& id) {
  const bool negative = p != end && *p == '-';
  p += negative;
  std::uint64_t value = 0;
  const long digits = plain_numbers_detail::append_digits(p, end, value);
  if (digits == 0 || digits > 18) return nullptr;
  id = negative ? -static_cast<std::int64_t>(value) : static_cast<std::int64_t>(value);
  return p;
}

// "[-]digits[.digits]" with digits on both sides of any '.'; returns the end of its digits.
inline const char* parse_plain_decimal(const char* p, const char* end, double& value) {
  using plain_numbers_detail::append_digits;
  using plain_numbers_detail::kDivisors;
  using plain_numbers_detail::kPowersOfTen;
  constexpr std::uint64_t kExactLimit = std::uint64_t{1} << 53;
  const bool negative = p != end && *p == '-';
  p += negative;
  std::uint64_t whole = 0;
  const long whole_digits = append_digits(p, end, whole);
  std::uint64_t mantissa = whole;
  long fraction_digits = 0;
  if (p != end && *p == '.') {
    ++p;
    fraction_digits = append_digits(p, end, mantissa);
    if (fraction_digits == 0) return nullptr;
  }
  // 19 digits cannot overflow 64 bits; more may have wrapped around, and are the library's.
  if (whole_digits == 0 || whole_digits + fraction_digits > 19 || mantissa > kExactLimit)
    return nullptr;
  // "-587.0": the whole part is the value, and no division is needed.
  const bool fraction_is_zero = mantissa == whole * kPowersOfTen[fraction_digits];
  const double magnitude = fraction_is_zero
                               ? static_cast<double>(whole)
                               : static_cast<double>(mantissa) / kDivisors[fraction_digits];
  value = negative ? -magnitude : magnitude;
  return p;
}

// The same numbers when their field's extent is known and short, as the reader's are: in a
// field of `length` bytes (1 to 8) at `p`, where eight bytes may be read, all at once from one
// word, without a loop or a branch on the digits. False for any other text, left to the caller.
// Decimals come out as the float nearest the text, which the column stores.
inline bool parse_short_id(const char* p, unsigned length, std::int64_t& id) {
  using namespace plain_numbers_detail;
  std::uint64_t word = load_word(p);
  const bool negative = (word & 0xFF) == '-';
  word ^= negative ? '-' ^ '0' : 0;  // the sign read as a leading zero
  if (length == static_cast<unsigned>(negative) || (not_digits(word) & low_bytes(length)) != 0)
    return false;
  const std::int64_t value = digits_value(word, length);
  id = negative ? -value : value;
  return true;
}

// "[-]digits[.digits]": m / 10^k with m below 10^7 when there is a '.', so below 2^24. Its float is
// m times the double nearest 10^-k, rounded to float: a multiplication in place of a division that
// took a sixth of the record loop's time. Exact: that product is within 2^-52 of m / 10^k
// relatively, and such a quotient is either a float or at least 2^-48 from any point halfway
// between two floats (relatively), so both round to the same float (the tests check every m and k).
inline bool parse_short_decimal(const char* p, unsigned length, float& value) {
  using namespace plain_numbers_detail;
  constexpr std::uint64_t kOnes = 0x0101010101010101, kDots = kOnes * '.';
  std::uint64_t word = load_word(p);
  const bool negative = (word & 0xFF) == '-';
  word ^= negative ? '-' ^ '0' : 0;
  // The first '.' (exact: a false match can only follow a true one), or the field's end.
  const std::uint64_t dot_bytes = word ^ kDots;
  const std::uint64_t dot_found = (dot_bytes - kOnes) & ~dot_bytes & (kOnes << 7);
  const unsigned dot = std::min(length, static_cast<unsigned>(std::countr_zero(dot_found)) / 8);
  const bool has_dot = dot < length;
  const unsigned fraction = length - dot - has_dot;
  if (dot == static_cast<unsigned>(negative) || (has_dot && fraction == 0)) return false;
  // The digits after the '.' moved down one byte, over it: one run of digits.
  const std::uint64_t digits =
      (word & low_bytes(dot)) | ((word >> 8) & ~low_bytes(dot) & low_bytes(length - 1));
  const unsigned count = length - has_dot;
  if ((not_digits(digits) & low_bytes(count)) != 0) return false;
  const auto magnitude = static_cast<float>(digits_value(digits, count) * kTenths[fraction]);
  value = negative ? -magnitude : magnitude;
  return true;
}

}  // namespace creditscore::tables
