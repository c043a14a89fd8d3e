#include "tables/id_range.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

namespace creditscore::tables {
namespace {

TEST(IdRange, DenseIdsAreWorthATableAndSparseOnesAreNot) {
  std::vector<Id> dense(100'000);
  std::iota(dense.begin(), dense.end(), 100'002);
  const IdRange range({dense});
  EXPECT_TRUE(range.worth_a_table(1));
  EXPECT_TRUE(range.worth_a_table(32));
  EXPECT_EQ(range.size(), 100'000u);
  EXPECT_EQ(range.offset(100'002), 0u);
  EXPECT_EQ(range.offset(200'001), 99'999u);
  EXPECT_GE(range.offset(100'001), range.size()) << "an id below the least falls outside";

  // A few ids spread over all of their type: no table, whatever a slot costs.
  const std::vector<Id> ends{std::numeric_limits<Id>::min(), 0, std::numeric_limits<Id>::max()};
  EXPECT_FALSE(IdRange({ends}).worth_a_table(1));
  // Ids 100 apart: a bitmap still pays (100 bits an id), a table of 32-bit groups does not.
  std::vector<Id> spaced(10'000);
  for (std::size_t i = 0; i < spaced.size(); ++i) spaced[i] = static_cast<Id>(i) * 100;
  EXPECT_TRUE(IdRange({spaced}).worth_a_table(1));
  EXPECT_FALSE(IdRange({spaced}).worth_a_table(32));
}

TEST(IdRange, SpansSeveralColumnsAndNoneIsNoTable) {
  const std::vector<Id> train{5, 9}, test{-3};
  const IdRange range({train, test});
  EXPECT_EQ(range.size(), 13u);
  EXPECT_EQ(range.offset(-3), 0u);
  EXPECT_FALSE(IdRange({}).worth_a_table(1));
  EXPECT_EQ(IdRange({}).size(), 0u);
}

}  // namespace
}  // namespace creditscore::tables
