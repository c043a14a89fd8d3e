#include "cli/feature_report.h"

#include <chrono>

#include "cli/number_format.h"
#include "cli/progress_bar.h"
#include "cli/text_table.h"

namespace creditscore::cli {

features::FeatureBlocks build_features_with_report(
    const features::FeatureBuild& build, std::span<const tables::Table* const> applications,
    std::ostream& out) {
  const auto start = std::chrono::steady_clock::now();
  features::BuildReport report;
  features::FeatureBlocks matrix;
  {
    ProgressBar bar("client tables");
    matrix = build(&report, bar.callback());
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const auto missing = static_cast<double>(matrix.missing_values());
  const double cells = static_cast<double>(matrix.rows() * matrix.cols());
  std::string files;
  for (const tables::Table* part : applications)
    files += (files.empty() ? "" : " and ") + part->schema().file_name;
  out << "\nFeatures of " << files << "\n\n";
  TextTable table({"measure", "value"});
  table.add_row({"clients", format_count(matrix.rows())});
  table.add_row({"features", format_count(matrix.cols())});
  table.add_row({"missing values", format_percent(cells == 0 ? 0.0 : missing / cells, 1)});
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
