#include "features/aggregation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <vector>

#include "common/error.h"

namespace creditscore::features {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();

// The values as a column, every row of it accumulated.
Accumulator accumulate(Accumulator::Keeps keeps, const std::vector<float>& values) {
  std::vector<std::uint32_t> rows(values.size());
  std::iota(rows.begin(), rows.end(), 0u);
  return Accumulator(keeps, values, rows);
}

TEST(Accumulator, GivesPandasAggregatesSkippingMissingValues) {
  const Accumulator all = accumulate({true, true}, {2, kNaN, 4, 4, 9});
  EXPECT_EQ(all.result(Aggregate::Min), 2);
  EXPECT_EQ(all.result(Aggregate::Max), 9);
  EXPECT_EQ(all.result(Aggregate::Sum), 19);
  EXPECT_EQ(all.result(Aggregate::Mean), 19.0 / 4);
  EXPECT_DOUBLE_EQ(all.result(Aggregate::Var), 26.75 / 3);  // sample variance of 2, 4, 4, 9
  EXPECT_EQ(all.result(Aggregate::Size), 5);                // rows, the missing one included
  EXPECT_EQ(all.result(Aggregate::NUnique), 3);
  const Accumulator one = accumulate({true, false}, {7});
  EXPECT_TRUE(std::isnan(one.result(Aggregate::Var))) << "no variance of a single value";
  const Accumulator none = accumulate({}, {kNaN});
  EXPECT_TRUE(std::isnan(none.result(Aggregate::Mean)));
  EXPECT_EQ(none.result(Aggregate::Sum), 0);
}

TEST(Accumulator, TakesOnlyTheGroupsRowsOfTheColumn) {
  const std::vector<float> column{5, kNaN, 100, 1, 7};
  const std::vector<std::uint32_t> rows{4, 1, 0};
  const Accumulator group({true, true}, column, rows);
  EXPECT_EQ(group.result(Aggregate::Size), 3);
  EXPECT_EQ(group.result(Aggregate::Sum), 12);
  EXPECT_EQ(group.result(Aggregate::Min), 5);
  EXPECT_EQ(group.result(Aggregate::Max), 7);
  EXPECT_EQ(group.result(Aggregate::Var), 2);  // of 7 and 5
  EXPECT_EQ(group.result(Aggregate::NUnique), 2);
}

// Large values close together, where subtracting the squared mean from the mean square would
// lose every digit: the deviations from the mean keep them.
TEST(Accumulator, TheVarianceOfLargeCloseValuesIsExact) {
  const Accumulator close = accumulate({true, false}, {1e7f + 1, 1e7f + 2, kNaN, 1e7f + 3});
  EXPECT_EQ(close.result(Aggregate::Var), 1);
  EXPECT_EQ(close.result(Aggregate::Mean), 1e7 + 2);
}

TEST(Accumulator, KeepsTheCostlyPartsOnlyWhenAskedAndSaysSoIfAskedAnyway) {
  Accumulator::Keeps keeps;
  keeps.ask(Aggregate::Min);
  keeps.ask(Aggregate::Mean);
  EXPECT_FALSE(keeps.variance || keeps.distinct);
  keeps.ask(Aggregate::Var);
  EXPECT_TRUE(keeps.variance);
  EXPECT_FALSE(keeps.distinct);
  keeps.ask(Aggregate::NUnique);
  EXPECT_TRUE(keeps.variance && keeps.distinct);
  // What does not need them is the same bits either way.
  const std::vector<float> values{0.1f, 0.7f, kNaN, 1e6f, -3.25f};
  const Accumulator lean = accumulate({}, values), full = accumulate({true, true}, values);
  for (Aggregate aggregate :
       {Aggregate::Min, Aggregate::Max, Aggregate::Mean, Aggregate::Sum, Aggregate::Size}) {
    EXPECT_EQ(lean.result(aggregate), full.result(aggregate)) << suffix(aggregate);
  }
  try {
    (void)lean.result(Aggregate::Var);
    FAIL() << "a variance from an accumulator not keeping it";
  } catch (const Error& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Internal);
  }
  EXPECT_THROW((void)lean.result(Aggregate::NUnique), Error);
}

}  // namespace
}  // namespace creditscore::features
