// Our TreeSHAP against XGBoost's pred_contribs, side by side on the same model and clients, one
// thread each: an 800-tree depth-6 model on 700 features, trained here on random clients with a
// learnable signal and 30% missing values. Explains one client, then 1,000, and ends with the
// time per client of both and their ratio.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include "explain/tree_shap.h"
#include "model/xgboost.h"

namespace {

using creditscore::explain::TreeEnsemble;
using creditscore::explain::TreeShap;
using creditscore::model::Booster;
using creditscore::model::DMatrix;
using creditscore::model::MatrixView;
using creditscore::model::Prediction;

constexpr std::size_t kFeatures = 700;
constexpr std::size_t kTrainRows = 10000;
constexpr std::size_t kExplainRows = 1000;
constexpr int kRounds = 800;

// Clients with 30% of their values missing; labels, when asked, follow a logistic law of 40
// features, linear and pairwise.
std::vector<float> random_clients(std::size_t rows, std::mt19937_64& random,
                                  std::vector<float>* labels) {
  std::normal_distribution<float> normal;
  std::uniform_real_distribution<double> uniform;
  std::vector<float> x(rows * kFeatures);
  for (std::size_t r = 0; r < rows; ++r) {
    float* row = x.data() + r * kFeatures;
    for (std::size_t f = 0; f < kFeatures; ++f) row[f] = normal(random);
    double score = -1;
    for (std::size_t f = 0; f < 40; f += 2) score += 0.4 * row[f] - 0.3 * row[f] * row[f + 1];
    if (labels != nullptr) labels->push_back(uniform(random) < 1 / (1 + std::exp(-score)));
    for (std::size_t f = 0; f < kFeatures; ++f) {
      if (uniform(random) < 0.3) row[f] = std::nanf("");
    }
  }
  return x;
}

Booster train_model() {
  std::mt19937_64 random(42);
  std::vector<float> labels;
  const std::vector<float> x = random_clients(kTrainRows, random, &labels);
  const DMatrix matrix(MatrixView{x.data(), kTrainRows, kFeatures}, labels);
  Booster booster(matrix);
  const std::pair<const char*, const char*> parameters[] = {{"objective", "binary:logistic"},
                                                            {"tree_method", "hist"},
                                                            {"max_depth", "6"},
                                                            {"max_bin", "64"},
                                                            {"eta", "0.05"},
                                                            {"nthread", "2"}};
  for (const auto& [name, value] : parameters) booster.set_param(name, value);
  for (int round = 0; round < kRounds; ++round) booster.update(round, matrix);
  booster.set_param("nthread", "1");  // XGBoost explains with one thread, as we do
  return booster;
}

// Owned by main: a Booster must be freed before XGBoost's own statics are.
struct Setup {
  Booster booster;
  TreeShap shap;
  std::vector<float> clients;  // kExplainRows fresh ones

  MatrixView rows(std::size_t count) const { return {clients.data(), count, kFeatures}; }

  // The largest gap between our values and XGBoost's over all clients.
  double max_difference() const {
    const std::vector<double> expected =
        booster.predict(DMatrix(rows(kExplainRows)), Prediction::Contributions);
    std::vector<double> ours(expected.size());
    shap.explain(rows(kExplainRows), ours);
    double largest = 0;
    for (std::size_t i = 0; i < ours.size(); ++i) {
      largest = std::max(largest, std::abs(ours[i] - expected[i]));
    }
    return largest;
  }
};

void explain_with_tree_shap(benchmark::State& state, const Setup& setup) {
  const auto rows = static_cast<std::size_t>(state.range(0));
  std::vector<double> out(rows * (kFeatures + 1));
  for (auto _ : state) {
    setup.shap.explain(setup.rows(rows), out);
    benchmark::DoNotOptimize(out.data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// XGBoost explains from a DMatrix: building it is part of explaining a client.
void explain_with_xgboost(benchmark::State& state, const Setup& setup) {
  const auto rows = static_cast<std::size_t>(state.range(0));
  for (auto _ : state) {
    const DMatrix matrix(setup.rows(rows));
    benchmark::DoNotOptimize(setup.booster.predict(matrix, Prediction::Contributions).data());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// Remembers each run's CPU time per client, in microseconds, for the summary.
class Reporter : public benchmark::ConsoleReporter {
 public:
  std::map<std::string, double> us_per_row;

  void ReportRuns(const std::vector<Run>& runs) override {
    ConsoleReporter::ReportRuns(runs);
    for (const Run& run : runs) {
      if (run.run_type == Run::RT_Iteration) {
        us_per_row[run.benchmark_name()] = 1e6 / run.counters.at("items_per_second");
      }
    }
  }
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;

  const auto start = std::chrono::steady_clock::now();
  Booster booster = train_model();
  TreeShap shap(TreeEnsemble::from_json(booster.to_json()));
  std::mt19937_64 random(7);
  const Setup setup{std::move(booster), std::move(shap),
                    random_clients(kExplainRows, random, nullptr)};
  std::size_t leaves = 0;
  const std::size_t trees = setup.shap.ensemble().num_trees();
  for (std::size_t t = 0; t < trees; ++t) leaves += setup.shap.ensemble().tree(t).splits.size() + 1;
  std::printf("model: %zu trees, %.1f leaves per tree, %zu features; set up in %.0f s\n", trees,
              static_cast<double>(leaves) / trees, kFeatures,
              std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  std::printf("largest |ours - xgboost| over %zu clients x %zu values: %.2e\n", kExplainRows,
              kFeatures + 1, setup.max_difference());

  for (const long rows : {1L, static_cast<long>(kExplainRows)}) {
    benchmark::RegisterBenchmark("TreeShap", explain_with_tree_shap, std::cref(setup))
        ->Arg(rows)
        ->Unit(benchmark::kMicrosecond);
    benchmark::RegisterBenchmark("XGBoost", explain_with_xgboost, std::cref(setup))
        ->Arg(rows)
        ->Unit(benchmark::kMicrosecond);
  }
  Reporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  for (const long rows : {1L, static_cast<long>(kExplainRows)}) {
    const std::string suffix = "/" + std::to_string(rows);
    const auto ours = reporter.us_per_row.find("TreeShap" + suffix);
    const auto theirs = reporter.us_per_row.find("XGBoost" + suffix);
    if (ours == reporter.us_per_row.end() || theirs == reporter.us_per_row.end()) continue;
    std::printf("%4ld row%s: ours %.1f us/row, xgboost %.1f us/row, ratio %.1fx\n", rows,
                rows == 1 ? " " : "s", ours->second, theirs->second, theirs->second / ours->second);
  }
  benchmark::Shutdown();
}
