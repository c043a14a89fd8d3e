#include "features/feature_builder.h"

#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "common/error.h"
#include "tables/csv_reader.h"

namespace creditscore::features {
namespace {

using tables::TableId;
using Fields = std::map<std::string, std::string>;

std::string csv(TableId id, const std::vector<Fields>& rows) {
  const tables::TableSchema& schema = tables::schema_of(id);
  std::string text = schema.header_line() + "\n";
  for (const Fields& fields : rows) {
    for (std::size_t c = 0; c < schema.columns.size(); ++c) {
      if (c > 0) text += ',';
      const auto found = fields.find(schema.columns[c].name);
      if (found != fields.end()) text += found->second;
    }
    text += '\n';
  }
  return text;
}

// Client 1 has a full, small history; client 2 has none at all.
tables::Dataset tiny() {
  tables::Dataset d;
  auto table = [](TableId id, const std::vector<Fields>& rows) {
    return tables::parse_table(csv(id, rows), tables::schema_of(id),
                               tables::schema_of(id).file_name);
  };
  d.application_train =
      table(TableId::ApplicationTrain, {{{"SK_ID_CURR", "1"},
                                         {"TARGET", "1"},
                                         {"NAME_CONTRACT_TYPE", "Cash loans"},
                                         {"AMT_INCOME_TOTAL", "100000"},
                                         {"AMT_CREDIT", "200000"},
                                         {"AMT_ANNUITY", "10000"},
                                         {"DAYS_BIRTH", "-10000"},
                                         {"DAYS_EMPLOYED", "-1000"},
                                         {"CNT_FAM_MEMBERS", "2"}},
                                        {{"SK_ID_CURR", "2"},
                                         {"TARGET", "0"},
                                         {"NAME_CONTRACT_TYPE", "Revolving loans"},
                                         {"AMT_INCOME_TOTAL", "50000"},
                                         {"AMT_CREDIT", "0"},
                                         {"DAYS_BIRTH", "-20000"},
                                         {"DAYS_EMPLOYED", "365243"},
                                         {"CNT_FAM_MEMBERS", "0"}}});
  d.application_test = table(TableId::ApplicationTest, {});
  d.bureau = table(TableId::Bureau,
                   {{{"SK_ID_CURR", "1"},
                     {"SK_ID_BUREAU", "10"},
                     {"CREDIT_ACTIVE", "Active"},
                     {"DAYS_CREDIT", "-100"},
                     {"AMT_CREDIT_SUM", "1000"}},
                    {{"SK_ID_CURR", "1"},
                     {"SK_ID_BUREAU", "11"},
                     {"CREDIT_ACTIVE", "Closed"},
                     {"DAYS_CREDIT", "-300"},
                     {"AMT_CREDIT_SUM", "3000"}},
                    {{"SK_ID_CURR", "1"},
                     {"SK_ID_BUREAU", "12"},
                     {"CREDIT_ACTIVE", "Active"},
                     {"DAYS_CREDIT", "-200"},
                     {"AMT_CREDIT_SUM", "5000"}},
                    {{"SK_ID_CURR", "99"}, {"SK_ID_BUREAU", "13"}, {"CREDIT_ACTIVE", "Active"}}});
  d.bureau_balance = table(TableId::BureauBalance,
                           {{{"SK_ID_BUREAU", "10"}, {"MONTHS_BALANCE", "0"}, {"STATUS", "C"}},
                            {{"SK_ID_BUREAU", "10"}, {"MONTHS_BALANCE", "-1"}, {"STATUS", "1"}},
                            {{"SK_ID_BUREAU", "10"}, {"MONTHS_BALANCE", "-2"}, {"STATUS", "C"}},
                            {{"SK_ID_BUREAU", "10"}, {"MONTHS_BALANCE", "-3"}, {"STATUS", "0"}},
                            {{"SK_ID_BUREAU", "11"}, {"MONTHS_BALANCE", "0"}, {"STATUS", "C"}}});
  d.previous_application =
      table(TableId::PreviousApplication, {{{"SK_ID_PREV", "100"},
                                            {"SK_ID_CURR", "1"},
                                            {"NAME_CONTRACT_STATUS", "Approved"},
                                            {"AMT_APPLICATION", "900"},
                                            {"AMT_CREDIT", "1000"},
                                            {"DAYS_FIRST_DUE", "365243"}},
                                           {{"SK_ID_PREV", "101"},
                                            {"SK_ID_CURR", "1"},
                                            {"NAME_CONTRACT_STATUS", "Refused"},
                                            {"AMT_APPLICATION", "500"},
                                            {"AMT_CREDIT", "0"}}});
  d.pos_cash_balance = table(TableId::PosCashBalance, {{{"SK_ID_PREV", "100"},
                                                        {"SK_ID_CURR", "1"},
                                                        {"MONTHS_BALANCE", "-1"},
                                                        {"SK_DPD", "3"},
                                                        {"NAME_CONTRACT_STATUS", "Active"}}});
  d.installments_payments = table(TableId::InstallmentsPayments, {{{"SK_ID_PREV", "100"},
                                                                   {"SK_ID_CURR", "1"},
                                                                   {"NUM_INSTALMENT_VERSION", "1"},
                                                                   {"DAYS_INSTALMENT", "-40"},
                                                                   {"DAYS_ENTRY_PAYMENT", "-35"},
                                                                   {"AMT_INSTALMENT", "100"},
                                                                   {"AMT_PAYMENT", "50"}},
                                                                  {{"SK_ID_PREV", "100"},
                                                                   {"SK_ID_CURR", "1"},
                                                                   {"NUM_INSTALMENT_VERSION", "1"},
                                                                   {"DAYS_INSTALMENT", "-10"},
                                                                   {"DAYS_ENTRY_PAYMENT", "-12"},
                                                                   {"AMT_INSTALMENT", "100"},
                                                                   {"AMT_PAYMENT", "100"}},
                                                                  {{"SK_ID_PREV", "100"},
                                                                   {"SK_ID_CURR", "1"},
                                                                   {"NUM_INSTALMENT_VERSION", "2"},
                                                                   {"DAYS_INSTALMENT", "-5"},
                                                                   {"AMT_INSTALMENT", "0"},
                                                                   {"AMT_PAYMENT", "0"}}});
  d.credit_card_balance =
      table(TableId::CreditCardBalance,
            {{{"SK_ID_PREV", "102"}, {"SK_ID_CURR", "1"}, {"AMT_BALANCE", "10"}},
             {{"SK_ID_PREV", "102"}, {"SK_ID_CURR", "1"}, {"AMT_BALANCE", "20"}},
             {{"SK_ID_PREV", "102"}, {"SK_ID_CURR", "1"}, {"AMT_BALANCE", "60"}}});
  return d;
}

class FeatureBuilderTest : public ::testing::Test {
 protected:
  FeatureBuilderTest() : data_(tiny()), catalog_(FeatureCatalog::fit(data_)) {
    matrix_ = FeatureBuilder(catalog_).build(data_.application_train, data_, &report_);
  }
  float value(std::size_t row, const std::string& name) const {
    const auto index = catalog_.index_of(name);
    if (!index) {
      ADD_FAILURE() << "no feature " << name;
      return 0;
    }
    return matrix_.row(row)[*index];
  }
  tables::Dataset data_;
  FeatureCatalog catalog_;
  BuildReport report_;
  FeatureMatrix matrix_;
};

TEST_F(FeatureBuilderTest, ApplicationValuesRatiosAndOneHots) {
  EXPECT_EQ(matrix_.ids, (std::vector<std::int64_t>{1, 2}));
  EXPECT_EQ(matrix_.targets, (std::vector<float>{1, 0}));
  EXPECT_FLOAT_EQ(value(0, "INCOME_CREDIT_PERC"), 0.5f);
  EXPECT_FLOAT_EQ(value(0, "PAYMENT_RATE"), 0.05f);
  EXPECT_FLOAT_EQ(value(0, "ANNUITY_INCOME_PERC"), 0.1f);
  EXPECT_FLOAT_EQ(value(0, "INCOME_PER_PERSON"), 50000.0f);
  EXPECT_FLOAT_EQ(value(0, "DAYS_EMPLOYED_PERC"), 0.1f);
  EXPECT_EQ(value(0, "NAME_CONTRACT_TYPE_Cash_loans"), 1.0f);
  EXPECT_EQ(value(0, "NAME_CONTRACT_TYPE_Revolving_loans"), 0.0f);
  EXPECT_EQ(value(1, "NAME_CONTRACT_TYPE_Revolving_loans"), 1.0f);
  // Pensioner: 365243 is "not employed", missing; ratios over zero or missing are missing, not inf.
  EXPECT_TRUE(std::isnan(value(1, "DAYS_EMPLOYED")));
  EXPECT_TRUE(std::isnan(value(1, "DAYS_EMPLOYED_PERC")));
  EXPECT_TRUE(std::isnan(value(1, "INCOME_CREDIT_PERC")));  // AMT_CREDIT 0
  EXPECT_TRUE(std::isnan(value(1, "INCOME_PER_PERSON")));   // CNT_FAM_MEMBERS 0
  EXPECT_TRUE(std::isnan(value(1, "PAYMENT_RATE")));        // AMT_ANNUITY missing
}

TEST_F(FeatureBuilderTest, BureauAggregatesByScopeAndMonths) {
  EXPECT_FLOAT_EQ(value(0, "BURO_DAYS_CREDIT_MEAN"), -200.0f);
  EXPECT_FLOAT_EQ(value(0, "BURO_DAYS_CREDIT_VAR"),
                  10000.0f);  // sample variance of -100, -300, -200
  EXPECT_FLOAT_EQ(value(0, "BURO_AMT_CREDIT_SUM_SUM"), 9000.0f);
  EXPECT_FLOAT_EQ(value(0, "ACTIVE_AMT_CREDIT_SUM_SUM"), 6000.0f);
  EXPECT_FLOAT_EQ(value(0, "CLOSED_AMT_CREDIT_SUM_MAX"), 3000.0f);
  EXPECT_TRUE(std::isnan(value(0, "CLOSED_DAYS_CREDIT_VAR")));  // one closed credit only
  EXPECT_FLOAT_EQ(value(0, "BURO_CREDIT_ACTIVE_Active_MEAN"), 2.0f / 3.0f);
  // Credit 10: 4 months, 2 of them C; credit 11: 1 month, C; credit 12: none (skipped).
  EXPECT_FLOAT_EQ(value(0, "BURO_STATUS_C_MEAN_MEAN"), (0.5f + 1.0f) / 2.0f);
  EXPECT_FLOAT_EQ(value(0, "BURO_MONTHS_BALANCE_MIN_MIN"), -3.0f);
  EXPECT_FLOAT_EQ(value(0, "BURO_MONTHS_BALANCE_SIZE_SUM"), 5.0f);
  EXPECT_TRUE(std::isnan(value(0, "BURO_AMT_CREDIT_MAX_OVERDUE_MEAN")));  // never given
  EXPECT_FLOAT_EQ(value(0, "BURO_CNT_CREDIT_PROLONG_SUM"), 0.0f);         // sum of nothing is 0
}

TEST_F(FeatureBuilderTest, PreviousPosInstalmentsAndCards) {
  EXPECT_FLOAT_EQ(value(0, "PREV_APP_CREDIT_PERC_MAX"), 0.9f);  // 500 / 0 is missing, not inf
  EXPECT_FLOAT_EQ(value(0, "APPROVED_AMT_APPLICATION_MEAN"), 900.0f);
  EXPECT_FLOAT_EQ(value(0, "REFUSED_AMT_APPLICATION_MEAN"), 500.0f);
  EXPECT_FLOAT_EQ(value(0, "PREV_NAME_CONTRACT_STATUS_Refused_MEAN"), 0.5f);
  EXPECT_FLOAT_EQ(value(0, "POS_SK_DPD_MAX"), 3.0f);
  EXPECT_EQ(value(0, "POS_COUNT"), 1.0f);
  EXPECT_FLOAT_EQ(value(0, "INSTAL_DPD_MAX"), 5.0f);
  EXPECT_FLOAT_EQ(value(0, "INSTAL_DBD_SUM"), 2.0f);
  EXPECT_FLOAT_EQ(value(0, "INSTAL_PAYMENT_PERC_MEAN"), 0.75f);  // 0 / 0 skipped
  EXPECT_FLOAT_EQ(value(0, "INSTAL_PAYMENT_DIFF_SUM"), 50.0f);
  EXPECT_EQ(value(0, "INSTAL_NUM_INSTALMENT_VERSION_NUNIQUE"), 2.0f);
  EXPECT_EQ(value(0, "INSTAL_COUNT"), 3.0f);
  EXPECT_FLOAT_EQ(value(0, "CC_AMT_BALANCE_MEAN"), 30.0f);
  EXPECT_FLOAT_EQ(value(0, "CC_AMT_BALANCE_VAR"), 700.0f);
}

TEST_F(FeatureBuilderTest, AClientWithNoHistoryHasMissingHistoryFeatures) {
  for (const FeatureInfo& f : catalog_.features()) {
    if (f.table == TableId::ApplicationTrain) continue;
    EXPECT_TRUE(std::isnan(value(1, f.name))) << f.name;
  }
}

TEST_F(FeatureBuilderTest, OrphanRowsAreIgnoredAndCounted) {
  EXPECT_EQ(report_.ignored_history_rows.at("bureau.csv"), 1u);  // client 99 is not an applicant
  EXPECT_FALSE(report_.ignored_history_rows.contains("POS_CASH_balance.csv"));
}

TEST_F(FeatureBuilderTest, UnseenCategoryIsOtherAndCounted) {
  tables::Dataset serving = tiny();
  serving.application_test = tables::parse_table(
      csv(TableId::ApplicationTest, {{{"SK_ID_CURR", "7"}, {"NAME_CONTRACT_TYPE", "Space loans"}}}),
      tables::schema_of(TableId::ApplicationTest), "new");
  BuildReport report;
  const FeatureMatrix m =
      FeatureBuilder(catalog_).build(serving.application_test, serving, &report);
  EXPECT_EQ(m.row(0)[*catalog_.index_of("NAME_CONTRACT_TYPE_other")], 1.0f);
  EXPECT_EQ(m.row(0)[*catalog_.index_of("NAME_CONTRACT_TYPE_Cash_loans")], 0.0f);
  EXPECT_EQ(report.unseen_categories.at("application.NAME_CONTRACT_TYPE"), 1u);
  EXPECT_TRUE(std::isnan(m.targets[0]));
}

TEST_F(FeatureBuilderTest, DuplicateClientIsNamed) {
  tables::Dataset twice = tiny();
  twice.application_test = tables::parse_table(
      csv(TableId::ApplicationTest,
          {{{"SK_ID_CURR", "7"}}, {{"SK_ID_CURR", "8"}}, {{"SK_ID_CURR", "7"}}}),
      tables::schema_of(TableId::ApplicationTest), "application_test.csv");
  try {
    FeatureBuilder(catalog_).build(twice.application_test, twice);
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("SK_ID_CURR 7 appears twice (lines 2 and 4)"),
              std::string::npos)
        << error.what();
  }
}

TEST_F(FeatureBuilderTest, NegativeAndAbsurdCountsPassThroughUnchanged) {
  tables::Dataset odd = tiny();
  odd.application_test =
      tables::parse_table(csv(TableId::ApplicationTest, {{{"SK_ID_CURR", "7"},
                                                          {"CNT_CHILDREN", "-3"},
                                                          {"CNT_FAM_MEMBERS", "-1"},
                                                          {"AMT_INCOME_TOTAL", "1e30"}}}),
                          tables::schema_of(TableId::ApplicationTest), "new");
  const FeatureMatrix m = FeatureBuilder(catalog_).build(odd.application_test, odd);
  EXPECT_EQ(m.row(0)[*catalog_.index_of("CNT_CHILDREN")], -3.0f);
  EXPECT_FLOAT_EQ(m.row(0)[*catalog_.index_of("INCOME_PER_PERSON")], -1e30f);
  EXPECT_FALSE(std::isinf(m.row(0)[*catalog_.index_of("INCOME_PER_PERSON")]));
}

}  // namespace
}  // namespace creditscore::features
