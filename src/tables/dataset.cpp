#include "tables/dataset.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <exception>
#include <mutex>
#include <span>
#include <unordered_set>

#include "common/error.h"
#include "common/parallel.h"
#include "tables/csv_reader.h"
#include "tables/id_range.h"
#include "tables/table_error.h"
#include "tables/table_from_fields.h"

namespace creditscore::tables {
namespace {

// The member holding a table, for a const or mutable data set.
template <typename D>
auto& member(D& dataset, TableId id) {
  switch (id) {
    case TableId::ApplicationTrain:
      return dataset.application_train;
    case TableId::ApplicationTest:
      return dataset.application_test;
    case TableId::Bureau:
      return dataset.bureau;
    case TableId::BureauBalance:
      return dataset.bureau_balance;
    case TableId::PreviousApplication:
      return dataset.previous_application;
    case TableId::PosCashBalance:
      return dataset.pos_cash_balance;
    case TableId::InstallmentsPayments:
      return dataset.installments_payments;
    case TableId::CreditCardBalance:
      return dataset.credit_card_balance;
  }
  throw internal_error("unknown table");
}

// The ids of a table's key column, for membership tests over tens of millions of rows: a bitmap
// over the ids' range, or a hash set (IdRange decides).
class IdSet {
 public:
  explicit IdSet(std::initializer_list<std::span<const Id>> columns) : range_(columns) {
    dense_ = range_.worth_a_table(1);
    if (dense_) known_.assign(range_.size(), false);
    for (const auto ids : columns) {
      for (const Id id : ids) {
        if (dense_) {
          known_[range_.offset(id)] = true;
        } else {
          sparse_.insert(id);
        }
      }
    }
  }

  bool contains(std::int64_t id) const {
    if (!dense_) return sparse_.contains(id);
    const std::uint64_t at = range_.offset(id);
    return at < known_.size() && known_[at];
  }

