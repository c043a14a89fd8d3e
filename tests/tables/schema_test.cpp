#include "tables/schema.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "common/error.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::tables {
namespace {

TEST(Schema, HeadersAreExactlyKaggles) {
  const std::filesystem::path headers =
      std::filesystem::path(CREDITSCORE_SHARED_DATA) / "kaggle_headers";
  for (TableId id : all_tables()) {
    const TableSchema& schema = schema_of(id);
    EXPECT_EQ(schema.header_line(), testing::first_line(headers / schema.file_name))
        << schema.file_name;
  }
}

TEST(Schema, KindsFollowTheColumnMeaning) {
  const TableSchema& train = schema_of(TableId::ApplicationTrain);
  EXPECT_EQ(train.columns[train.index_of("SK_ID_CURR")].kind, ColumnKind::Id);
  EXPECT_EQ(train.columns[train.index_of("TARGET")].kind, ColumnKind::Number);
  EXPECT_EQ(train.columns[train.index_of("CODE_GENDER")].kind, ColumnKind::Category);
  EXPECT_EQ(train.columns[train.index_of("AMT_CREDIT")].kind, ColumnKind::Number);
  const TableSchema& balance = schema_of(TableId::BureauBalance);
  EXPECT_EQ(balance.columns[balance.index_of("STATUS")].kind, ColumnKind::Category);
  EXPECT_EQ(balance.columns[balance.index_of("SK_ID_BUREAU")].kind, ColumnKind::Id);
}

TEST(Schema, UnknownColumnIsNamedInTheError) {
  const TableSchema& bureau = schema_of(TableId::Bureau);
  EXPECT_FALSE(bureau.find("NOPE").has_value());
  try {
    bureau.index_of("NOPE");
    FAIL() << "expected an error";
  } catch (const Error& error) {
    EXPECT_STREQ(error.what(), "bureau.csv has no column NOPE");
  }
}

}  // namespace
}  // namespace creditscore::tables
