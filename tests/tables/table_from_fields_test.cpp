#include "tables/table_from_fields.h"

#include <gtest/gtest.h>

#include <cmath>

#include "tests/support/error_kind.h"

namespace creditscore::tables {
namespace {

using Row = std::vector<std::optional<std::string>>;

// A bureau_balance row: SK_ID_BUREAU, MONTHS_BALANCE, STATUS.
TEST(TableFromFields, ChecksEachFieldAsTheReaderDoes) {
  const Table table =
      table_from_fields(TableId::BureauBalance, {Row{"7", "-3", "C"}, Row{"7", std::nullopt, ""}});
  ASSERT_EQ(table.rows(), 2u);
  EXPECT_EQ(table.ids("SK_ID_BUREAU")[1], 7);
  EXPECT_EQ(table.numbers("MONTHS_BALANCE")[0], -3.f);
  EXPECT_TRUE(std::isnan(table.numbers("MONTHS_BALANCE")[1]));
  EXPECT_EQ(table.column("STATUS").category(0), "C");
  EXPECT_EQ(table.column("STATUS").category(1), "");

  try {
    table_from_fields(TableId::BureauBalance, {Row{"7", "-3", "C"}, Row{"7", "soon", "C"}});
    FAIL() << "expected a FieldError";
  } catch (const FieldError& error) {
    EXPECT_EQ(error.row, 1u);
    EXPECT_EQ(error.column, "MONTHS_BALANCE");
    EXPECT_NE(std::string(error.what()).find("soon"), std::string::npos) << error.what();
  }
  EXPECT_THROW(table_from_fields(TableId::BureauBalance, {Row{"x", "1", "C"}}), FieldError);
  EXPECT_ERROR_KIND(table_from_fields(TableId::BureauBalance, {Row{"7", "1"}}),
                    ErrorKind::InvalidInput);
}

TEST(TableFromFields, EmptyTableHasTheColumns) {
  const Table table = empty_table(TableId::Bureau);
  EXPECT_EQ(table.rows(), 0u);
  EXPECT_EQ(table.column_count(), schema_of(TableId::Bureau).columns.size());
  EXPECT_TRUE(table.ids("SK_ID_CURR").empty());
}

}  // namespace
}  // namespace creditscore::tables
