#include "explain/client_reasons.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cctype>
#include <cmath>
#include <numeric>
#include <random>

#include "features/feature_builder.h"
#include "features/feature_catalog.h"
#include "model/reference_distribution.h"
#include "synth/generator.h"

namespace creditscore::explain {
namespace {

// Holds a raw feature or column name: capitals, an underscore, capitals ("INSTAL_DPD").
bool has_raw_name(const std::string& text) {
  for (std::size_t i = 0; i + 2 < text.size(); ++i) {
    if (std::isupper(static_cast<unsigned char>(text[i])) &&
        std::isupper(static_cast<unsigned char>(text[i + 1]))) {
      std::size_t j = i;
      while (j < text.size() && std::isupper(static_cast<unsigned char>(text[j]))) ++j;
      if (j + 1 < text.size() && text[j] == '_' &&
          std::isupper(static_cast<unsigned char>(text[j + 1])))
        return true;
    }
  }
  return false;
}

// The real catalogue and reference distributions of a small generated data set.
class ClientReasonsTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("creditscore_client_reasons_" + std::to_string(::getpid()));
    synth::generate_dataset({800, 4, dir, 0});
    const tables::Dataset data = tables::read_dataset(dir);
    std::filesystem::remove_all(dir);
    catalog_ = new features::FeatureCatalog(features::FeatureCatalog::fit(data));
    const features::FeatureMatrix matrix =
        features::FeatureBuilder(*catalog_).build(data.application_train, data);
    reference_ = new std::vector<model::FeatureDistribution>(model::reference_distributions(
        {matrix.values.data(), matrix.rows(), matrix.cols()}, matrix.targets, matrix.names));
  }
  static void TearDownTestSuite() {
    delete catalog_;
    delete reference_;
  }

  const features::FeaturePlan& plan() const { return catalog_->plan(); }
  std::size_t feature(const std::string& name) const { return catalog_->index_of(name).value(); }
  std::size_t concept_of(const std::string& name) const {
    return plan().features[feature(name)].concept_index;
  }
  ReasonWriter writer() const { return ReasonWriter(catalog_->features(), *reference_); }

  static features::FeatureCatalog* catalog_;
  static std::vector<model::FeatureDistribution>* reference_;
};
features::FeatureCatalog* ClientReasonsTest::catalog_ = nullptr;
std::vector<model::FeatureDistribution>* ClientReasonsTest::reference_ = nullptr;

TEST_F(ClientReasonsTest, ConceptEffectsAddUpExactlyToTheFeaturesEffects) {
  std::mt19937_64 random(7);
  std::normal_distribution<double> normal(0, 0.01);
  std::vector<double> effects(plan().features.size());
  for (double& e : effects) e = normal(random);
  const std::vector<double> sums = concept_effects(plan(), effects);
  ASSERT_EQ(sums.size(), plan().concepts.size());
  for (std::size_t c = 0; c < sums.size(); ++c) {
    double members = 0;
    for (std::size_t f : plan().concepts[c].members) members += effects[f];
    EXPECT_EQ(sums[c], members) << plan().concepts[c].key;
  }
  EXPECT_NEAR(std::accumulate(sums.begin(), sums.end(), 0.0),
              std::accumulate(effects.begin(), effects.end(), 0.0), 1e-12);
}

TEST_F(ClientReasonsTest, AtMostFourToldReasonsStrongestTowardsTheDecision) {
  std::vector<double> effects(plan().features.size(), 0.0);
  // The strongest push towards refusal comes from things never told to a client.
  effects[feature("HOUR_APPR_PROCESS_START")] = 0.30;
  effects[feature("ENTRANCES_AVG")] = 0.25;
  effects[feature("FLAG_DOCUMENT_3")] = 0.20;
  for (const features::FeatureInfo& f : plan().features) {
    if (f.name.starts_with("CODE_GENDER_")) effects[feature(f.name)] = 0.15;
  }
  // Three statistics of one concept add up; the largest single feature is elsewhere.
  effects[feature("INSTAL_DPD_MEAN")] = 0.02;
  effects[feature("INSTAL_DPD_MAX")] = 0.02;
  effects[feature("INSTAL_DPD_SUM")] = 0.02;
  effects[feature("AMT_CREDIT")] = 0.05;
  effects[feature("EXT_SOURCE_2")] = 0.04;
  effects[feature("DAYS_EMPLOYED")] = 0.01;
  effects[feature("OWN_CAR_AGE")] = 0.005;
  effects[feature("EXT_SOURCE_3")] = -0.2;  // towards granting

  std::vector<float> row(plan().features.size(), std::nanf(""));
  row[feature("INSTAL_DPD_MEAN")] = 4.6f;
  const auto refusal = client_reasons(plan(), writer(), row, effects, true);
  ASSERT_EQ(refusal.size(), kMaxClientReasons);
  EXPECT_EQ(refusal[0].concept_index, concept_of("INSTAL_DPD_MEAN"));
  EXPECT_DOUBLE_EQ(refusal[0].effect, 0.06);
  EXPECT_EQ(refusal[1].concept_index, concept_of("AMT_CREDIT"));
  EXPECT_EQ(refusal[2].concept_index, concept_of("EXT_SOURCE_2"));
  EXPECT_EQ(refusal[3].concept_index, concept_of("DAYS_EMPLOYED"));
  for (const ClientReason& reason : refusal) {
    EXPECT_TRUE(plan().concepts[reason.concept_index].wording.told);
    EXPECT_GT(reason.effect, 0);
  }
  EXPECT_EQ(refusal[0].fr, "Vos retards de paiement passés chez nous (en moyenne 4,6 jours)");
  EXPECT_EQ(refusal[0].en, "Your past late payments with us (on average 4.6 days)");

  row[feature("REFUSED_DAYS_DECISION_MEAN")] = -1562.4f;
  effects[feature("REFUSED_DAYS_DECISION_MEAN")] = 0.5;
  const auto recent = client_reasons(plan(), writer(), row, effects, true, 1);
  EXPECT_EQ(recent.at(0).fr,
            "Vos demandes refusées récemment chez nous (en moyenne il y a 1\u202f562 jours)");
  EXPECT_EQ(recent.at(0).en,
            "Your recently refused applications with us (on average 1,562 days ago)");
  effects[feature("REFUSED_DAYS_DECISION_MEAN")] = 0;

  const auto granting = client_reasons(plan(), writer(), row, effects, false);
  ASSERT_EQ(granting.size(), 1u);
  EXPECT_EQ(granting[0].concept_index, concept_of("EXT_SOURCE_3"));
}

