#include "cli/feature_report.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>

#include "cli/number_format.h"
#include "cli/progress_bar.h"
#include "cli/text_table.h"
#include "common/parallel.h"

namespace creditscore::cli {

features::FeatureMatrix build_features_with_report(
    const features::FeatureBuild& build, std::span<const tables::Table* const> applications,
    std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  features::BuildReport report;
  features::FeatureMatrix matrix;
  {
    ProgressBar bar("client tables");
    matrix = build(&report, bar.callback());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::atomic<std::size_t> missing_values{0};
  parallel_ranges(matrix.values.size(), 1 << 20, [&](std::size_t begin, std::size_t end) {
    missing_values += static_cast<std::size_t>(
        std::count_if(matrix.values.begin() + static_cast<std::ptrdiff_t>(begin),
                      matrix.values.begin() + static_cast<std::ptrdiff_t>(end),
                      [](float v) { return std::isnan(v); }));
  });
  const auto missing = static_cast<double>(missing_values);
  std::string files;
  for (const tables::Table* part : applications)
    files += (files.empty() ? "" : " and ") + part->schema().file_name;
  out << "\nFeatures of " << files << "\n\n";
  TextTable table({"measure", "value"});
  table.add_row({"clients", format_count(matrix.rows())});
  table.add_row({"features", format_count(matrix.cols())});
  table.add_row(
      {"missing values",
       format_percent(
           matrix.values.empty() ? 0.0 : missing / static_cast<double>(matrix.values.size()), 1)});
  table.add_row({"time", format_fixed(seconds, 1) + " s"});
  for (const auto& [column, rows] : report.unseen_categories) {
    table.add_row({"unseen category in " + column, format_count(rows) + " rows"});
  }
  for (const auto& [file, rows] : report.ignored_history_rows) {
    table.add_row({"ignored rows of " + file + " (other clients)", format_count(rows)});
  }
  table.print(out);
  return matrix;
}

}  // namespace creditscore::cli
