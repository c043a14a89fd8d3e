#include "tables/field_ends.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace creditscore::tables {
namespace {

// Every length from empty to a few blocks, so that the 64-byte blocks and the padded last one
// are met at each offset, against a plain scan of the same text.
TEST(FieldEnds, FindsEveryCommaLineEndAndQuoteAtEveryOffset) {
  std::mt19937 random(11);
  const std::string alphabet = ",\n\"\r0123456789.-ab";
  FieldEnds fields;
  for (std::size_t size = 0; size < 300; ++size) {
    for (int trial = 0; trial < 20; ++trial) {
      std::string text(size, ' ');
      for (char& c : text) c = alphabet[random() % alphabet.size()];
      // The index sees only the window, whatever the bytes after it.
      const std::string padded = text + ",\n\"";
      fields.index(std::string_view(padded).substr(0, size));
      std::vector<std::uint32_t> ends, breaks;
      for (std::uint32_t i = 0; i < size; ++i) {
        if (text[i] == ',' || text[i] == '\n' || text[i] == '"') ends.push_back(i);
        if (text[i] == '\n' || text[i] == '"') breaks.push_back(i);
      }
      ASSERT_EQ(std::vector<std::uint32_t>(fields.ends(), fields.ends() + fields.end_count()), ends)
          << "size " << size;
      ASSERT_EQ(std::vector<std::uint32_t>(fields.breaks(), fields.breaks() + fields.break_count()),
                breaks)
          << "size " << size;
    }
  }
}

TEST(FieldEnds, ALargerWindowAfterASmallerOne) {
  FieldEnds fields;
  fields.index("a,b\n");
  const std::string large(100000, ',');
  fields.index(large);
  ASSERT_EQ(fields.end_count(), large.size());
  EXPECT_EQ(fields.ends()[99999], 99999u);
  EXPECT_EQ(fields.break_count(), 0u);
}

}  // namespace
}  // namespace creditscore::tables
