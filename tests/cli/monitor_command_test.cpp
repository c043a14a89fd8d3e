// `creditscore monitor` on the clients of a data set generated to drift on purpose (generate
// --drift) and on those of the same data set undrifted, against the same training clients.
#include <gtest/gtest.h>

#include <fstream>
#include <nlohmann/json.hpp>

#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

// The server tests' data, with application_test shifted: the training clients are the same.
constexpr ServedDataSpec kDriftedData{"drifted-test-data", kServerTestData.clients,
                                      kServerTestData.training, "--drift"};

class MonitorCommandTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ServedData().SetUp();
    ServedData(kDriftedData).SetUp();
  }
  nlohmann::json report(const ServedDataSpec& spec, const std::string& name) {
    const std::filesystem::path out = temporary_.path() / (name + ".json");
    const CommandResult result = run_creditscore(
        "monitor --store " + (ServedData::root(spec) / "clients.sqlite").string() + " --models " +
        (ServedData::root(spec) / "models").string() + " --json " + out.string());
    EXPECT_EQ(result.status, 0) << result.output;
    EXPECT_NE(result.output.find("Dataset drift:"), std::string::npos) << result.output;
    return nlohmann::json::parse(std::ifstream(out));
  }
  // The features made from `column`: itself, or its one-hot categories.
  static bool made_from(const std::string& feature, const std::string& column) {
    return feature == column || feature.starts_with(column + "_");
  }

  const TemporaryDirectory temporary_{"monitor_cli"};
};

TEST_F(MonitorCommandTest, FlagsTheFeaturesMadeFromTheShiftedColumnsAndFewOnTheUndriftedSet) {
  const nlohmann::json drifted = report(kDriftedData, "drifted");
  const nlohmann::json plain = report(kServerTestData, "plain");
  const nlohmann::json declared =
      nlohmann::json::parse(std::ifstream(ServedData::root(kDriftedData) / "data" / "drift.json"));
  ASSERT_EQ(declared["shifted_columns"].size(), 4u);
  for (const nlohmann::json& column : declared["shifted_columns"]) {
    bool flagged = false;
    for (const nlohmann::json& f : drifted["features"])
      flagged |= made_from(f["name"], column) && f["drifted"].get<bool>();
    EXPECT_TRUE(flagged) << column;
  }
  // (Undrifted, a category may still be flagged: one that training never saw, as small data sets
  // have.)
  std::size_t false_alarms = 0;
  for (const nlohmann::json& f : plain["features"]) false_alarms += f["drifted"].get<bool>();
  EXPECT_LE(false_alarms, plain["features"].size() / 20) << "at most 5 % of the features";
  EXPECT_FALSE(plain["dataset_drift"].get<bool>());
  EXPECT_GT(drifted["prediction"]["refusal_rate_now"].get<double>(),
            plain["prediction"]["refusal_rate_now"].get<double>());
  // The document's shape.
  for (const char* field : {"name", "psi", "test", "statistic", "drifted", "importance"})
    EXPECT_TRUE(drifted["features"][0].contains(field)) << field;
  EXPECT_TRUE(drifted["dataset_drift"].is_boolean());
  EXPECT_TRUE(drifted["drift_share"].is_number());
  // Ranked by drift x importance.
  const nlohmann::json& features = drifted["features"];
  for (std::size_t i = 1; i < features.size(); ++i) {
    EXPECT_GE(features[i - 1]["psi"].get<double>() * features[i - 1]["importance"].get<double>(),
              features[i]["psi"].get<double>() * features[i]["importance"].get<double>());
  }
}

TEST_F(MonitorCommandTest, ABadDateOrSettingIsNamedAndAnEmptyWindowSaysSo) {
  const std::string store = (ServedData::root() / "clients.sqlite").string();
  const std::string models = (ServedData::root() / "models").string();
  const CommandResult bad_date =
      run_creditscore("monitor --store " + store + " --models " + models + " --since yesterday");
  EXPECT_EQ(bad_date.status, 1);
  EXPECT_NE(bad_date.output.find("yesterday"), std::string::npos) << bad_date.output;
  const CommandResult bad_flag =
      run_creditscore("monitor --store " + store + " --models " + models + " --flag-by vibes");
  EXPECT_EQ(bad_flag.status, 1);
  EXPECT_NE(bad_flag.output.find("--flag-by=\"vibes\""), std::string::npos) << bad_flag.output;
  const CommandResult empty =
      run_creditscore("monitor --store " + store + " --models " + models + " --since 2999-01-01");
  EXPECT_EQ(empty.status, 1);
  EXPECT_NE(empty.output.find("no current client"), std::string::npos) << empty.output;
}

}  // namespace
}  // namespace creditscore::testing
