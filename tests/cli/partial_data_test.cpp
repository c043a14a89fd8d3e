// What a lender really has: no new applications yet, no card business. Every command that does not
// need a file works without it, says so, and counts that table's features as missing.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "features/feature_matrix.h"
#include "model/model_bundle.h"
#include "store/client_store.h"
#include "store/run_registry.h"
#include "tables/dataset.h"
#include "tests/support/run_command.h"
#include "tests/support/temporary_directory.h"

namespace {

using creditscore::testing::CommandResult;

CommandResult run(const std::string& arguments) {
  return creditscore::testing::run_creditscore(arguments);
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

class PartialDataTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ASSERT_EQ(run("generate --clients 500 --seed 3 --out " + data_.string()).status, 0);
    std::filesystem::create_directories(aside_);
    for (const char* file : {"application_test.csv", "credit_card_balance.csv"}) {
      std::filesystem::rename(data_ / file, aside_ / file);
    }
  }

  std::size_t training_clients() const {
    return creditscore::tables::read_dataset(data_).application_train.rows();
  }

  const creditscore::testing::TemporaryDirectory temporary_{"partial_data"};
  const std::filesystem::path dir_ = temporary_.path();
  const std::filesystem::path data_ = dir_ / "data";
  const std::filesystem::path aside_ = dir_ / "aside";
  const std::string models_ = (dir_ / "models").string();
};

TEST_F(PartialDataTest, InspectAndFeaturesNameWhatIsMissingAndCountItsFeaturesAsMissing) {
  const CommandResult inspected = run("inspect --data " + data_.string());
  ASSERT_EQ(inspected.status, 0) << inspected.output;
  EXPECT_TRUE(contains(inspected.output, "warning: credit_card_balance.csv is not in " +
                                             data_.string() +
                                             ": every feature drawn from it is missing"))
      << inspected.output;
  EXPECT_TRUE(contains(inspected.output, "warning: application_test.csv is not in"))
      << inspected.output;

  const std::filesystem::path matrix_file = dir_ / "features.bin";
  const CommandResult built =
      run("features --data " + data_.string() + " --out " + matrix_file.string());
  ASSERT_EQ(built.status, 0) << built.output;
  const creditscore::features::FeatureMatrix matrix =
      creditscore::features::read_matrix(matrix_file);
  EXPECT_EQ(matrix.rows(), training_clients());  // no new applications to add
  std::size_t card_features = 0, bureau_values = 0;
  for (std::size_t c = 0; c < matrix.cols(); ++c) {
    const bool card = matrix.names[c].rfind("CC_", 0) == 0;
    const bool bureau = matrix.names[c].rfind("BURO_", 0) == 0;
    card_features += card ? 1 : 0;
    for (std::size_t r = 0; r < matrix.rows(); ++r) {
      const float value = matrix.values[r * matrix.cols() + c];
      if (card) {
        EXPECT_TRUE(std::isnan(value)) << matrix.names[c] << " of row " << r;
      }
      bureau_values += bureau && !std::isnan(value) ? 1 : 0;
    }
  }
  EXPECT_GT(card_features, 10u);
  EXPECT_GT(bureau_values, 1000u);  // the tables that are there still count
}

TEST_F(PartialDataTest, TrainAndStoreBuildWorkAndTheBundleRecordsItsTables) {
  const CommandResult trained = run("train --data " + data_.string() + " --models " + models_ +
                                    " --folds 2 --max-rounds 20 --early-stopping 5");
  ASSERT_EQ(trained.status, 0) << trained.output;
  creditscore::store::RunRegistry registry(creditscore::store::registry_file(models_));
  const auto served = registry.served();
  ASSERT_TRUE(served);
  const creditscore::model::ModelBundle bundle =
      creditscore::model::read_bundle(served->bundle_path);
  std::vector<std::string> learned;
  for (auto id : bundle.learned_from)
    learned.push_back(creditscore::tables::schema_of(id).file_name);
  EXPECT_EQ(learned,
            (std::vector<std::string>{"application_train.csv", "bureau.csv", "bureau_balance.csv",
                                      "previous_application.csv", "POS_CASH_balance.csv",
                                      "installments_payments.csv"}));

  const std::filesystem::path db = dir_ / "clients.sqlite";
  const CommandResult stored = run("store build --data " + data_.string() + " --models " + models_ +
                                   " --out " + db.string());
  ASSERT_EQ(stored.status, 0) << stored.output;
  EXPECT_EQ(creditscore::store::ClientStore(db).count(), training_clients());

  // Scoring new applications needs them, and says which file is missing.
  const std::string predictions = (dir_ / "predictions.csv").string();
  const CommandResult unscored =
      run("score --data " + data_.string() + " --models " + models_ + " --out " + predictions);
  EXPECT_EQ(unscored.status, 1) << unscored.output;
  EXPECT_TRUE(
      contains(unscored.output, (data_ / "application_test.csv").string() + ": file not found"))
      << unscored.output;
  EXPECT_FALSE(std::filesystem::exists(predictions));

  // Scoring data that lacks a table the model learned from, and holds one it learned without.
  std::filesystem::rename(aside_ / "application_test.csv", data_ / "application_test.csv");
  std::filesystem::rename(aside_ / "credit_card_balance.csv", data_ / "credit_card_balance.csv");
  std::filesystem::remove(data_ / "bureau_balance.csv");
  const CommandResult scored =
      run("score --data " + data_.string() + " --models " + models_ + " --out " + predictions);
  ASSERT_EQ(scored.status, 0) << scored.output;
  EXPECT_TRUE(contains(scored.output,
                       "warning: no bureau_balance.csv given, though the model "
                       "learned from it"))
      << scored.output;
  EXPECT_TRUE(contains(scored.output,
                       "warning: credit_card_balance.csv: the model learned "
                       "without it, so its rows change no score"))
      << scored.output;
  EXPECT_TRUE(std::filesystem::exists(predictions));
}

TEST_F(PartialDataTest, WithoutAnyApplicationFileNothingIsRead) {
  std::filesystem::remove(data_ / "application_train.csv");
  const CommandResult inspected = run("inspect --data " + data_.string());
  EXPECT_EQ(inspected.status, 1) << inspected.output;
  EXPECT_TRUE(contains(inspected.output, "no application file (expected application_train.csv"))
      << inspected.output;
  const CommandResult trained = run("train --data " + data_.string() + " --models " + models_);
  EXPECT_EQ(trained.status, 1) << trained.output;
  EXPECT_TRUE(
      contains(trained.output, (data_ / "application_train.csv").string() + ": file not found"))
      << trained.output;
}

}  // namespace
