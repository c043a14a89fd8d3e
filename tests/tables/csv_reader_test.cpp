#include "tables/csv_reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "tables/table_error.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::tables {
namespace {

const TableSchema& balance() {
  return schema_of(TableId::BureauBalance);
}  // SK_ID_BUREAU,MONTHS_BALANCE,STATUS

// Expects parsing `text` as bureau_balance to fail at `line` / `column` with `fragment`.
void expect_error(const std::string& text, std::size_t line, const std::string& column,
                  const std::string& fragment) {
  try {
    parse_table(text, balance(), "bb.csv");
    FAIL() << "expected an error for:\n" << text;
  } catch (const TableError& error) {
    EXPECT_EQ(error.file(), "bb.csv");
    EXPECT_EQ(error.line(), line) << error.what();
    EXPECT_EQ(error.column(), column) << error.what();
    EXPECT_NE(std::string(error.what()).find(fragment), std::string::npos) << error.what();
  }
}

constexpr const char* kHeader = "SK_ID_BUREAU,MONTHS_BALANCE,STATUS\n";

TEST(CsvReader, ReadsTypedColumnsWithMissingValues) {
  const Table t =
      parse_table(std::string(kHeader) + "5715448,0,C\n5715448,-1,\n5001709,,X\n", balance(), "bb");
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.ids("SK_ID_BUREAU")[2], 5001709);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[1], -1.0f);
  EXPECT_TRUE(std::isnan(t.numbers("MONTHS_BALANCE")[2]));
  const Column& status = t.column("STATUS");
  EXPECT_EQ(status.category(0), "C");
  EXPECT_EQ(status.codes[1], kMissingCode);
  EXPECT_EQ(status.category(2), "X");
  EXPECT_EQ(status.code_of("X"), 1);
}

TEST(CsvReader, AcceptsBomCrlfQuotesAndNoFinalNewline) {
  const std::string text =
      "\xEF\xBB\xBFSK_ID_BUREAU,MONTHS_BALANCE,STATUS\r\n1,1.5e1,\"a, \"\"quoted\"\" "
      "b\"\r\n2,-3,\"\"\r\n\r\n3,0,0";
  const Table t = parse_table(text, balance(), "bb");
  ASSERT_EQ(t.rows(), 3u);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[0], 15.0f);
  EXPECT_EQ(t.column("STATUS").category(0), "a, \"quoted\" b");
  EXPECT_EQ(t.column("STATUS").codes[1], kMissingCode);
  EXPECT_EQ(t.column("STATUS").category(2), "0");
}

TEST(CsvReader, HeaderProblemsAreNamed) {
  expect_error("", 0, "", "empty file");
  expect_error("SK_ID_BUREAU,MONTHS_BALANCE\n1,2\n", 1, "", "missing column(s) STATUS");
  expect_error("SK_ID_BUREAU,MONTHS_BALANCE,STATUS,EXTRA\n", 1, "", "unexpected column(s) EXTRA");
  expect_error("SK_ID_BUREAU,MONTHS_BALANC,STATUS\n", 1, "",
               "missing column(s) MONTHS_BALANCE; unexpected column(s) MONTHS_BALANC");
  expect_error("SK_ID_BUREAU,STATUS,MONTHS_BALANCE\n", 1, "",
               "column 2 is STATUS, expected MONTHS_BALANCE");
  expect_error("SK_ID_BUREAU,MONTHS_BALANCE,STATUS,STATUS\n", 1, "", "a column is repeated");
}

TEST(CsvReader, ValueProblemsNameLineAndColumn) {
  const std::string h = kHeader;
  expect_error(h + "1,0,C\n2,abc,C\n", 3, "MONTHS_BALANCE", "cannot parse 'abc' as a number");
  expect_error(h + "1,12x,C\n", 2, "MONTHS_BALANCE", "'12x'");
  expect_error(h + "1,inf,C\n", 2, "MONTHS_BALANCE", "as a number");
  expect_error(h + "1,nan,C\n", 2, "MONTHS_BALANCE", "as a number");
  expect_error(h + "1,1e300,C\n", 2, "MONTHS_BALANCE", "out of range");
  expect_error(h + ",0,C\n", 2, "SK_ID_BUREAU", "empty id");
  expect_error(h + "1.5,0,C\n", 2, "SK_ID_BUREAU", "as an id");
}

