#include "explain/reason_codes.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>
#include <vector>

#include "explain/probability_effects.h"
#include "tests/support/error_kind.h"

namespace creditscore::explain {
namespace {

// Three features as the catalogue and the reference distributions describe them: a score spread
// over [0, 1], a flag, and an amount.
class ReasonCodesTest : public ::testing::Test {
 protected:
  ReasonCodesTest() {
    features_ = {
        {"EXT_SOURCE_2",
         tables::TableId::ApplicationTrain,
         "",
         {"Score externe n°2", "External score no. 2"},
         0,
         features::DisplayUnit::Share},
        {"FLAG_OWN_CAR_Y",
         tables::TableId::ApplicationTrain,
         "",
         {"Possède une voiture : Y", "Owns a car: Y"}},
        {"AMT_CREDIT",
         tables::TableId::ApplicationTrain,
         "",
         {"Montant du crédit", "Credit amount"},
         0,
         features::DisplayUnit::Amount},
    };
    model::FeatureDistribution score;
    score.name = "EXT_SOURCE_2";
    score.present = 1000;
    for (double level : model::kQuantileLevels) score.quantiles.push_back(level);
    model::FeatureDistribution flag;
    flag.name = "FLAG_OWN_CAR_Y";
    flag.present = 1000;
    flag.quantiles.assign(std::size(model::kQuantileLevels), 0);
    flag.discrete = true;
    flag.values_or_edges = {0, 1};
    flag.good_counts = {650, 280};
    flag.default_counts = {50, 20};
    model::FeatureDistribution amount;
    amount.name = "AMT_CREDIT";
    amount.present = 1000;
    for (double level : model::kQuantileLevels) amount.quantiles.push_back(200000 + 800000 * level);
    reference_ = {score, flag, amount};
  }

