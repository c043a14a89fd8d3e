#include "features/aggregation.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "common/error.h"

namespace creditscore::features {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

Accumulator accumulate(Accumulator::Keeps keeps, const std::vector<double>& values) {
  Accumulator accumulator(keeps);
  for (double value : values) accumulator.add(value);
  return accumulator;
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
  const std::vector<double> values{0.1, 0.7, kNaN, 1e6, -3.25};
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
