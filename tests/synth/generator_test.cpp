#include "synth/generator.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <fstream>
#include <set>
#include <sstream>

#include "common/error.h"
#include "model/metrics.h"
#include "synth/oracle_file.h"
#include "tables/csv_reader.h"
#include "tables/dataset.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::synth {
namespace {

std::filesystem::path fresh_directory(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("creditscore_synth_" + std::to_string(::getpid()) + "_" + name);
  std::filesystem::remove_all(dir);
  return dir;
}

// One data set of 6,000 clients shared by the tests that only read it.
class GeneratedData : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new std::filesystem::path(fresh_directory("shared"));
    summary_ = new GenerationSummary(generate_dataset({6000, 11, *dir_, 0}));
    data_ = new tables::Dataset(tables::read_dataset(*dir_));
  }
  static void TearDownTestSuite() {
    std::filesystem::remove_all(*dir_);
    delete data_;
    delete summary_;
    delete dir_;
  }
  static double share_missing(std::span<const float> values) {
    return static_cast<double>(
               std::count_if(values.begin(), values.end(), [](float v) { return std::isnan(v); })) /
           static_cast<double>(values.size());
  }
  static std::filesystem::path* dir_;
  static GenerationSummary* summary_;
  static tables::Dataset* data_;
};
std::filesystem::path* GeneratedData::dir_ = nullptr;
GenerationSummary* GeneratedData::summary_ = nullptr;
tables::Dataset* GeneratedData::data_ = nullptr;

TEST_F(GeneratedData, HeadersAreExactlyKaggles) {
  const auto headers = std::filesystem::path(CREDITSCORE_SHARED_DATA) / "kaggle_headers";
  for (tables::TableId id : tables::all_tables()) {
    const std::string& name = tables::schema_of(id).file_name;
    EXPECT_EQ(testing::first_line(*dir_ / name), testing::first_line(headers / name)) << name;
  }
  EXPECT_EQ(testing::first_line(*dir_ / kOracleFile), "SK_ID_CURR,SPLIT,TRUE_PD,TARGET");
}

TEST_F(GeneratedData, EveryForeignKeyResolves) {
  for (const tables::OrphanReport& report : tables::find_orphans(*data_)) {
    EXPECT_EQ(report.rows, 0u) << report.table << "." << report.column << " e.g. "
                               << report.example_id;
  }
}

TEST_F(GeneratedData, DefaultRateAndOracleAucAreThoseOfTheRealData) {
  EXPECT_EQ(summary_->train_clients + summary_->test_clients, 6000u);
  EXPECT_GE(summary_->default_rate, 0.06);
  EXPECT_LE(summary_->default_rate, 0.10);
  const double auc = model::roc_auc(summary_->train_true_pd, summary_->train_target);
  EXPECT_GE(auc, 0.74);
  EXPECT_LE(auc, 0.86);
  // TARGET in the file is the one summarised.
  const auto targets = data_->application_train.numbers("TARGET");
  ASSERT_EQ(targets.size(), summary_->train_target.size());
  for (std::size_t i = 0; i < targets.size(); ++i) ASSERT_EQ(targets[i], summary_->train_target[i]);
}

TEST_F(GeneratedData, RowsPerClientAreInKagglesProportions) {
  const double clients = 6000.0;
  const std::pair<const tables::Table*, double> expected[] = {
      {&data_->bureau, 1716428.0 / 356255},
      {&data_->bureau_balance, 27299925.0 / 356255},
      {&data_->previous_application, 1670214.0 / 356255},
      {&data_->pos_cash_balance, 10001358.0 / 356255},
      {&data_->installments_payments, 13605401.0 / 356255},
      {&data_->credit_card_balance, 3840312.0 / 356255}};
  for (const auto& [table, per_client] : expected) {
    const double ratio = static_cast<double>(table->rows()) / clients / per_client;
    EXPECT_GT(ratio, 0.75) << table->schema().file_name;
    EXPECT_LT(ratio, 1.25) << table->schema().file_name;
  }
  const double test_share = static_cast<double>(summary_->test_clients) / clients;
  EXPECT_NEAR(test_share, 48744.0 / 356255, 0.015);
}

