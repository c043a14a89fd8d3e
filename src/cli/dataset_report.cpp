#include "cli/dataset_report.h"

#include <malloc.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <limits>
#include <string>

#include "cli/number_format.h"
#include "cli/progress_bar.h"
#include "cli/text_table.h"
#include "common/parallel.h"

namespace creditscore::cli {
namespace {

using Clock = std::chrono::steady_clock;

double missing_share(const tables::Table& table) {
  std::atomic<std::uint64_t> missing{0};
  parallel_for(table.column_count(), [&](std::size_t c) {
    const tables::Column& column = table.column(c);
    missing += static_cast<std::uint64_t>(
        std::count_if(column.numbers.begin(), column.numbers.end(),
                      [](float value) { return std::isnan(value); }) +
        std::count(column.codes.begin(), column.codes.end(), tables::kMissingCode));
  });
  const double cells =
      static_cast<double>(table.rows()) * static_cast<double>(table.column_count());
  return cells == 0 ? 0.0 : static_cast<double>(missing) / cells;
}

// What an absent file means for the work that follows.
std::string absence_consequence(tables::TableId id) {
  switch (id) {
    case tables::TableId::ApplicationTrain:
      return "no client with a known outcome (nothing to learn from)";
    case tables::TableId::ApplicationTest:
      return "no new application to score";
    default:
      return "every feature drawn from it is missing for every client";
  }
}

// A command that reads a whole data set is a batch job that takes and frees gigabytes in turn
// (tables, chunks, history frames, XGBoost's matrices). glibc gives every large block back to
// the kernel when it is freed, and the kernel hands out zeroed pages at the next one: at Kaggle
// scale, a third of the CPU time went to page faults. Freed memory stays for reuse instead, in one
// arena for every thread: the tables' columns are made by the reading threads, and memory they
// free went back to those threads' own arenas, where the blocks the main thread takes next could
// not reuse it (20,000 clients: 42,500 page faults against 45,300, peak 163 MB against 168).
void keep_freed_memory_for_reuse() {
  ::mallopt(M_ARENA_MAX, 1);
  ::mallopt(M_MMAP_MAX, 0);
  ::mallopt(M_TRIM_THRESHOLD, std::numeric_limits<int>::max());
}

}  // namespace

tables::Dataset read_dataset_with_report(const std::filesystem::path& directory, std::ostream& out,
                                         const std::vector<tables::TableId>& required) {
  keep_freed_memory_for_reuse();
  const auto start = Clock::now();
  tables::Dataset dataset;
  {
    ProgressBar bar("bytes");
    dataset = tables::read_dataset(directory, bar.callback(), required);
  }
  const double total_seconds = std::chrono::duration<double>(Clock::now() - start).count();

  out << "\nRead " << directory.string() << "\n\n";
  TextTable files({"file", "rows", "columns", "missing", "MB", "seconds", "MB/s"});
  std::uint64_t total_bytes = 0;
  for (tables::TableId id : tables::all_tables()) {
    const tables::Table& table = dataset.table(id);
    const std::string& name = tables::schema_of(id).file_name;
    if (!dataset.has(id)) {
      files.add_row({name, "not there", "", "", "", "", ""});
      continue;
    }
    const auto bytes = std::filesystem::file_size(directory / name);
    total_bytes += bytes;
    const double seconds = dataset.read_seconds.at(id);
    files.add_row(
        {name, format_count(table.rows()), std::to_string(table.column_count()),
         format_percent(missing_share(table), 1), format_megabytes(bytes), format_fixed(seconds, 2),
         seconds > 0 ? format_fixed(static_cast<double>(bytes) / 1e6 / seconds, 0) : "-"});
  }
  files.add_row({"all files", "", "", "", format_megabytes(total_bytes),
                 format_fixed(total_seconds, 2),
                 format_fixed(static_cast<double>(total_bytes) / 1e6 / total_seconds, 0)});
  files.print(out);
  for (tables::TableId id : dataset.absent) {
    out << "warning: " << tables::schema_of(id).file_name << " is not in " << directory.string()
        << ": " << absence_consequence(id) << "\n";
  }

  out << "\nIds that refer to nothing (ignored later, not an error)\n\n";
  TextTable orphans({"table", "column", "refers to", "orphan rows", "example id"});
  for (const tables::OrphanReport& report : tables::find_orphans(dataset)) {
    orphans.add_row({report.table, report.column, report.references, format_count(report.rows),
                     report.rows == 0 ? "-" : std::to_string(report.example_id)});
  }
  orphans.print(out);
  return dataset;
}

}  // namespace creditscore::cli
