#include "tables/dataset.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <bit>
#include <filesystem>
#include <fstream>
#include <map>

#include "tables/csv_reader.h"
#include "tables/table_error.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::tables {
namespace {

// A row of `id`'s table with the given fields set and every other field empty.
std::string row(TableId id, const std::map<std::string, std::string>& fields) {
  std::string line;
  for (const ColumnSpec& column : schema_of(id).columns) {
    if (!line.empty() || &column != &schema_of(id).columns.front()) line += ',';
    const auto found = fields.find(column.name);
    if (found != fields.end()) line += found->second;
  }
  return line + "\n";
}

class DatasetTest : public ::testing::Test {
 protected:
  void SetUp() override {
    write(TableId::ApplicationTrain,
          row(TableId::ApplicationTrain, {{"SK_ID_CURR", "100"}, {"TARGET", "1"}}) +
              row(TableId::ApplicationTrain, {{"SK_ID_CURR", "101"}, {"TARGET", "0"}}));
    write(TableId::ApplicationTest, row(TableId::ApplicationTest, {{"SK_ID_CURR", "200"}}));
    write(TableId::Bureau,
          row(TableId::Bureau, {{"SK_ID_CURR", "100"}, {"SK_ID_BUREAU", "1"}}) +
              row(TableId::Bureau, {{"SK_ID_CURR", "999"}, {"SK_ID_BUREAU", "2"}}));
    write(TableId::BureauBalance, row(TableId::BureauBalance, {{"SK_ID_BUREAU", "1"}}) +
                                      row(TableId::BureauBalance, {{"SK_ID_BUREAU", "7"}}) +
                                      row(TableId::BureauBalance, {{"SK_ID_BUREAU", "7"}}));
    write(TableId::PreviousApplication,
          row(TableId::PreviousApplication, {{"SK_ID_PREV", "10"}, {"SK_ID_CURR", "200"}}));
    write(TableId::PosCashBalance,
          row(TableId::PosCashBalance, {{"SK_ID_PREV", "10"}, {"SK_ID_CURR", "200"}}));
    write(TableId::InstallmentsPayments,
          row(TableId::InstallmentsPayments, {{"SK_ID_PREV", "11"}, {"SK_ID_CURR", "200"}}));
    write(TableId::CreditCardBalance, "");
  }
  void write(TableId id, const std::string& rows) {
    std::ofstream(dir_ / schema_of(id).file_name, std::ios::binary)
        << schema_of(id).header_line() << "\n"
        << rows;
  }
  const testing::TemporaryDirectory temporary_{"dataset"};
  const std::filesystem::path& dir_ = temporary_.path();
};

TEST_F(DatasetTest, ReadsTheEightFilesWithProgressOverAllBytes) {
  std::uint64_t last = 0, total_seen = 0;
  const Dataset d =
      read_dataset(dir_, [&](std::string_view, std::uint64_t done, std::uint64_t total) {
        EXPECT_GE(done, last);
        last = done;
        total_seen = total;
      });
  EXPECT_EQ(d.application_train.rows(), 2u);
  EXPECT_EQ(d.table(TableId::ApplicationTest).rows(), 1u);
  EXPECT_EQ(d.bureau_balance.rows(), 3u);
  EXPECT_EQ(d.credit_card_balance.rows(), 0u);
  EXPECT_EQ(last, total_seen);
  EXPECT_EQ(d.read_seconds.size(), 8u);  // each file's own time, read side by side
  for (const auto& [id, seconds] : d.read_seconds) EXPECT_GE(seconds, 0.0);
}

TEST_F(DatasetTest, FilesReadSideBySideGiveTheTablesReadOneByOne) {
  std::string balances;  // SK_ID_BUREAU, MONTHS_BALANCE, STATUS
  for (int id = 0; id < 1000000; ++id) {
    balances +=
        std::to_string(id % 97) + "," + std::to_string(-id % 60) + (id % 3 ? ",C\n" : ",X\n");
  }
  write(TableId::BureauBalance, balances);  // 10 MB: read in chunks when alone
  const Dataset d = read_dataset(dir_);
  for (const TableId id : all_tables()) {
    const Table alone = read_table(dir_ / schema_of(id).file_name, schema_of(id));
    const Table& together = d.table(id);
    ASSERT_EQ(together.rows(), alone.rows()) << schema_of(id).file_name;
    for (std::size_t c = 0; c < alone.column_count(); ++c) {
      EXPECT_EQ(together.column(c).ids, alone.column(c).ids);
      EXPECT_EQ(together.column(c).codes, alone.column(c).codes);
      EXPECT_EQ(together.column(c).categories, alone.column(c).categories);
      const auto& a = alone.column(c).numbers;
      const auto& b = together.column(c).numbers;
      ASSERT_EQ(a.size(), b.size());
      EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin(), [](float x, float y) {
        return std::bit_cast<std::uint32_t>(x) == std::bit_cast<std::uint32_t>(y);  // NaN too
      }));
    }
  }
}

