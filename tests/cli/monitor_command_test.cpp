// `creditscore monitor` on the clients of a data set generated to drift on purpose (generate
// --drift) and on those of the same data set undrifted, against the same training clients.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
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

  static std::vector<nlohmann::json> features_drifted(const nlohmann::json& report) {
    std::vector<nlohmann::json> drifted;
    for (const nlohmann::json& f : report["features"]) {
      if (f["drifted"].get<bool>()) drifted.push_back(f);
    }
    return drifted;
  }
  static double sum(const nlohmann::json& shares) {
    double total = 0;
    for (const nlohmann::json& share : shares) total += share.get<double>();
    return total;
  }

  const TemporaryDirectory temporary_{"monitor_cli"};
};

TEST_F(MonitorCommandTest, FlagsTheShiftedFeaturesAndDatasetDriftAndFewOnTheUndriftedSet) {
  const nlohmann::json drifted = report(kDriftedData, "drifted");
  const nlohmann::json plain = report(kServerTestData, "plain");
  const nlohmann::json declared =
      nlohmann::json::parse(std::ifstream(ServedData::root(kDriftedData) / "data" / "drift.json"));
  const std::vector<nlohmann::json> flagged = features_drifted(drifted);
  ASSERT_EQ(declared["shifted_columns"].size(), 5u);
  for (const nlohmann::json& column : declared["shifted_columns"]) {
    EXPECT_TRUE(std::any_of(flagged.begin(), flagged.end(), [&](const nlohmann::json& f) {
      return made_from(f["name"], column);
    })) << column;
  }
  // The thinner histories: features aggregated over each table's rows drift.
  const std::map<std::string, std::string> prefix = {{"bureau", "BURO_"},
                                                     {"previous_application", "PREV_"}};
  ASSERT_EQ(declared["thinner_tables"].size(), prefix.size());
  for (const nlohmann::json& table : declared["thinner_tables"]) {
    EXPECT_GE(std::count_if(flagged.begin(), flagged.end(),
                            [&](const nlohmann::json& f) {
                              return f["name"].get<std::string>().starts_with(prefix.at(table));
                            }),
              5)
        << table;
  }
  EXPECT_TRUE(drifted["dataset_drift"].get<bool>());
  EXPECT_GE(drifted["drift_share"].get<double>(), 0.5);
  // (Undrifted, a category may still be flagged: one that training never saw, as small data sets
  // have.)
  EXPECT_LE(features_drifted(plain).size(), plain["features"].size() / 20)
      << "at most 5 % of the features";
  EXPECT_FALSE(plain["dataset_drift"].get<bool>());
  EXPECT_GT(drifted["prediction"]["refusal_rate_now"].get<double>(),
            plain["prediction"]["refusal_rate_now"].get<double>());
  // The document's shape.
  for (const char* field : {"name", "psi", "test", "statistic", "drifted", "importance"})
    EXPECT_TRUE(drifted["features"][0].contains(field)) << field;
  // A drifting feature's histograms, training's and now, over the bins PSI compares: the third
  // external score, shifted down, has half as many clients again below its first decile.
  for (const nlohmann::json& f : flagged) {
    const nlohmann::json& histogram = f["histogram"];
    EXPECT_NEAR(sum(histogram["reference"]), 1, 1e-9) << f["name"];
    EXPECT_NEAR(sum(histogram["current"]), 1, 1e-9) << f["name"];
    if (f["name"] == "EXT_SOURCE_3") {
      EXPECT_EQ(histogram["bins"], "deciles");
      EXPECT_EQ(histogram["current"].size(), histogram["bounds"].size() + 2);
      EXPECT_GT(histogram["current"][0].get<double>(),
                1.5 * histogram["reference"][0].get<double>());
      EXPECT_NEAR(histogram["reference"][0].get<double>(), 0.08, 0.02);  // 80 % have one
    }
  }
  for (const nlohmann::json& f : plain["features"])
    EXPECT_EQ(f.contains("histogram"), f["drifted"].get<bool>()) << f["name"];
  EXPECT_NEAR(sum(drifted["prediction"]["scores"]["histogram"]["current"]), 1, 1e-9);
  // Ranked by drift x importance.
  const nlohmann::json& features = drifted["features"];
  for (std::size_t i = 1; i < features.size(); ++i) {
    EXPECT_GE(features[i - 1]["psi"].get<double>() * features[i - 1]["importance"].get<double>(),
              features[i]["psi"].get<double>() * features[i]["importance"].get<double>());
  }
}