// Ids and numbers are read in place, up to their field's end: each kind of end, and the fields
// that must go the long way (text after the value, a lone '\r', scientific notation's extremes).
TEST(CsvReader, ValuesReadInPlaceStopAtEveryKindOfFieldEnd) {
  const Table t = parse_table(std::string(kHeader) + "1,2.5,\r\n2,-0.25,C\r\n3,1e-400,C\n4,1e3,",
                              balance(), "bb");
  ASSERT_EQ(t.rows(), 4u);
  EXPECT_EQ(t.ids("SK_ID_BUREAU")[3], 4);
  const Table extremes =
      parse_table(std::string(kHeader) + "2147483647,0,C\n-2147483648,0,C\n", balance(), "bb");
  EXPECT_EQ(extremes.ids("SK_ID_BUREAU")[0], 2147483647);
  EXPECT_EQ(extremes.ids("SK_ID_BUREAU")[1], -2147483647 - 1);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[0], 2.5f);
  EXPECT_EQ(t.column("STATUS").codes[0], kMissingCode);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[1], -0.25f);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[2], 0.0f);  // below a float's least: zero, as pandas
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[3], 1000.0f);
  const TableSchema& payments = schema_of(TableId::InstallmentsPayments);  // a number last
  const Table p = parse_table(
      payments.header_line() + "\r\n1,2,1.0,1,-5,-6,10.5,3.25\r\n3,4,,,,,,7\r", payments, "ip");
  ASSERT_EQ(p.rows(), 2u);
  EXPECT_EQ(p.numbers("AMT_PAYMENT")[0], 3.25f);
  EXPECT_EQ(p.numbers("AMT_PAYMENT")[1], 7.0f);
  EXPECT_TRUE(std::isnan(p.numbers("AMT_INSTALMENT")[1]));
  const std::string h = kHeader;
  expect_error(h + "1,2.5\rx,C\n", 2, "MONTHS_BALANCE", "cannot parse '2.5\rx' as a number");
  expect_error(h + "1\r,0,C\n", 2, "SK_ID_BUREAU", "cannot parse '1\r' as an id");
  expect_error(h + "1,-,C\n", 2, "MONTHS_BALANCE", "cannot parse '-' as a number");
  expect_error(h + "1,1e39,C\n", 2, "MONTHS_BALANCE", "'1e39' is out of range");
  expect_error(h + "1,-Infinity,C\n", 2, "MONTHS_BALANCE", "cannot parse '-Infinity'");
  expect_error(h + "1,+1,C\n", 2, "MONTHS_BALANCE", "cannot parse '+1'");
  expect_error(h + "1,0,C\n99999999999999999999,0,C\n", 3, "SK_ID_BUREAU",
               "id '99999999999999999999' is out of range (ids go from -2147483648 to 2147483647)");
  expect_error(h + "2147483648,0,C\n", 2, "SK_ID_BUREAU", "'2147483648' is out of range");
  expect_error(h + "-2147483649,0,C\n", 2, "SK_ID_BUREAU", "'-2147483649' is out of range");
}

// Found by fuzz/csv_reader_fuzzer.cpp: a comma as the file's very last byte was read past.
TEST(CsvReader, AFinalCommaWithNoNewlineEndsWithAnEmptyField) {
  const Table t = parse_table(std::string(kHeader) + "1,0,C\n2,-1,", balance(), "bb");
  ASSERT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.numbers("MONTHS_BALANCE")[1], -1.0f);
  EXPECT_EQ(t.column("STATUS").codes[1], kMissingCode);
  expect_error(std::string(kHeader) + "1,0,C\n2,", 3, "",
               "file ends in the middle of this line (truncated?): 2 of 3 fields");
}

TEST(CsvReader, ShapeProblemsNameTheLine) {
  const std::string h = kHeader;
  expect_error(h + "1,0,C\n2,0\n3,0,C\n", 3, "", "line has 2 fields, expected 3");
  expect_error(h + "1,0,C,extra\n", 2, "", "line has 4 fields, expected 3");
  expect_error(h + "1,0,C\n2,0", 3, "", "file ends in the middle of this line (truncated?)");
  expect_error(h + "1,0,C\n2,0,\"unfinished", 3, "", "file ends inside a quoted field");
  expect_error(h + "1,0,\"C\"x\n", 2, "STATUS", "unexpected text after a closing quote");
}