TEST_F(ClientReasonsTest, NoConceptNeverToldReachesAClientWhateverItsEffect) {
  std::vector<float> row(plan().features.size(), 1.0f);
  for (std::size_t c = 0; c < plan().concepts.size(); ++c) {
    if (plan().concepts[c].wording.told) continue;
    std::vector<double> effects(plan().features.size(), 0.001);
    for (std::size_t f : plan().concepts[c].members) effects[f] = 0.5;
    for (const ClientReason& reason : client_reasons(plan(), writer(), row, effects, true))
      EXPECT_NE(reason.concept_index, c) << plan().concepts[c].key;
  }
}

TEST_F(ClientReasonsTest, EveryToldConceptReadsInWordsNeverAsAFeatureName) {
  std::vector<float> row(plan().features.size(), 0.0f);
  std::vector<double> effects(plan().features.size(), 0.0);
  for (std::size_t c = 0; c < plan().concepts.size(); ++c) {
    if (!plan().concepts[c].wording.told) continue;
    std::fill(effects.begin(), effects.end(), 0.0);
    effects[plan().concepts[c].members.front()] = 0.1;
    const auto reasons = client_reasons(plan(), writer(), row, effects, true, 1);
    ASSERT_EQ(reasons.size(), 1u) << plan().concepts[c].key;
    for (const std::string& text : {reasons[0].fr, reasons[0].en}) {
      EXPECT_FALSE(has_raw_name(text)) << text;
      EXPECT_EQ(text.find("SHAP"), std::string::npos) << text;
    }
  }
}

TEST_F(ClientReasonsTest, OneFieldsCategoriesAndOneColumnsStatisticsAreOneConcept) {
  EXPECT_EQ(concept_of("INSTAL_DPD_MEAN"), concept_of("INSTAL_DPD_MAX"));
  EXPECT_EQ(concept_of("INSTAL_DPD_MEAN"), concept_of("INSTAL_DPD_SUM"));
  EXPECT_NE(concept_of("INSTAL_DPD_MEAN"), concept_of("POS_SK_DPD_MEAN"));
  EXPECT_EQ(concept_of("NAME_CONTRACT_TYPE_Cash_loans"), concept_of("NAME_CONTRACT_TYPE_other"));
  EXPECT_EQ(plan().concepts[concept_of("INSTAL_DPD_MEAN")].headline, feature("INSTAL_DPD_MEAN"));
  std::vector<std::size_t> owner(plan().features.size(), plan().concepts.size());
  for (std::size_t c = 0; c < plan().concepts.size(); ++c) {
    for (std::size_t f : plan().concepts[c].members) {
      EXPECT_EQ(owner[f], plan().concepts.size()) << plan().features[f].name << " in two concepts";
      owner[f] = c;
      EXPECT_EQ(plan().features[f].concept_index, c);
    }
  }
  for (std::size_t f = 0; f < owner.size(); ++f)
    EXPECT_LT(owner[f], plan().concepts.size()) << plan().features[f].name << " in no concept";
  EXPECT_FALSE(plan().concepts[concept_of("WEEKDAY_APPR_PROCESS_START_MONDAY")].wording.told);
  EXPECT_FALSE(plan().concepts[concept_of("PREV_HOUR_APPR_PROCESS_START_MEAN")].wording.told);
  EXPECT_TRUE(plan().concepts[concept_of("EXT_SOURCE_1")].wording.told);
}

}  // namespace
}  // namespace creditscore::explain