TEST_F(GeneratedData, ValuesLookLikeKaggles) {
  const tables::Table& app = data_->application_train;
  const auto employed = app.numbers("DAYS_EMPLOYED");
  const double pensioners =
      static_cast<double>(std::count(employed.begin(), employed.end(), 365243.0f)) /
      static_cast<double>(employed.size());
  EXPECT_NEAR(pensioners, 0.18, 0.06);
  EXPECT_NEAR(share_missing(app.numbers("EXT_SOURCE_1")), 0.56, 0.1);
  EXPECT_NEAR(share_missing(app.numbers("EXT_SOURCE_3")), 0.2, 0.05);
  EXPECT_GT(share_missing(app.numbers("COMMONAREA_AVG")), 0.6);
  for (const char* column : {"EXT_SOURCE_1", "EXT_SOURCE_2", "EXT_SOURCE_3"}) {
    for (float v : app.numbers(column)) {
      if (!std::isnan(v)) {
        ASSERT_TRUE(v > 0 && v < 1) << column << " " << v;
      }
    }
  }
  for (float days : app.numbers("DAYS_BIRTH")) ASSERT_TRUE(days <= -7400 && days >= -25300) << days;
  const std::set<std::string> genders(app.column("CODE_GENDER").categories.begin(),
                                      app.column("CODE_GENDER").categories.end());
  EXPECT_TRUE(genders.contains("F") && genders.contains("M"));
  const std::set<std::string> statuses(data_->bureau_balance.column("STATUS").categories.begin(),
                                       data_->bureau_balance.column("STATUS").categories.end());
  for (const std::string& status : statuses)
    EXPECT_TRUE(std::string("012345CX").find(status) != std::string::npos) << status;
  EXPECT_TRUE(statuses.contains("C") && statuses.contains("X") && statuses.contains("1"));
  EXPECT_GE(app.column("ORGANIZATION_TYPE").categories.size(), 40u);
  const auto& reasons = data_->previous_application.column("CODE_REJECT_REASON");
  EXPECT_NE(reasons.code_of("XAP"), tables::kMissingCode);
  EXPECT_NE(reasons.code_of("HC"), tables::kMissingCode);
  // Bureau credits end after they open.
  const auto opened = data_->bureau.numbers("DAYS_CREDIT");
  const auto ended = data_->bureau.numbers("DAYS_ENDDATE_FACT");
  for (std::size_t i = 0; i < opened.size(); ++i) {
    if (!std::isnan(ended[i])) {
      ASSERT_GE(ended[i], opened[i]) << "row " << i;
    }
  }
}

TEST(Generator, SameSeedSameBytesWhateverTheThreadsAndAnotherSeedDiffers) {
  const auto one = fresh_directory("one"), two = fresh_directory("two"),
             other = fresh_directory("other");
  generate_dataset({2500, 5, one, 1});
  generate_dataset({2500, 5, two, 2});
  generate_dataset({2500, 6, other, 2});
  for (const char* name : {"application_train.csv", "bureau_balance.csv",
                           "installments_payments.csv", "credit_card_balance.csv", "oracle.csv"}) {
    EXPECT_EQ(testing::read_file(one / name), testing::read_file(two / name)) << name;
    EXPECT_NE(testing::read_file(one / name), testing::read_file(other / name)) << name;
  }
  for (const auto& dir : {one, two, other}) std::filesystem::remove_all(dir);
}

TEST(Generator, BadConfigurationIsRefusedByName) {
  const auto dir = fresh_directory("bad");
  try {
    generate_dataset({0, 1, dir, 0});
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("--clients"), std::string::npos);
  }
  std::ofstream(dir.string()) << "a file, not a directory";
  try {
    generate_dataset({10, 1, dir, 0});
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find(dir.string()), std::string::npos);
  }
  std::filesystem::remove(dir);
}

}  // namespace
}  // namespace creditscore::synth

namespace creditscore::synth {
namespace {

TEST(OracleFile, ReadsBackWhatTheGeneratorWroteAndNamesABadLine) {
  const auto dir = fresh_directory("oracle");
  const GenerationSummary summary = generate_dataset({300, 2, dir, 1});
  const auto oracle = read_oracle(dir / kOracleFile);
  EXPECT_EQ(oracle.size(), 300u);
  // The train clients' probabilities, in file order, are exactly those summarised.
  const tables::Table train = tables::read_table(
      dir / "application_train.csv", tables::schema_of(tables::TableId::ApplicationTrain));
  const auto ids = train.ids("SK_ID_CURR");
  ASSERT_EQ(ids.size(), summary.train_true_pd.size());
  for (std::size_t i = 0; i < ids.size(); ++i)
    EXPECT_EQ(oracle.at(ids[i]), summary.train_true_pd[i]);
  std::ofstream(dir / "bad.csv")
      << "SK_ID_CURR,SPLIT,TRUE_PD,TARGET\n100002,train,0.1,0\n100003,train,x,1\n";
  try {
    read_oracle(dir / "bad.csv");
    FAIL();
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find("bad.csv:3"), std::string::npos) << error.what();
  }
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace creditscore::synth
