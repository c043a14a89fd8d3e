// Drift of one feature against a reference made by the training code itself, on samples drawn
// from known distributions: the same distribution does not drift, a shifted one does, by the
// test Evidently would choose for its size and kind.
#include "model/feature_drift.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "common/error.h"

namespace creditscore::model {
namespace {

FeatureDistribution reference_of(const std::vector<float>& values) {
  const std::vector<float> labels(values.size(), 0);
  const std::string name = "feature";
  return reference_distributions({values.data(), values.size(), 1}, labels, {&name, 1})[0];
}

// `count` values drawn by `draw`, a tenth of them missing.
template <typename Draw>
std::vector<double> sample(std::size_t count, std::uint64_t seed, Draw draw) {
  std::mt19937_64 random(seed);
  std::vector<double> values;
  for (std::size_t i = 0; i < count; ++i)
    values.push_back(i % 10 == 0 ? std::nan("") : draw(random));
  return values;
}

double lognormal(std::mt19937_64& random) {
  return std::exp(std::normal_distribution<double>(11, 0.5)(random));
}

TEST(FeatureDrift, AHeavyTailedAmountDoesNotDriftAgainstItselfAndDoesWhenInflated) {
  const auto training = sample(20000, 1, lognormal);
  const FeatureDistribution reference =
      reference_of(std::vector<float>(training.begin(), training.end()));
  const DriftSettings settings;
  for (const std::size_t count : {500u, 5000u}) {
    const FeatureDrift same = feature_drift(reference, sample(count, 2, lognormal), settings);
    EXPECT_FALSE(same.drifted) << count << " " << same.statistic;
    EXPECT_LT(same.psi, 0.10);
    EXPECT_NEAR(same.missing_before, 0.1, 1e-9);
    EXPECT_NEAR(same.missing_now, 0.1, 1e-9);
    EXPECT_EQ(same.test, count <= 1000 ? DriftTest::KolmogorovSmirnov : DriftTest::Wasserstein);

    const FeatureDrift inflated = feature_drift(
        reference, sample(count, 3, [](auto& r) { return 1.3 * lognormal(r); }), settings);
    EXPECT_TRUE(inflated.drifted) << count;
    EXPECT_TRUE(inflated.test_drifted);
    EXPECT_GT(inflated.psi, 0.10);
    if (count <= 1000) {
      EXPECT_LT(inflated.p_value, 1e-6);
    }
  }
  // The normed Wasserstein distance of a shift by half a standard deviation is half.
  const auto normal = [](auto& r) { return std::normal_distribution<double>(0, 1)(r); };
  const auto normals = sample(50000, 4, normal);
  const FeatureDrift shifted =
      feature_drift(reference_of(std::vector<float>(normals.begin(), normals.end())),
                    sample(20000, 5, [&](auto& r) { return normal(r) + 0.5; }), settings);
  EXPECT_NEAR(shifted.statistic, 0.5, 0.03);
}

TEST(FeatureDrift, FlagsAndCategoriesUseTheZTestChiSquaredAndSayWhatTrainingNeverSaw) {
  std::vector<float> flags, kinds;
  for (int i = 0; i < 10000; ++i) {
    flags.push_back(i % 10 == 0 ? 1.0f : 0.0f);
    kinds.push_back(static_cast<float>(i % 3));
  }
  const DriftSettings settings;
  std::vector<double> doubled, same_flags;
  for (int i = 0; i < 800; ++i) {
    doubled.push_back(i % 5 == 0 ? 1 : 0);
    same_flags.push_back(i % 10 == 0 ? 1 : 0);
  }
  const FeatureDrift flag = feature_drift(reference_of(flags), doubled, settings);
  EXPECT_EQ(flag.test, DriftTest::ZTest);
  EXPECT_TRUE(flag.drifted);
  EXPECT_NEAR(flag.statistic, 0.1, 1e-9);  // the flag's share, 0.2 against 0.1
  EXPECT_FALSE(feature_drift(reference_of(flags), same_flags, settings).drifted);

  std::vector<double> with_new, same_kinds;
  for (int i = 0; i < 900; ++i) {
    with_new.push_back(i % 4 == 3 ? 7 : i % 3);
    same_kinds.push_back(i % 3);
  }
  const FeatureDrift category = feature_drift(reference_of(kinds), with_new, settings);
  EXPECT_EQ(category.test, DriftTest::ChiSquared);
  EXPECT_TRUE(category.drifted);
  EXPECT_NEAR(category.unseen, 0.25, 1e-9);
  EXPECT_GT(category.psi, 0.25);
  const FeatureDrift steady = feature_drift(reference_of(kinds), same_kinds, settings);
  EXPECT_FALSE(steady.drifted);
  EXPECT_EQ(steady.unseen, 0);
  // Beyond 1,000 clients a category is compared by the Jensen-Shannon distance.
  std::vector<double> many(3000);
  for (std::size_t i = 0; i < many.size(); ++i) many[i] = i % 2 == 0 ? 0 : 1;
  const FeatureDrift far = feature_drift(reference_of(kinds), many, settings);
  EXPECT_EQ(far.test, DriftTest::JensenShannon);
  EXPECT_TRUE(far.drifted);
}

TEST(FeatureDrift, PsiCanFlagInsteadAndAnOldReferenceIsRefused) {
  std::vector<float> values;
  for (int i = 0; i < 5000; ++i) values.push_back(static_cast<float>(i));
  FeatureDistribution reference = reference_of(values);
  std::vector<double> current;
  for (int i = 0; i < 400; ++i) current.push_back(4000 + i);  // all in the top decile
  DriftSettings by_psi;
  by_psi.flag_by_psi = true;
  const FeatureDrift drift = feature_drift(reference, current, by_psi);
  EXPECT_TRUE(drift.psi_drifted);
  EXPECT_TRUE(drift.drifted);
  EXPECT_STREQ(psi_level(drift.psi), "significant");
  reference.sketch.clear();
  EXPECT_THROW(feature_drift(reference, current, by_psi), Error);
}

}  // namespace
}  // namespace creditscore::model
