#include "features/history_frame.h"

#include <cmath>
#include <limits>
#include <stdexcept>

#include "common/error.h"
#include "common/parallel.h"
#include "features/feature_plan.h"
#include "tables/group_index.h"

namespace creditscore::features {
namespace {

using tables::TableId;

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

// Room for a column of `rows`, left unset (a derived column is written whole, in parallel: its
// fresh pages are then zeroed by the kernel on every core, and never by a serial fill first).
std::unique_ptr<float[]> unset_column(std::size_t rows) {
  return std::unique_ptr<float[]>(new float[rows]);
}

// Each of rows [0, rows) of a new column, on every core: fill(begin, end, out) writes rows
// [begin, end) of it at out.
template <typename Fill>
std::unique_ptr<float[]> derived(std::size_t rows, Fill fill) {
  std::unique_ptr<float[]> column = unset_column(rows);
  parallel_ranges(rows, 1 << 16,
                  [&](std::size_t begin, std::size_t end) { fill(begin, end, column.get()); });
  return column;
}

std::unique_ptr<float[]> without_placeholder(std::span<const float> values) {
  return derived(values.size(), [&](std::size_t begin, std::size_t end, float* out) {
    for (std::size_t r = begin; r < end; ++r)
      out[r] = values[r] == tables::kNoDate ? kMissing : values[r];
  });
}

}  // namespace

float safe_ratio(float numerator, float denominator) {
  if (std::isnan(numerator) || std::isnan(denominator) || denominator == 0.0f) return kMissing;
  return numerator / denominator;
}

std::vector<TableId> HistoryFrame::sources(TableId table) {
  if (table == TableId::Bureau) return {TableId::Bureau, TableId::BureauBalance};
  return {table};
}

std::span<const float> HistoryFrame::own(const std::string& column,
                                         std::unique_ptr<float[]> values) {
  owned_.push_back(std::move(values));
  return columns_[column] = std::span<const float>(owned_.back().get(), table_->rows());
}

HistoryFrame::HistoryFrame(TableId table, const tables::Dataset& data,
                           const LearnedCategories& categories)
    : table_(&data.table(table)) {
  const tables::TableSchema& schema = table_->schema();
  for (std::size_t c = 0; c < schema.columns.size(); ++c) {
    const tables::ColumnSpec& column = schema.columns[c];
    if (column.kind != tables::ColumnKind::Number) continue;
    if (column.may_hold_no_date) {
      own(column.name, without_placeholder(table_->column(c).numbers));
    } else {
      columns_[column.name] = table_->column(c).numbers;
    }
  }
  const std::size_t rows = table_->rows();
  if (table == TableId::PreviousApplication) {
    const auto asked = numbers("AMT_APPLICATION"), granted = numbers("AMT_CREDIT");
    own("APP_CREDIT_PERC", derived(rows, [&](std::size_t begin, std::size_t end, float* out) {
          for (std::size_t r = begin; r < end; ++r) out[r] = safe_ratio(asked[r], granted[r]);
        }));
  } else if (table == TableId::InstallmentsPayments) {
    const auto due = numbers("AMT_INSTALMENT"), paid = numbers("AMT_PAYMENT");
    const auto due_day = numbers("DAYS_INSTALMENT"), paid_day = numbers("DAYS_ENTRY_PAYMENT");
    own("PAYMENT_PERC", derived(rows, [&](std::size_t begin, std::size_t end, float* out) {
          for (std::size_t r = begin; r < end; ++r) out[r] = safe_ratio(paid[r], due[r]);
        }));
    own("PAYMENT_DIFF", derived(rows, [&](std::size_t begin, std::size_t end, float* out) {
          for (std::size_t r = begin; r < end; ++r) out[r] = due[r] - paid[r];
        }));
    // Days late, then days early; missing when not paid yet.
    for (const float sign : {1.0f, -1.0f}) {
      own(sign > 0 ? "DPD" : "DBD",
          derived(rows, [&](std::size_t begin, std::size_t end, float* out) {
            for (std::size_t r = begin; r < end; ++r) {
              const float delay = sign * (paid_day[r] - due_day[r]);
              out[r] = std::isnan(delay) ? kMissing : std::max(delay, 0.0f);
            }
          }));
    }
  } else if (table == TableId::Bureau) {
    // Each credit's months: their span and the share of each status.
    const tables::Table& months = data.bureau_balance;
    const tables::GroupIndex by_credit(months.ids("SK_ID_BUREAU"));
    const auto month = months.numbers("MONTHS_BALANCE");
    const CategoryList& statuses = categories.of(TableId::BureauBalance, "STATUS");
    const std::vector<int> slots = statuses.slots_of(months.column("STATUS"));
    const auto& codes = months.column("STATUS").codes;
    const std::size_t shares = statuses.values.size() + (statuses.has_missing ? 1 : 0);
    std::unique_ptr<float[]> first = unset_column(rows), last = unset_column(rows),
                             count = unset_column(rows);
    std::vector<std::unique_ptr<float[]>> share(shares);
    for (auto& column : share) column = unset_column(rows);
    const auto credits = table_->ids("SK_ID_BUREAU");
    parallel_ranges(rows, 4096, [&](std::size_t begin, std::size_t end) {
      std::vector<double> counts(shares);
      for (std::size_t r = begin; r < end; ++r) {
        const auto credit_months = by_credit.rows_of(credits[r]);
        if (credit_months.empty()) {
          first[r] = last[r] = count[r] = kMissing;
          for (auto& column : share) column[r] = kMissing;
          continue;
        }
        float low = std::numeric_limits<float>::infinity(), high = -low;
        std::fill(counts.begin(), counts.end(), 0.0);
        for (std::uint32_t m : credit_months) {
          if (!std::isnan(month[m])) {
            low = std::min(low, month[m]);
            high = std::max(high, month[m]);
          }
          const int slot =
              codes[m] == tables::kMissingCode ? CategoryList::kMissingSlot : slots[codes[m]];
          if (slot >= 0) counts[slot] += 1;
          if (slot == CategoryList::kMissingSlot && statuses.has_missing) counts.back() += 1;
        }
        const double n = static_cast<double>(credit_months.size());
        first[r] = std::isinf(low) ? kMissing : low;
        last[r] = std::isinf(high) ? kMissing : high;
        count[r] = static_cast<float>(n);
        for (std::size_t s = 0; s < shares; ++s) share[s][r] = static_cast<float>(counts[s] / n);
      }
    });
    own("MONTHS_BALANCE_MIN", std::move(first));
    own("MONTHS_BALANCE_MAX", std::move(last));
    own("MONTHS_BALANCE_SIZE", std::move(count));
    for (std::size_t s = 0; s < statuses.values.size(); ++s) {
      own("STATUS_" + name_part(statuses.values[s]) + "_MEAN", std::move(share[s]));
    }
    if (statuses.has_missing) own("STATUS_nan_MEAN", std::move(share.back()));
  }
}

std::span<const float> HistoryFrame::numbers(const std::string& column) const {
  const auto found = columns_.find(column);
  if (found == columns_.end()) {
    throw internal_error("no numeric column " + column + " in " + table_->schema().file_name);
  }
  return found->second;
}

}  // namespace creditscore::features
