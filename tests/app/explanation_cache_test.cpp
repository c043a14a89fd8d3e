#include "app/explanation_cache.h"

#include <gtest/gtest.h>

#include <cmath>

#include "store/run_registry.h"
#include "tests/support/served_data.h"

namespace creditscore::app {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new testing::ServedData);

std::shared_ptr<const explain::ServedModel> served_model() {
  const auto served =
      store::RunRegistry(testing::ServedData::root() / "models/registry.sqlite").served();
  return explain::ServedModel::load(served->bundle_path);
}

class ExplanationCacheTest : public ::testing::Test {
 protected:
  std::shared_ptr<const explain::ServedModel> model_ = served_model();
  // Three clients that the model tells apart: nothing known, all zeros, all ones.
  std::vector<std::vector<float>> rows_ = {std::vector<float>(model_->num_features(), NAN),
                                           std::vector<float>(model_->num_features(), 0),
                                           std::vector<float>(model_->num_features(), 1)};

  std::vector<double> direct(std::size_t client) const {
    std::vector<double> values(model_->num_features() + 1);
    model_->explainer().explain(rows_[client], values);
    return values;
  }
};

TEST_F(ExplanationCacheTest, GivesTheExplainersValuesAndTheProbabilityComputedOncePerClient) {
  ExplanationCache cache(10);
  const auto first = cache.explanation(model_, 7, rows_[1]);
  EXPECT_EQ(first->values, direct(1));
  EXPECT_EQ(first->probability, model_->probability(rows_[1]));
  const auto again = cache.explanation(model_, 7, rows_[1]);
  EXPECT_EQ(again.get(), first.get()) << "the held values, not computed again";
  EXPECT_EQ(cache.explanation(model_, 8, rows_[2])->values, direct(2));
  const ExplanationCache::Counts counts = cache.counts();
  EXPECT_EQ(counts.hits, 1u);
  EXPECT_EQ(counts.misses, 2u);
  EXPECT_EQ(counts.clients, 2u);
  EXPECT_EQ(counts.capacity, 10u);
}

TEST_F(ExplanationCacheTest, AProbabilityTheCallerHoldsIsTakenAsGiven) {
  ExplanationCache cache(10);
  // The population's, computed by the same function: a different number here shows it was used.
  const double held = 0.125;
  const auto explained = cache.explanation(model_, 7, rows_[1], held);
  EXPECT_EQ(explained->probability, held);
  EXPECT_EQ(explained->values, direct(1));
}

TEST_F(ExplanationCacheTest, TheLeastRecentlyAskedClientGoesFirst) {
  ExplanationCache cache(2);
  const auto zero = cache.explanation(model_, 0, rows_[0]);
  cache.explanation(model_, 1, rows_[1]);
  cache.explanation(model_, 0, rows_[0]);  // 0 is now the more recent
  cache.explanation(model_, 2, rows_[2]);  // 1 goes
  EXPECT_EQ(cache.counts().clients, 2u);
  EXPECT_EQ(cache.explanation(model_, 0, rows_[0]).get(), zero.get());
  const std::uint64_t misses = cache.counts().misses;
  EXPECT_EQ(cache.explanation(model_, 1, rows_[1])->values, direct(1));
  EXPECT_EQ(cache.counts().misses, misses + 1) << "client 1 was computed again";
}

TEST_F(ExplanationCacheTest, AnotherModelNeverGetsTheValuesOfTheFirst) {
  ExplanationCache cache(10);
  const auto before = cache.explanation(model_, 5, rows_[2]);
  const std::shared_ptr<const explain::ServedModel> next = served_model();  // another object
  const auto after = cache.explanation(next, 5, rows_[2]);
  EXPECT_NE(after.get(), before.get());
  EXPECT_EQ(after->values, before->values) << "the same bundle gives the same values";
  EXPECT_EQ(cache.counts().clients, 1u) << "the first model's values are let go";
}

TEST_F(ExplanationCacheTest, WithoutCapacityEveryRequestComputes) {
  ExplanationCache cache(0);
  const auto first = cache.explanation(model_, 3, rows_[1]);
  const auto second = cache.explanation(model_, 3, rows_[1]);
  EXPECT_NE(first.get(), second.get());
  EXPECT_EQ(second->values, direct(1));
  EXPECT_EQ(cache.counts().misses, 2u);
  EXPECT_EQ(cache.counts().clients, 0u);
}

}  // namespace
}  // namespace creditscore::app
