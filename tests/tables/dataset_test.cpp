#include "tables/dataset.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>

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
