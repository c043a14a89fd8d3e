// The property the API relies on: a client's features built alone, from only that client's rows,
// are exactly, bit for bit, those built with the whole data set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstring>

#include "features/feature_builder.h"
#include "synth/generator.h"
#include "tables/client_slicer.h"

namespace creditscore::features {
namespace {

TEST(FeatureParity, OneClientAloneGivesTheSameBitsAsTheWholeDataSet) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("creditscore_parity_" + std::to_string(::getpid()));
  synth::generate_dataset({3000, 21, dir, 0});
  const tables::Dataset data = tables::read_dataset(dir);
  std::filesystem::remove_all(dir);
  const FeatureCatalog catalog = FeatureCatalog::fit(data);
  const FeatureBuilder builder(catalog);
  const tables::ClientSlicer slicer(data);

  std::size_t compared = 0;
  for (const tables::Table* applications : {&data.application_train, &data.application_test}) {
    const FeatureMatrix whole = builder.build(*applications, data);
    ASSERT_EQ(whole.rows(), applications->rows());
    for (std::size_t r = 0; r < whole.rows(); ++r) {
      const tables::Dataset one = slicer.slice(whole.ids[r]);
      const tables::Table& own =
          applications == &data.application_train ? one.application_train : one.application_test;
      ASSERT_EQ(own.rows(), 1u);
      const FeatureMatrix alone = builder.build(own, one);
      ASSERT_EQ(alone.cols(), whole.cols());
      if (std::memcmp(alone.values.data(), whole.row(r).data(), whole.cols() * sizeof(float)) !=
          0) {
        for (std::size_t c = 0; c < whole.cols(); ++c) {
          const float a = alone.values[c], w = whole.row(r)[c];
          ASSERT_TRUE(std::memcmp(&a, &w, sizeof a) == 0)
              << "client " << whole.ids[r] << " feature " << whole.names[c] << ": alone " << a
              << ", whole " << w;
        }
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, 3000u);
}

}  // namespace
}  // namespace creditscore::features
