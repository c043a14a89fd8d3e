// The CSV path refuses every class of bad application value as the API does
// (tests/support/bad_applications.h), naming the file, the line and the column, and writes
// nothing.
#include <gtest/gtest.h>

#include <filesystem>

#include "tests/support/bad_applications.h"
#include "tests/support/csv_edit.h"
#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

TEST(ApplicationRulesOnCsv, ScoringRefusesEachBadValueNamingFileLineAndColumn) {
  const TemporaryDirectory work{"csv_rules"};
  const std::filesystem::path data = ServedData::root() / "data";
  const std::string models = (ServedData::root() / "models").string();
  int k = 0;
  for (const BadApplicationField& bad : bad_application_fields()) {
    const std::filesystem::path copy = work.path() / ("data" + std::to_string(k++));
    std::filesystem::copy(data, copy, std::filesystem::copy_options::recursive);
    set_first_row_field(copy / "application_test.csv", bad.column,
                        bad.value.is_null() ? "" : bad.value.dump());
    const std::filesystem::path out = copy / "predictions.csv";
    const CommandResult scored = run_creditscore("score --data " + copy.string() + " --models " +
                                                 models + " --out " + out.string());
    EXPECT_EQ(scored.status, 1) << bad.column << "\n" << scored.output;
    EXPECT_NE(scored.output.find("application_test.csv:2: column " + bad.column + ": "),
              std::string::npos)
        << scored.output;
    EXPECT_NE(scored.output.find(bad.problem), std::string::npos) << scored.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written";
  }
}

TEST(ApplicationRulesOnCsv, ScoringRefusesEachBadHistoryValueNamingFileLineAndColumn) {
  const TemporaryDirectory work{"csv_history_rules"};
  const std::filesystem::path data = ServedData::root() / "data";
  const std::string models = (ServedData::root() / "models").string();
  int k = 0;
  for (const BadHistoryField& bad : bad_history_fields()) {
    const std::filesystem::path copy = work.path() / ("data" + std::to_string(k++));
    std::filesystem::copy(data, copy, std::filesystem::copy_options::recursive);
    const std::string file = bad.table + ".csv";
    set_first_row_field(copy / file, bad.column, nlohmann::json(bad.value).dump());
    const std::filesystem::path out = copy / "predictions.csv";
    const CommandResult scored = run_creditscore("score --data " + copy.string() + " --models " +
                                                 models + " --out " + out.string());
    EXPECT_EQ(scored.status, 1) << bad.column << "\n" << scored.output;
    EXPECT_NE(scored.output.find(file + ":2: column " + bad.column + ": " + bad.problem),
              std::string::npos)
        << scored.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written";
  }
}

}  // namespace
}  // namespace creditscore::testing
