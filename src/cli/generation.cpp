#include "cli/generation.h"

#include <chrono>

#include "cli/number_format.h"
#include "cli/progress_bar.h"
#include "cli/text_table.h"
#include "model/metrics.h"

namespace creditscore::cli {

void add_generator_options(CLI::App& command, synth::GeneratorConfig& config) {
  command
      .add_option("--clients", config.clients,
                  "Applications to generate, train and test together (Kaggle: 356255); the "
                  "history tables scale with it")
      ->check(CLI::Range(std::uint64_t{1}, std::uint64_t{100'000'000}))
      ->capture_default_str();
  command.add_option("--seed", config.seed, "Random seed: the same seed gives the same bytes")
      ->capture_default_str();
  command.add_flag("--drift", config.drift,
                   "Shift application_test on purpose, for the drift monitor: incomes x1.3,\n"
                   "EXT_SOURCE_3 lower, a new ORGANIZATION_TYPE, twice the revolving loans;\n"
                   "drift.json lists the shifted columns (the training clients never change)");
  command
      .add_option("--threads", config.threads,
                  "Worker threads, 0 = all cores (the output does not depend on it)")
      ->capture_default_str();
}

synth::GenerationSummary generate_with_report(const synth::GeneratorConfig& config,
                                              std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  synth::GenerationSummary summary;
  {
    ProgressBar bar("clients");
    summary = synth::generate_dataset(config, bar.callback());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  out << "\nData set written to " << config.out.string() << " (seed " << config.seed << ")\n\n";
  TextTable files({"file", "rows", "MB"});
  std::uint64_t total_bytes = 0;
  for (const auto& file : summary.files) {
    files.add_row({file.file_name, format_count(file.rows), format_megabytes(file.bytes)});
    total_bytes += file.bytes;
  }
  files.print(out);
  out << '\n';
  TextTable facts({"measure", "value"});
  facts.add_row({"clients (train / test)",
                 format_count(summary.train_clients) + " / " + format_count(summary.test_clients)});
  facts.add_row({"default rate (train)", format_percent(summary.default_rate, 2)});
  const bool both_outcomes = summary.default_rate > 0 && summary.default_rate < 1;
  facts.add_row({"oracle AUC (true probability vs TARGET, train)",
                 both_outcomes
                     ? format_fixed(model::roc_auc(summary.train_true_pd, summary.train_target), 4)
                     : "n/a (one outcome only)"});
  facts.add_row({"total size", format_megabytes(total_bytes) + " MB"});
  facts.add_row({"time", format_fixed(seconds, 1) + " s"});
  facts.print(out);
  return summary;
}

}  // namespace creditscore::cli