 private:
  IdRange range_;
  bool dense_ = false;
  std::vector<bool> known_;
  std::unordered_set<std::int64_t> sparse_;
};

// The rows of `column` whose id `known` lacks, counted on every core; the example is the first
// such row's id.
OrphanReport orphans(const Table& table, std::string_view column, const IdSet& known,
                     std::string references) {
  const std::span<const Id> ids = table.ids(column);
  struct Part {
    std::size_t rows = 0;
    std::int64_t example_id = 0;
  };
  std::vector<Part> parts(thread_budget());
  parallel_for(parts.size(), [&](std::size_t k) {
    for (std::size_t row = ids.size() * k / parts.size(), end = ids.size() * (k + 1) / parts.size();
         row < end; ++row) {
      if (known.contains(ids[row])) continue;
      if (parts[k].rows++ == 0) parts[k].example_id = ids[row];
    }
  });
  OrphanReport report{table.schema().file_name, std::string(column), std::move(references), 0, 0};
  for (const Part& part : parts) {
    if (report.rows == 0) report.example_id = part.example_id;
    report.rows += part.rows;
  }
  return report;
}

}  // namespace

const Table& Dataset::table(TableId id) const {
  return member(const_cast<Dataset&>(*this), id);
}

Table& Dataset::table(TableId id) {
  return member(*this, id);
}

bool Dataset::has(TableId id) const {
  return std::find(absent.begin(), absent.end(), id) == absent.end();
}

Dataset read_dataset(const std::filesystem::path& directory, const ProgressFn& progress,
                     const std::vector<TableId>& required) {
  if (!std::filesystem::is_directory(directory)) {
    throw TableError(directory.string(), 0, "",
                     "not a directory (expected the Home Credit CSV files)", ErrorKind::NotFound);
  }
  Dataset dataset;
  std::uint64_t total = 0;
  std::vector<std::pair<std::uint64_t, TableId>> by_size;  // the files there
  for (TableId id : all_tables()) {
    const std::filesystem::path file = directory / schema_of(id).file_name;
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) {
      total += size;
      by_size.emplace_back(size, id);
      continue;
    }
    if (std::find(required.begin(), required.end(), id) != required.end()) {
      throw TableError(file.string(), 0, "", "file not found", ErrorKind::NotFound);
    }
    dataset.absent.push_back(id);
    member(dataset, id) = empty_table(id);
  }
  if (!dataset.has(TableId::ApplicationTrain) && !dataset.has(TableId::ApplicationTest)) {
    throw TableError(directory.string(), 0, "",
                     "no application file (expected application_train.csv or "
                     "application_test.csv)",
                     ErrorKind::NotFound);
  }
  // The files are read side by side, one per thread, each whole: no file's columns are then
  // made in chunks and copied together after. The largest go first, so that the last to start
  // are small and the threads end together.
  std::stable_sort(by_size.begin(), by_size.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  const std::size_t readers = std::min(thread_budget(), by_size.size());
  const std::size_t threads_per_file = std::max<std::size_t>(1, thread_budget() / readers);
  std::atomic<std::size_t> next{0};
  std::atomic<bool> failed{false};
  std::vector<std::exception_ptr> failures(by_size.size());
  std::mutex progress_lock;
  std::uint64_t done = 0;  // bytes read over all files, under progress_lock
  parallel_for(readers, [&](std::size_t) {
    for (std::size_t k; !failed && (k = next++) < by_size.size();) {
      const TableId id = by_size[k].second;
      const TableSchema& schema = schema_of(id);
      std::uint64_t file_done = 0;
      ProgressFn file_progress;
      if (progress) {
        file_progress = [&](std::string_view stage, std::uint64_t now, std::uint64_t) {
          const std::lock_guard hold(progress_lock);
          done += now - file_done;
          file_done = now;
          progress(stage, done, total);
        };
      }
      const auto start = std::chrono::steady_clock::now();
      try {
        Table table =
            read_table(directory / schema.file_name, schema, file_progress, threads_per_file);
        const std::lock_guard hold(progress_lock);
        member(dataset, id) = std::move(table);
        dataset.read_seconds[id] =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      } catch (...) {
        failures[k] = std::current_exception();
        failed = true;
      }
    }
  });
  // The first file in the reading order that failed: every file before it was read.
  for (const std::exception_ptr& failure : failures) {
    if (failure) std::rethrow_exception(failure);
  }
  return dataset;
}

std::vector<OrphanReport> find_orphans(const Dataset& d) {
  const IdSet clients{d.application_train.ids("SK_ID_CURR"), d.application_test.ids("SK_ID_CURR")};
  const IdSet bureau{d.bureau.ids("SK_ID_BUREAU")};
  const IdSet previous{d.previous_application.ids("SK_ID_PREV")};
  const std::string applications = "application_train.csv/application_test.csv";
  struct Check {
    const Table& table;
    std::string_view column;
    const IdSet& known;
    std::string references;
  };
  const Check checks[] = {
      {d.bureau, "SK_ID_CURR", clients, applications},
      {d.bureau_balance, "SK_ID_BUREAU", bureau, "bureau.csv"},
      {d.previous_application, "SK_ID_CURR", clients, applications},
      {d.pos_cash_balance, "SK_ID_CURR", clients, applications},
      {d.pos_cash_balance, "SK_ID_PREV", previous, "previous_application.csv"},
      {d.installments_payments, "SK_ID_CURR", clients, applications},
      {d.installments_payments, "SK_ID_PREV", previous, "previous_application.csv"},
      {d.credit_card_balance, "SK_ID_CURR", clients, applications},
      {d.credit_card_balance, "SK_ID_PREV", previous, "previous_application.csv"},
  };
  std::vector<OrphanReport> reports;
  for (const Check& check : checks)
    reports.push_back(orphans(check.table, check.column, check.known, check.references));
  return reports;
}

}  // namespace creditscore::tables
