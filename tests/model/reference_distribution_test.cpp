#include "model/reference_distribution.h"

#include <gtest/gtest.h>

#include <cmath>
#include <numeric>

#include "common/error.h"

namespace creditscore::model {
namespace {

// 1000 clients: a flag (every 4th is 1), a continuous value 0..999, and a column always missing.
// Clients 0..99 defaulted.
struct Sample {
  std::vector<float> x;
  std::vector<float> y;
  std::vector<std::string> names = {"FLAG", "AMOUNT", "EMPTY"};
  Sample() {
    for (int r = 0; r < 1000; ++r) {
      x.push_back(r % 4 == 0 ? 1.f : 0.f);
      x.push_back(static_cast<float>(r));
      x.push_back(std::nanf(""));
      y.push_back(r < 100 ? 1.f : 0.f);
    }
  }
  MatrixView view() const { return {x.data(), 1000, 3}; }
};

TEST(ReferenceDistribution, DiscreteContinuousAndMissingFeatures) {
  const Sample s;
  const auto d = reference_distributions(s.view(), s.y, s.names, 10);
  ASSERT_EQ(d.size(), 3u);

  EXPECT_TRUE(d[0].discrete);
  EXPECT_EQ(d[0].values_or_edges, (std::vector<double>{0.0, 1.0}));
  EXPECT_EQ(d[0].good_counts, (std::vector<std::size_t>{675, 225}));
  EXPECT_EQ(d[0].default_counts, (std::vector<std::size_t>{75, 25}));
  // 750 zeros then 250 ones: the 75th percentile falls a quarter of the way from the last zero.
  EXPECT_EQ(d[0].quantiles,
            (std::vector<double>{0, 0, 0, 0, 0, 0, 0.25, 1, 1, 1, 1}));  // kQuantileLevels

  EXPECT_FALSE(d[1].discrete);
  EXPECT_DOUBLE_EQ(d[1].mean, 499.5);
  EXPECT_DOUBLE_EQ(d[1].quantiles.front(), 0.0);
  EXPECT_DOUBLE_EQ(d[1].quantiles[5], 499.5);  // median
  EXPECT_DOUBLE_EQ(d[1].quantiles.back(), 999.0);
  ASSERT_EQ(d[1].values_or_edges.size(), 11u);
  EXPECT_NEAR(d[1].values_or_edges.front(), 9.99, 1e-9);  // 1st percentile
  const std::size_t good =
      std::accumulate(d[1].good_counts.begin(), d[1].good_counts.end(), std::size_t{0});
  const std::size_t bad =
      std::accumulate(d[1].default_counts.begin(), d[1].default_counts.end(), std::size_t{0});
  EXPECT_EQ(good, 900u);
  EXPECT_EQ(bad, 100u);
  EXPECT_EQ(d[1].default_counts.front(), 100u);  // defaulters are the smallest values

  EXPECT_EQ(d[2].present, 0u);
  EXPECT_EQ(d[2].missing, 1000u);
  EXPECT_TRUE(d[2].quantiles.empty());
}

TEST(ReferenceDistribution, EachColumnOfAWideMatrixAsAlone) {
  // 37 columns: more than two passes of columns gathered together, the last one partial.
  constexpr std::size_t kRows = 500, kCols = 37;
  std::vector<float> x(kRows * kCols), y(kRows);
  std::vector<std::string> names;
  for (std::size_t c = 0; c < kCols; ++c) names.push_back("F" + std::to_string(c));
  for (std::size_t r = 0; r < kRows; ++r) {
    y[r] = r % 7 == 0 ? 1.f : 0.f;
    for (std::size_t c = 0; c < kCols; ++c) {
      const std::size_t v = (r * (c + 3) + c * c) % (c % 2 == 0 ? 11 : 997);  // discrete or not
      x[r * kCols + c] = (r + c) % 9 == 0 ? std::nanf("") : static_cast<float>(v) - 5.f;
    }
  }
  const auto together = to_json(reference_distributions({x.data(), kRows, kCols}, y, names));
  for (std::size_t c = 0; c < kCols; ++c) {
    std::vector<float> column(kRows);
    for (std::size_t r = 0; r < kRows; ++r) column[r] = x[r * kCols + c];
    const auto alone = to_json(reference_distributions({column.data(), kRows, 1}, y,
                                                       std::span<const std::string>(&names[c], 1)));
    EXPECT_EQ(together[c], alone[0]) << names[c];
  }
}

TEST(ReferenceDistribution, NegativeZeroIsZero) {
  const std::vector<float> x = {-0.0f, 0.0f, 1.0f, -0.0f}, y = {0, 1, 0, 0};
  const std::vector<std::string> names = {"ZERO_OR_ONE"};
  const auto d = reference_distributions({x.data(), 4, 1}, y, names);
  ASSERT_TRUE(d[0].discrete);
  EXPECT_EQ(d[0].good_counts, (std::vector<std::size_t>{2, 1}));
  EXPECT_EQ(d[0].default_counts, (std::vector<std::size_t>{1, 0}));
  EXPECT_FALSE(std::signbit(d[0].values_or_edges[0]));  // written 0.0 whichever row comes first
}

TEST(ReferenceDistribution, PercentileRank) {
  const Sample s;
  const auto d = reference_distributions(s.view(), s.y, s.names, 10);
  EXPECT_DOUBLE_EQ(percentile_rank(d[0], 0), 0.375);   // half of the 75 % of zeros
  EXPECT_DOUBLE_EQ(percentile_rank(d[0], 1), 0.875);   // 75 % below, half of 25 % equal
  EXPECT_DOUBLE_EQ(percentile_rank(d[0], 0.5), 0.75);  // between the values
  EXPECT_DOUBLE_EQ(percentile_rank(d[1], 499.5), 0.5);
  EXPECT_NEAR(percentile_rank(d[1], 249.75), 0.25, 1e-12);
  EXPECT_NEAR(percentile_rank(d[1], 374.625), 0.375, 1e-12);  // halfway from q25 to q50
  EXPECT_EQ(percentile_rank(d[1], -5), 0);
  EXPECT_EQ(percentile_rank(d[1], 5000), 1);
  EXPECT_TRUE(std::isnan(percentile_rank(d[1], std::nan(""))));
  EXPECT_TRUE(std::isnan(percentile_rank(d[2], 3)));
}

TEST(ReferenceDistribution, BinOf) {
  const Sample s;
  const auto d = reference_distributions(s.view(), s.y, s.names, 10);
  EXPECT_EQ(bin_of(d[0], 1), 1u);
  EXPECT_EQ(bin_of(d[0], 0.5), std::nullopt);  // no such value
  EXPECT_EQ(bin_of(d[1], -100), 0u);           // tails go to the outer bins
  EXPECT_EQ(bin_of(d[1], 500), 5u);            // edges 9.99 + 97.902 k, k = 0..10
  EXPECT_EQ(bin_of(d[1], 5000), 9u);
  EXPECT_EQ(bin_of(d[1], std::nan("")), std::nullopt);
  EXPECT_EQ(bin_of(d[2], 1), std::nullopt);
}

TEST(ReferenceDistribution, JsonRoundTripAndCorruptionRefused) {
  const Sample s;
  const auto d = reference_distributions(s.view(), s.y, s.names);
  const auto back = distributions_from_json(to_json(d));
  ASSERT_EQ(back.size(), d.size());
  EXPECT_EQ(back[1].quantiles, d[1].quantiles);
  EXPECT_EQ(back[0].good_counts, d[0].good_counts);
  nlohmann::json broken = to_json(d);
  broken[1]["good_counts"].erase(0);
  try {
    distributions_from_json(broken);
    FAIL();
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find("AMOUNT"), std::string::npos) << error.what();
  }
  // A count must be a whole number: 1e21 (beyond any integer) or -3 is corrupt, never cast.
  for (const nlohmann::json& count :
       {nlohmann::json(1e21), nlohmann::json(-3), nlohmann::json(2.5)}) {
    broken = to_json(d);
    broken[0]["good_counts"][0] = count;
    try {
      distributions_from_json(broken);
      FAIL() << count;
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::Corrupt);
      EXPECT_NE(std::string(error.what()).find("expected a count"), std::string::npos)
          << error.what();
    }
  }
}

}  // namespace
}  // namespace creditscore::model