// Plain records read from their fields' known ends, and the others (quotes, line ends inside
// quotes, CRLF, empty lines, a field longer than the reader's 256 KB window) a character at a
// time: over a megabyte of them, in every order, read back value for value. The statuses (one to
// nine bytes, twenty of them) keep their order of first appearance.
TEST(CsvReader, PlainAndCarefulRecordsMixAcrossTheReadersWindows) {
  std::mt19937 random(3);
  std::vector<std::string> statuses;
  for (int k = 0; k < 20; ++k) statuses.push_back(std::string(1 + k % 9, 'a' + k));
  struct Row {
    std::int64_t id;
    float months;
    std::string status;
  };
  std::vector<Row> rows;
  std::vector<std::size_t> row_starts;
  std::string text = kHeader;
  for (int i = 0; text.size() < (1u << 20) + 300000; ++i) {
    Row row{i, static_cast<float>(-(i % 997)) / 4, statuses[random() % statuses.size()]};
    std::string status = row.status;
    switch (random() % 40) {
      case 0:  // a quoted status, holding a comma, a doubled quote and a line end
        row.status += ", \"q\"\n";
        status = "\"" + row.status.substr(0, row.status.size() - 6) + ", \"\"q\"\"\n\"";
        break;
      case 1:
        text += "\r\n";  // an empty line
        break;
      case 2:
        status += "\r";  // a CRLF line end
        break;
      case 3:
        if (i == 2000) {  // once: a status longer than a window
          row.status = std::string(300000, 'z');
          status = row.status;
        }
        break;
      default:
        break;
    }
    std::ostringstream months;
    months << row.months;
    row_starts.push_back(text.size());
    text += std::to_string(row.id) + "," + months.str() + "," + status + "\n";
    rows.push_back(row);
  }
  const Table t = parse_table(text, balance(), "bb");
  ASSERT_EQ(t.rows(), rows.size());
  for (std::size_t r = 0; r < rows.size(); ++r) {
    ASSERT_EQ(t.ids("SK_ID_BUREAU")[r], rows[r].id) << "row " << r;
    ASSERT_EQ(t.numbers("MONTHS_BALANCE")[r], rows[r].months) << "row " << r;
    ASSERT_EQ(t.column("STATUS").category(r), rows[r].status) << "row " << r;
  }
  // A value problem past the first window is named at its line.
  const std::size_t cut =
      *std::lower_bound(row_starts.begin(), row_starts.end(), std::size_t{700000});
  const auto line = static_cast<std::size_t>(std::count(text.begin(), text.begin() + cut, '\n'));
  expect_error(text.substr(0, cut) + "1,2x,C\n" + text.substr(cut), line + 1, "MONTHS_BALANCE",
               "cannot parse '2x' as a number");
}

class CsvFileTest : public ::testing::Test {
 protected:
  const testing::TemporaryDirectory temporary_{"csv"};
  const std::filesystem::path& dir_ = temporary_.path();
};

TEST_F(CsvFileTest, MissingFileAndDirectoryAreNamed) {
  try {
    read_table(dir_ / "nope.csv", balance());
    FAIL();
  } catch (const TableError& error) {
    EXPECT_EQ(error.file(), (dir_ / "nope.csv").string());
    EXPECT_NE(std::string(error.what()).find("file not found"), std::string::npos);
  }
  EXPECT_THROW(read_table(dir_, balance()), TableError);
}

