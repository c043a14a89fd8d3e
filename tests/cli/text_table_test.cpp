#include "cli/text_table.h"

#include <gtest/gtest.h>

#include <sstream>

#include "cli/number_format.h"
#include "tests/support/error_kind.h"

namespace creditscore::cli {
namespace {

TEST(NumberFormat, GroupsThousandsAndRounds) {
  EXPECT_EQ(format_count(0), "0");
  EXPECT_EQ(format_count(999), "999");
  EXPECT_EQ(format_count(1234567), "1,234,567");
  EXPECT_EQ(format_megabytes(2'549'000'000), "2549.0");
  EXPECT_EQ(format_fixed(0.12345, 3), "0.123");
  EXPECT_EQ(format_percent(0.0812, 1), "8.1 %");
}

TEST(TextTable, AlignsTextLeftAndNumbersRight) {
  TextTable table({"file", "rows"});
  table.add_row({"bureau.csv", "1,234"});
  table.add_row({"é.csv", "5"});
  table.add_row({"gain", "+0.3"});
  std::ostringstream out;
  table.print(out);
  EXPECT_EQ(out.str(),
            "file        rows\n"
            "-----------------\n"
            "bureau.csv  1,234\n"
            "é.csv           5\n"
            "gain         +0.3\n");
}

TEST(TextTable, RefusesARowOfTheWrongWidth) {
  TextTable table({"a", "b"});
  EXPECT_ERROR_KIND(table.add_row({"only one"}), ErrorKind::Internal);
}

}  // namespace
}  // namespace creditscore::cli