// The test clients' true outcomes (the generator's oracle.csv) loaded as if they had arrived.
TEST_F(MonitorCommandTest, OutcomesLoadedFromAFileGiveTheQualityBesideTheOutOfFoldFigures) {
  const std::filesystem::path store = temporary_.path() / "clients.sqlite";
  std::filesystem::copy_file(ServedData::root() / "clients.sqlite", store);
  const std::filesystem::path file = temporary_.path() / "outcomes.csv";
  std::ifstream oracle(ServedData::root() / "data" / "oracle.csv");
  std::ofstream outcomes(file);
  outcomes << "SK_ID_CURR,TARGET\n";
  std::string line, first_training;
  std::getline(oracle, line);
  std::size_t loaded = 0;
  while (std::getline(oracle, line)) {
    // SK_ID_CURR,SPLIT,TRUE_PD,TARGET
    const std::string id = line.substr(0, line.find(','));
    if (line.find(",test,") == std::string::npos) {
      if (first_training.empty()) first_training = id;
      continue;
    }
    outcomes << id << "," << line.back() << "\n";
    ++loaded;
  }
  outcomes.close();
  const CommandResult load =
      run_creditscore("outcomes load " + file.string() + " --store " + store.string());
  ASSERT_EQ(load.status, 0) << load.output;
  EXPECT_NE(load.output.find("Recorded " + std::to_string(loaded) + " outcomes"), std::string::npos)
      << load.output;
  const std::filesystem::path json = temporary_.path() / "quality.json";
  const CommandResult monitor =
      run_creditscore("monitor --store " + store.string() + " --models " +
                      (ServedData::root() / "models").string() + " --json " + json.string());
  ASSERT_EQ(monitor.status, 0) << monitor.output;
  EXPECT_NE(monitor.output.find("ROC AUC"), std::string::npos) << monitor.output;
  const nlohmann::json report = nlohmann::json::parse(std::ifstream(json));
  const nlohmann::json& quality = report["quality"];
  EXPECT_EQ(quality["clients"], loaded);
  EXPECT_GT(quality["roc_auc"].get<double>(), 0.6);
  EXPECT_TRUE(quality["cost_per_client"].is_number());
  // Over time, by month of application: the test clients were all stored in one month.
  ASSERT_EQ(quality["by_month"].size(), 1u);
  EXPECT_EQ(quality["by_month"][0]["clients"], loaded);
  EXPECT_EQ(quality["by_month"][0]["roc_auc"], quality["roc_auc"]);
  // With the outcomes, the live fairness has the refused shares of good clients too.
  EXPECT_NE(monitor.output.find("Fairness"), std::string::npos) << monitor.output;
  EXPECT_NE(monitor.output.find("age_band 35_49"), std::string::npos) << monitor.output;
  const nlohmann::json& women = report["fairness"]["now"]["attributes"][0]["groups"][0];
  EXPECT_EQ(women["with_outcome"], women["clients"]);
  EXPECT_TRUE(women["false_positive_rate"].is_number());

  // A bad line is named, and a training client stops the load: nothing is recorded.
  std::ofstream(file) << "SK_ID_CURR,TARGET\n" << first_training << ",2\n";
  const CommandResult bad =
      run_creditscore("outcomes load " + file.string() + " --store " + store.string());
  EXPECT_EQ(bad.status, 1);
  EXPECT_NE(bad.output.find("outcomes.csv:2: TARGET must be 0 (repaid) or 1 (defaulted)"),
            std::string::npos)
      << bad.output;
  std::ofstream(file) << "SK_ID_CURR,TARGET\n" << first_training << ",1\n";
  const CommandResult training =
      run_creditscore("outcomes load " + file.string() + " --store " + store.string());
  EXPECT_EQ(training.status, 1);
  EXPECT_NE(training.output.find("training client"), std::string::npos) << training.output;
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