TEST_F(CsvFileTest, ParallelChunksGiveTheSameTableAsOneThreadAndTheRightLineNumbers) {
  // About 12 MB: split into chunks read by several threads.
  std::string text = kHeader;
  const char* written[] = {"C", "X", "0", "1", "\"5\""};  // one of them quoted
  const char* read_back[] = {"C", "X", "0", "1", "5"};
  for (int i = 0; i < 800000; ++i) {
    text += std::to_string(5000000 + i / 10) + "," + std::to_string(-(i % 97)) + "," +
            written[(i / 7) % 5] + "\n";
  }
  std::ofstream(dir_ / "big.csv", std::ios::binary) << text;
  std::uint64_t last_done = 0, reports = 0;
  const Table parallel =
      read_table(dir_ / "big.csv", balance(),
                 [&](std::string_view stage, std::uint64_t done, std::uint64_t total) {
                   EXPECT_EQ(stage, "bureau_balance.csv");
                   EXPECT_GE(done, last_done);
                   EXPECT_EQ(total, text.size());
                   last_done = done;
                   ++reports;
                 });
  EXPECT_EQ(last_done, text.size());
  EXPECT_GE(reports, 2u);
  ASSERT_EQ(parallel.rows(), 800000u);
  for (std::size_t r : {0u, 399999u, 400000u, 799999u}) {
    EXPECT_EQ(parallel.ids("SK_ID_BUREAU")[r], static_cast<std::int64_t>(5000000 + r / 10));
    EXPECT_EQ(parallel.numbers("MONTHS_BALANCE")[r], -static_cast<float>(r % 97));
    EXPECT_EQ(parallel.column("STATUS").category(r), read_back[(r / 7) % 5]);
  }
  // Categories keep their order of first appearance across chunks.
  EXPECT_EQ(parallel.column("STATUS").categories,
            (std::vector<std::string>{"C", "X", "0", "1", "5"}));

  // An error deep in the file is located exactly, whichever thread met it.
  text.replace(text.size() - 10, 1, "Z");
  std::ofstream(dir_ / "bad.csv", std::ios::binary) << text;
  try {
    read_table(dir_ / "bad.csv", balance());
    FAIL();
  } catch (const TableError& error) {
    EXPECT_EQ(error.line(), 800001u) << error.what();
  }
}

TEST(CsvReader, ReadsRealKaggleRows) {
  const auto file = std::filesystem::path(CREDITSCORE_SHARED_DATA) / "real_sample" /
                    "application_train_sample.csv";
  const Table t = read_table(file, schema_of(TableId::ApplicationTrain));
  ASSERT_EQ(t.rows(), 500u);
  EXPECT_EQ(t.column_count(), 122u);
  EXPECT_EQ(t.ids("SK_ID_CURR")[0], 102037);
  EXPECT_EQ(t.numbers("TARGET")[0], 0.0f);
  EXPECT_EQ(t.column("NAME_CONTRACT_TYPE").category(0), "Cash loans");
  EXPECT_EQ(t.numbers("DAYS_EMPLOYED")[0], 365243.0f);  // a pensioner
  EXPECT_TRUE(std::isnan(t.numbers("EXT_SOURCE_1")[0]));
  EXPECT_FLOAT_EQ(t.numbers("EXT_SOURCE_2")[0], 0.6228983467249344f);
  EXPECT_EQ(t.column("OCCUPATION_TYPE").codes[0], kMissingCode);
  const Column& walls = t.column("WALLSMATERIAL_MODE");
  EXPECT_NE(walls.code_of("Stone, brick"), kMissingCode);  // a quoted value with a comma
  for (float target : t.numbers("TARGET")) EXPECT_TRUE(target == 0.0f || target == 1.0f);
}

}  // namespace
}  // namespace creditscore::tables

namespace creditscore::tables {
namespace {

// The reader's fast path for plain decimals gives exactly std::from_chars's value.
TEST(CsvReader, PlainDecimalsParseToTheSameBitsAsFromChars) {
  std::mt19937_64 random(5);
  std::string text = "SK_ID_BUREAU,MONTHS_BALANCE,STATUS\n";
  std::vector<std::string> written;
  for (int i = 0; i < 20000; ++i) {
    const int decimals = static_cast<int>(random() % 18);
    const double magnitude = std::pow(10.0, static_cast<double>(random() % 12));
    const double v = (static_cast<double>(random() % 2000001) / 1000000.0 - 1.0) * magnitude;
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.*f", decimals, v);
    written.emplace_back(i % 50 == 0 ? "-0.0" : i % 51 == 0 ? "007.50" : buffer);
    text += "1," + written.back() + ",C\n";
  }
  const Table t = parse_table(text, balance(), "bb");
  for (std::size_t r = 0; r < written.size(); ++r) {
    double expected = 0;
    std::from_chars(written[r].data(), written[r].data() + written[r].size(), expected);
    const float a = t.numbers("MONTHS_BALANCE")[r], b = static_cast<float>(expected);
    ASSERT_EQ(std::memcmp(&a, &b, sizeof a), 0) << written[r];
  }
}

}  // namespace
}  // namespace creditscore::tables