TEST_F(DatasetTest, OfSeveralBadFilesTheLargestIsNamedWhicheverThreadReadItFirst) {
  write(TableId::PosCashBalance, "1,2,3\n");  // small, bad
  std::string bureau;
  for (int id = 0; id < 5000; ++id) {
    bureau += row(TableId::Bureau, {{"SK_ID_CURR", "100"}, {"SK_ID_BUREAU", std::to_string(id)}});
  }
  write(TableId::Bureau, bureau + "not a number,1\n");  // large, bad at its end
  for (int attempt = 0; attempt < 20; ++attempt) {
    try {
      read_dataset(dir_);
      FAIL();
    } catch (const TableError& error) {
      ASSERT_EQ(error.file(), (dir_ / "bureau.csv").string()) << error.what();
      EXPECT_EQ(error.line(), 5002u);
    }
  }
}

TEST_F(DatasetTest, OrphansAreCountedWithAnExample) {
  const std::vector<OrphanReport> reports = find_orphans(read_dataset(dir_));
  ASSERT_EQ(reports.size(), 9u);
  auto find = [&](const std::string& table, const std::string& column) {
    for (const OrphanReport& r : reports) {
      if (r.table == table && r.column == column) return r;
    }
    ADD_FAILURE() << table << " " << column;
    return OrphanReport{};
  };
  EXPECT_EQ(find("bureau.csv", "SK_ID_CURR").rows, 1u);
  EXPECT_EQ(find("bureau.csv", "SK_ID_CURR").example_id, 999);
  EXPECT_EQ(find("bureau_balance.csv", "SK_ID_BUREAU").rows, 2u);
  EXPECT_EQ(find("bureau_balance.csv", "SK_ID_BUREAU").example_id, 7);
  EXPECT_EQ(find("installments_payments.csv", "SK_ID_PREV").rows, 1u);
  EXPECT_EQ(find("POS_CASH_balance.csv", "SK_ID_PREV").rows, 0u);
  EXPECT_EQ(find("previous_application.csv", "SK_ID_CURR").rows, 0u);  // a test client is a client
}

// Ids far apart (a hash set, not a bitmap over their range), at the ends of their type.
TEST_F(DatasetTest, OrphansAreFoundAmongSparseIdsAtTheEndsOfTheirRange) {
  write(TableId::Bureau,
        row(TableId::Bureau, {{"SK_ID_CURR", "100"}, {"SK_ID_BUREAU", "-2147483648"}}) +
            row(TableId::Bureau, {{"SK_ID_CURR", "100"}, {"SK_ID_BUREAU", "2147483647"}}));
  write(TableId::BureauBalance, row(TableId::BureauBalance, {{"SK_ID_BUREAU", "2147483647"}}) +
                                    row(TableId::BureauBalance, {{"SK_ID_BUREAU", "-2147483648"}}) +
                                    row(TableId::BureauBalance, {{"SK_ID_BUREAU", "2147483646"}}) +
                                    row(TableId::BureauBalance, {{"SK_ID_BUREAU", "0"}}));
  const std::vector<OrphanReport> reports = find_orphans(read_dataset(dir_));
  EXPECT_EQ(reports[1].table, "bureau_balance.csv");
  EXPECT_EQ(reports[1].rows, 2u);
  EXPECT_EQ(reports[1].example_id, 2147483646);
}

TEST_F(DatasetTest, AMissingHistoryFileIsAnEmptyTableListedAsAbsent) {
  std::filesystem::remove(dir_ / "POS_CASH_balance.csv");
  const Dataset d = read_dataset(dir_);
  EXPECT_EQ(d.absent, std::vector<TableId>{TableId::PosCashBalance});
  EXPECT_FALSE(d.has(TableId::PosCashBalance));
  EXPECT_TRUE(d.has(TableId::Bureau));
  EXPECT_EQ(d.pos_cash_balance.rows(), 0u);
  EXPECT_EQ(d.pos_cash_balance.column_count(), schema_of(TableId::PosCashBalance).columns.size());
  EXPECT_EQ(d.bureau_balance.rows(), 3u);
}

TEST_F(DatasetTest, ARequiredMissingFileIsNamedBeforeAnythingIsRead) {
  std::filesystem::remove(dir_ / "application_test.csv");
  std::filesystem::remove(dir_ / "POS_CASH_balance.csv");
  bool read_any = false;
  try {
    read_dataset(dir_, [&](std::string_view, std::uint64_t, std::uint64_t) { read_any = true; },
                 {TableId::ApplicationTrain, TableId::ApplicationTest});
    FAIL();
  } catch (const TableError& error) {
    EXPECT_EQ(error.file(), (dir_ / "application_test.csv").string());
    EXPECT_EQ(error.kind(), ErrorKind::NotFound);
  }
  EXPECT_FALSE(read_any);
  EXPECT_THROW(read_dataset(dir_ / "nowhere"), TableError);
}

TEST_F(DatasetTest, WithoutAnyApplicationFileThereIsNothingToRead) {
  std::filesystem::remove(dir_ / "application_test.csv");
  std::filesystem::remove(dir_ / "application_train.csv");
  try {
    read_dataset(dir_);
    FAIL();
  } catch (const TableError& error) {
    EXPECT_NE(std::string(error.what()).find("no application file"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace creditscore::tables
