// The property the API relies on: a client's features built alone, from only that client's rows,
// are exactly, bit for bit, those built with the whole data set.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cmath>
#include <cstring>
#include <map>
#include <vector>

#include "features/feature_builder.h"
#include "synth/generator.h"
#include "tables/client_slicer.h"

namespace creditscore::features {
namespace {

tables::Dataset generated(std::size_t clients) {
  const auto dir =
      std::filesystem::temp_directory_path() / ("creditscore_parity_" + std::to_string(::getpid()));
  synth::generate_dataset({clients, 21, dir, 0});
  tables::Dataset data = tables::read_dataset(dir);
  std::filesystem::remove_all(dir);
  return data;
}

TEST(FeatureParity, OneClientAloneGivesTheSameBitsAsTheWholeDataSet) {
  const tables::Dataset data = generated(3000);
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

TEST(FeatureParity, BothApplicationTablesInOneBuildGiveTheBitsOfEachBuiltAlone) {
  const tables::Dataset data = generated(800);
  const FeatureCatalog catalog = FeatureCatalog::fit(data);
  const FeatureBuilder builder(catalog);
  const tables::Table* const both[] = {&data.application_train, &data.application_test};
  const FeatureMatrix together = builder.build(both, data);
  const FeatureMatrix train = builder.build(data.application_train, data);
  const FeatureMatrix test = builder.build(data.application_test, data);
  ASSERT_EQ(together.rows(), train.rows() + test.rows());
  EXPECT_EQ(together.ids.back(), test.ids.back());
  EXPECT_EQ(
      std::memcmp(together.targets.data(), train.targets.data(), train.rows() * sizeof(float)), 0);
  EXPECT_TRUE(std::isnan(together.targets.back()));
  EXPECT_EQ(
      std::memcmp(together.values.data(), train.values.data(), train.values.size() * sizeof(float)),
      0);
  EXPECT_EQ(std::memcmp(together.values.data() + train.values.size(), test.values.data(),
                        test.values.size() * sizeof(float)),
            0);
}

TEST(FeatureParity, BuildingAndReleasingTheHistoryGivesTheSameBitsAndEmptiesItsTables) {
  const tables::Dataset data = generated(800);
  const FeatureCatalog catalog = FeatureCatalog::fit(data);
  const FeatureBuilder builder(catalog);
  const tables::Table* const both[] = {&data.application_train, &data.application_test};
  BuildReport kept_report;
  const FeatureMatrix kept = builder.build(both, data, &kept_report);

  tables::Dataset released = data;
  const tables::Table* const released_both[] = {&released.application_train,
                                                &released.application_test};
  BuildReport released_report;
  const FeatureMatrix built =
      assemble(builder.build_and_release(released_both, released, &released_report));
  ASSERT_EQ(built.names, kept.names);
  EXPECT_EQ(built.ids, kept.ids);
  ASSERT_EQ(built.values.size(), kept.values.size());
  EXPECT_EQ(
      std::memcmp(built.values.data(), kept.values.data(), kept.values.size() * sizeof(float)), 0);
  EXPECT_EQ(std::memcmp(built.targets.data(), kept.targets.data(), kept.rows() * sizeof(float)), 0);
  EXPECT_EQ(released_report.unseen_categories, kept_report.unseen_categories);
  EXPECT_EQ(released_report.ignored_history_rows, kept_report.ignored_history_rows);
  // Every history table is let go; the applications stay.
  for (tables::TableId id : tables::all_tables()) {
    const bool application =
        id == tables::TableId::ApplicationTrain || id == tables::TableId::ApplicationTest;
    ASSERT_GT(data.table(id).rows(), 0u) << tables::schema_of(id).file_name;
    EXPECT_EQ(released.table(id).rows(), application ? data.table(id).rows() : 0u)
        << tables::schema_of(id).file_name;
    EXPECT_EQ(released.table(id).column_count(), data.table(id).column_count());
  }
}

// Each block is handed over once, as soon as it is complete: its values then are its final ones.
TEST(FeatureParity, EachBlockIsHandedOverOnceWhenComplete) {
  tables::Dataset data = generated(300);
  const FeatureCatalog catalog = FeatureCatalog::fit(data);
  const FeatureBuilder builder(catalog);
  const tables::Table* const both[] = {&data.application_train, &data.application_test};
  const FeatureMatrix expected = builder.build(both, data);
  FeatureBlocks matrix = builder.layout(both);
  ASSERT_EQ(matrix.names, expected.names);
  std::map<std::size_t, std::vector<float>> handed;  // by first column, as handed over
  builder.build_and_release(matrix, both, data, nullptr, {}, [&](const FeatureBlock& block) {
    EXPECT_TRUE(handed.emplace(block.first, block.values).second) << block.first;
  });
  ASSERT_EQ(handed.size(), matrix.blocks.size());
  for (const FeatureBlock& block : matrix.blocks) {
    const std::vector<float>& values = handed[block.first];
    ASSERT_EQ(values.size(), block.values.size());
    EXPECT_EQ(std::memcmp(values.data(), block.values.data(), values.size() * sizeof(float)), 0);
  }
  const FeatureMatrix assembled = assemble(std::move(matrix));
  EXPECT_EQ(std::memcmp(assembled.values.data(), expected.values.data(),
                        expected.values.size() * sizeof(float)),
            0);
}

}  // namespace
}  // namespace creditscore::features
