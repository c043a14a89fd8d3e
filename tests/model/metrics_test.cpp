#include "model/metrics.h"

#include <gtest/gtest.h>

#include <vector>

namespace creditscore::model {
namespace {

TEST(RocAuc, PerfectRankingIsOne) {
  std::vector<double> scores = {0.1, 0.2, 0.8, 0.9};
  std::vector<int> labels = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(roc_auc(scores, labels), 1.0);
}

TEST(RocAuc, HandComputedWithTies) {
  // Pairs (positive, negative): (0.5 vs 0.5) tie = 0.5, (0.5 vs 0.2) = 1, (0.9 vs both) = 2.
  std::vector<double> scores = {0.2, 0.5, 0.5, 0.9};
  std::vector<int> labels = {0, 0, 1, 1};
  EXPECT_DOUBLE_EQ(roc_auc(scores, labels), 3.5 / 4.0);
}

TEST(RocAuc, RefusesOneClassAndSizeMismatch) {
  std::vector<double> scores = {0.1, 0.2};
  std::vector<int> ones = {1, 1};
  std::vector<int> short_labels = {1};
  EXPECT_THROW(roc_auc(scores, ones), std::invalid_argument);
  EXPECT_THROW(roc_auc(scores, short_labels), std::invalid_argument);
}

}  // namespace
}  // namespace creditscore::model