  std::vector<features::FeatureInfo> features_;
  std::vector<model::FeatureDistribution> reference_;
};

TEST_F(ReasonCodesTest, SentencesInFrenchAndEnglish) {
  const ReasonWriter writer(features_, reference_);
  EXPECT_EQ(writer.sentence(0, 0.12f, 0.08, Language::French),
            "Score externe n°2 : 12\u202f%, plus bas que pour 88\u202f% des clients — augmente le "
            "risque de 8,0 points");
  EXPECT_EQ(writer.sentence(0, 0.12f, 0.08, Language::English),
            "External score no. 2: 12%, lower than for 88% of clients — raises the risk by "
            "8.0 points");
  EXPECT_EQ(
      writer.sentence(2, 960000, -0.012, Language::French),
      "Montant du crédit : 960\u202f000\u202f€, plus élevé que pour 95\u202f% des clients — réduit "
      "le risque de 1,2 point");
  EXPECT_EQ(
      writer.sentence(2, 600000, -0.0004, Language::English),
      "Credit amount: €600,000, typical of clients — lowers the risk by less than 0.1 points");
  EXPECT_EQ(writer.sentence(1, 1, 0.02, Language::French),
            "Possède une voiture : Y (oui) — augmente le risque de 2,0 points");
  EXPECT_EQ(writer.sentence(1, 0, 0.02, Language::English),
            "Owns a car: Y (no) — raises the risk by 2.0 points");
  // Above every client but a few: the highest, never « plus élevé que pour 100 % ».
  EXPECT_EQ(writer.describe_value(2, 5e6, Language::French),
            "5\u202f000\u202f000\u202f€, le plus élevé des clients");
  EXPECT_EQ(writer.describe_value(0, 0, Language::English), "0%, the lowest of clients");
  EXPECT_EQ(writer.describe_value(0, std::nanf(""), Language::French), "non renseigné");
  EXPECT_EQ(writer.describe_value(0, std::nanf(""), Language::English), "not given");
}

TEST_F(ReasonCodesTest, StrongestFirstEachWayTiesInFeatureOrder) {
  const ReasonWriter writer(features_, reference_);
  const std::vector<float> row = {0.3f, 1, 250000};
  // Margin effects: feature 0 and 2 tie towards refusal, feature 1 towards acceptance.
  const std::vector<double> shap = {0.4, -0.2, 0.4, -2.4};
  const ReasonCodes codes = writer.reasons(row, shap, 5);
  ASSERT_EQ(codes.towards_refusal.size(), 2u);
  EXPECT_EQ(codes.towards_refusal[0].feature, 0u);
  EXPECT_EQ(codes.towards_refusal[1].feature, 2u);
  ASSERT_EQ(codes.towards_acceptance.size(), 1u);
  EXPECT_EQ(codes.towards_acceptance[0].feature, 1u);
  EXPECT_EQ(codes.towards_acceptance[0].shap, -0.2);
  const double total = codes.towards_refusal[0].effect + codes.towards_refusal[1].effect +
                       codes.towards_acceptance[0].effect;
  EXPECT_NEAR(total, logistic(-1.8) - logistic(-2.4), 1e-15);
  EXPECT_EQ(codes.towards_refusal[0].fr.rfind("Score externe n°2 : 30\u202f%", 0), 0u);

  const ReasonCodes one = writer.reasons(row, shap, 1);
  ASSERT_EQ(one.towards_refusal.size(), 1u);
  EXPECT_EQ(one.towards_refusal[0].feature, 0u);
  EXPECT_EQ(one.towards_acceptance.size(), 1u);
  // No effect, no reason.
  EXPECT_TRUE(writer.reasons(row, std::vector<double>{0, 0, 0, -2.4}, 5).towards_refusal.empty());
}

TEST_F(ReasonCodesTest, MismatchesAreRefused) {
  EXPECT_ERROR_KIND(ReasonWriter(features_, std::span(reference_).first(2)), ErrorKind::Corrupt);
  std::swap(reference_[0], reference_[2]);
  EXPECT_ERROR_KIND(ReasonWriter(features_, reference_), ErrorKind::Corrupt);
  std::swap(reference_[0], reference_[2]);
  const ReasonWriter writer(features_, reference_);
  EXPECT_ERROR_KIND(writer.reasons(std::vector<float>{1, 2}, std::vector<double>{0, 0, 0}, 3),
                    ErrorKind::Internal);
}

TEST(ReasonCodes, DayCountsAreToldInYears) {
  const std::vector<features::FeatureInfo> features = {
      {"DAYS_BIRTH",
       tables::TableId::ApplicationTrain,
       "",
       {"Âge (jours, négatif)", "Age (days, negative)"},
       0,
       features::DisplayUnit::Years}};
  model::FeatureDistribution age;
  age.name = "DAYS_BIRTH";
  age.present = 1000;
  for (double level : model::kQuantileLevels) age.quantiles.push_back(-25000 + 15000 * level);
  const std::vector<model::FeatureDistribution> reference = {age};
  const ReasonWriter writer(features, reference);  // keeps views of both
  // -20,000 days is 54.8 years: a third of the clients have fewer days, two thirds fewer years.
  EXPECT_EQ(writer.sentence(0, -20000, 0.01, Language::French),
            "Âge : 54,8 ans, plus élevé que pour 67\u202f% des clients — augmente le risque de "
            "1,0 point");
  EXPECT_EQ(writer.describe_value(0, -10000, Language::English),
            "27.4 years, the lowest of clients");
}

TEST(FormatMoney, InTheLendersCurrencyToTheUnit) {
  EXPECT_EQ(format_money(1234567.4, Language::French), "1\u202f234\u202f567\u202f€");
  EXPECT_EQ(format_money(1234567.6, Language::English), "€1,234,568");
  EXPECT_EQ(format_money(-1200, Language::English), "-€1,200");
}

TEST(FormatNumber, AsEachLanguageWritesIt) {
  EXPECT_EQ(format_number(1234567, Language::French), "1\u202f234\u202f567");
  EXPECT_EQ(format_number(1234567, Language::English), "1,234,567");
  EXPECT_EQ(format_number(-12000, Language::English), "-12,000");
  EXPECT_EQ(format_number(0.125, Language::French), "0,125");
  EXPECT_EQ(format_number(0.5, Language::English), "0.5");
  EXPECT_EQ(format_number(12.5, Language::French), "12,5");
  EXPECT_EQ(format_number(235.7, Language::English), "236");
  EXPECT_EQ(format_number(3, Language::French), "3");
}

}  // namespace
}  // namespace creditscore::explain
