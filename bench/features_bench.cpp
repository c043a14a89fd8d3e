// One client's features, built from that client's rows only (what the API does for a new
// application): target <= 1 ms for a typical history. Also the whole data set, per client.
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "features/feature_builder.h"
#include "synth/generator.h"
#include "tables/client_slicer.h"

namespace {

using namespace creditscore;

struct Fixture {
  tables::Dataset data;
  features::FeatureCatalog catalog;
  std::int64_t typical_client = 0;

  Fixture() : data(load()), catalog(features::FeatureCatalog::fit(data)) {
    // A typical history: the client whose history rows are nearest the median count.
    const tables::ClientSlicer slicer(data);
    std::vector<std::pair<std::size_t, std::int64_t>> sizes;
    for (std::int64_t id : data.application_test.ids("SK_ID_CURR")) {
      const tables::Dataset one = slicer.slice(id);
      sizes.emplace_back(one.bureau.rows() + one.bureau_balance.rows() +
                             one.previous_application.rows() + one.pos_cash_balance.rows() +
                             one.installments_payments.rows() + one.credit_card_balance.rows(),
                         id);
    }
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    typical_client = sizes[sizes.size() / 2].second;
  }
  static tables::Dataset load() {
    const auto dir = std::filesystem::temp_directory_path() /
                     ("creditscore_features_bench_" + std::to_string(::getpid()));
    synth::generate_dataset({5000, 3, dir, 0});
    tables::Dataset data = tables::read_dataset(dir);
    std::filesystem::remove_all(dir);
    return data;
  }
};

Fixture& fixture() {
  static Fixture f;
  return f;
}

void BM_OneClientFromItsOwnRows(benchmark::State& state) {
  Fixture& f = fixture();
  const tables::Dataset one = tables::ClientSlicer(f.data).slice(f.typical_client);
  const features::FeatureBuilder builder(f.catalog);
  for (auto _ : state) benchmark::DoNotOptimize(builder.build(one.application_test, one));
  state.counters["history_rows"] =
      static_cast<double>(one.bureau.rows() + one.bureau_balance.rows() +
                          one.previous_application.rows() + one.pos_cash_balance.rows() +
                          one.installments_payments.rows() + one.credit_card_balance.rows());
  state.counters["features"] = static_cast<double>(f.catalog.features().size());
}
BENCHMARK(BM_OneClientFromItsOwnRows)->Unit(benchmark::kMicrosecond);

void BM_WholeDataSetPerClient(benchmark::State& state) {
  Fixture& f = fixture();
  const features::FeatureBuilder builder(f.catalog);
  for (auto _ : state) benchmark::DoNotOptimize(builder.build(f.data.application_train, f.data));
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(f.data.application_train.rows()));
}
BENCHMARK(BM_WholeDataSetPerClient)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
