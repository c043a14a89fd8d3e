#include "features/feature_builder.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <unordered_map>

#include "common/error.h"
#include "common/free_memory.h"
#include "common/parallel.h"
#include "common/populate.h"
#include "features/history_frame.h"
#include "tables/group_index.h"
#include "tables/table_from_fields.h"

namespace creditscore::features {
namespace {

using tables::TableId;

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

// A numeric column's values as features: kNoDate, where the column holds it, is missing. Found by
// name once, before the loops over rows.
class FeatureColumn {
 public:
  FeatureColumn(const tables::Table& table, const std::string& column)
      : numbers_(table.numbers(column)),
        may_hold_no_date_(
            table.schema().columns[table.schema().index_of(column)].may_hold_no_date) {}
  float operator[](std::size_t row) const {
    return may_hold_no_date_ && numbers_[row] == tables::kNoDate ? kMissing : numbers_[row];
  }

 private:
  std::span<const float> numbers_;
  bool may_hold_no_date_;
};

// The slot of each row of a category column in its learned list.
std::vector<int> row_slots(const tables::Column& column, const CategoryList& categories) {
  const std::vector<int> by_code = categories.slots_of(column);
  std::vector<int> slots(column.codes.size());
  for (std::size_t r = 0; r < slots.size(); ++r) {
    slots[r] = column.codes[r] == tables::kMissingCode ? CategoryList::kMissingSlot
                                                       : by_code[column.codes[r]];
  }
  return slots;
}

void count_unseen(const std::vector<int>& slots, const std::string& key, BuildReport* report) {
  if (report == nullptr) return;
  const auto unseen =
      static_cast<std::size_t>(std::count(slots.begin(), slots.end(), CategoryList::kOtherSlot));
  if (unseen > 0) report->unseen_categories[key] += unseen;
}

// Where features go: rows of `stride` floats from `values`, holding the plan's outputs from
// `first` on (the whole matrix from 0, or a block of one table's features alone).
struct OutputBlock {
  float* values;
  std::size_t stride;
  std::size_t first;
};

// The columns of one table's features, which the plan keeps side by side.
struct OutputRange {
  std::size_t first = 0;
  std::size_t count = 0;
};

OutputRange side_by_side(std::vector<std::size_t> outputs, const std::string& table) {
  if (outputs.empty()) return {};
  std::sort(outputs.begin(), outputs.end());
  for (std::size_t k = 0; k < outputs.size(); ++k) {
    if (outputs[k] != outputs.front() + k) {
      throw internal_error("the features of " + table + " are not side by side in the plan");
    }
  }
  return {outputs.front(), outputs.size()};
}

void add_outputs(const OneHot& hot, std::vector<std::size_t>& outputs) {
  for (std::size_t k = 0; k < hot.categories.values.size(); ++k)
    outputs.push_back(hot.first_output + k);
  if (hot.missing_output) outputs.push_back(*hot.missing_output);
  if (hot.other_output) outputs.push_back(*hot.other_output);
}

OutputRange output_range(const ApplicationPlan& plan) {
  std::vector<std::size_t> outputs;
  for (const ApplicationPlan::Value& value : plan.values) outputs.push_back(value.output);
  for (const ApplicationPlan::Ratio& ratio : plan.ratios) outputs.push_back(ratio.output);
  for (const OneHot& hot : plan.one_hots) add_outputs(hot, outputs);
  return side_by_side(std::move(outputs), "the application");
}

OutputRange output_range(const HistoryPlan& plan) {
  std::vector<std::size_t> outputs;
  if (plan.count_output) outputs.push_back(*plan.count_output);
  for (const Scope& scope : plan.scopes) {
    for (const NumericAggregation& aggregation : scope.numeric) {
      for (const auto& output : aggregation.outputs) outputs.push_back(output.second);
    }
    for (const OneHot& hot : scope.shares) add_outputs(hot, outputs);
  }
  return side_by_side(std::move(outputs), tables::schema_of(plan.table).file_name);
}

// The application features of `applications`, into the rows of `out` from `first_row` on.
void build_application(const ApplicationPlan& plan, const tables::Table& applications,
                       std::size_t first_row, const OutputBlock& out, BuildReport* report) {
  const std::size_t rows = applications.rows();
  float* const values = out.values + first_row * out.stride;
  const auto at = [&](std::size_t row, std::size_t output) -> float& {
    return values[row * out.stride + (output - out.first)];
  };
  std::vector<std::vector<int>> slots;  // each one-hot column's slot of every row
  for (const OneHot& hot : plan.one_hots) {
    slots.push_back(row_slots(applications.column(hot.column), hot.categories));
    count_unseen(slots.back(), "application." + hot.column, report);
  }
  std::vector<FeatureColumn> columns, numerators, denominators;
  for (const ApplicationPlan::Value& value : plan.values)
    columns.emplace_back(applications, value.column);
  for (const ApplicationPlan::Ratio& ratio : plan.ratios) {
    numerators.emplace_back(applications, ratio.numerator);
    denominators.emplace_back(applications, ratio.denominator);
  }
  // Writes rows [begin, end) of every output, an output at a time.
  const auto build_rows = [&](std::size_t begin, std::size_t end) {
    for (std::size_t v = 0; v < columns.size(); ++v) {
      for (std::size_t r = begin; r < end; ++r) at(r, plan.values[v].output) = columns[v][r];
    }
    for (std::size_t q = 0; q < plan.ratios.size(); ++q) {
      for (std::size_t r = begin; r < end; ++r)
        at(r, plan.ratios[q].output) = safe_ratio(numerators[q][r], denominators[q][r]);
    }
    for (std::size_t h = 0; h < plan.one_hots.size(); ++h) {
      const OneHot& hot = plan.one_hots[h];
      for (std::size_t r = begin; r < end; ++r) {
        for (std::size_t k = 0; k < hot.categories.values.size(); ++k)
          at(r, hot.first_output + k) = 0.0f;
        if (hot.missing_output) at(r, *hot.missing_output) = 0.0f;
        if (hot.other_output) at(r, *hot.other_output) = 0.0f;
        const int slot = slots[h][r];
        if (slot >= 0) {
          at(r, hot.first_output + static_cast<std::size_t>(slot)) = 1.0f;
        } else if (slot == CategoryList::kMissingSlot && hot.missing_output) {
          at(r, *hot.missing_output) = 1.0f;
        } else if (slot == CategoryList::kOtherSlot && hot.other_output) {
          at(r, *hot.other_output) = 1.0f;
        }
      }
    }
  };
  // One range of rows per core, written a tile of rows at a time: a tile's rows stay in cache
  // while each output writes its one value of every row (they went back to memory between two
  // outputs when a core's range was written whole, an output at a time).
  constexpr std::size_t kTileRows = 64;
  parallel_ranges(rows, 2048, [&](std::size_t begin, std::size_t end) {
    for (std::size_t tile = begin; tile < end; tile += kTileRows)
      build_rows(tile, std::min(end, tile + kTileRows));
  });
}

// A scope's rows of the whole table: all, or those whose filter column holds the filter value.
std::vector<char> scope_mask(const Scope& scope, const tables::Table& table) {
  if (scope.filter_column.empty()) return {};
  const tables::Column& column = table.column(scope.filter_column);
  const std::int32_t wanted = column.code_of(scope.filter_value);
  std::vector<char> mask(table.rows());
  for (std::size_t r = 0; r < mask.size(); ++r)
    mask[r] = column.codes[r] == wanted && wanted != tables::kMissingCode;
  return mask;
}

struct PreparedShares {
  const OneHot* hot;
  std::vector<int> slots;
};

struct PreparedScope {
  const Scope* scope;
  std::vector<char> mask;
  std::vector<std::span<const float>> columns;  // one per numeric aggregation
  std::vector<Accumulator::Keeps> keeps;        // one per numeric aggregation
  std::vector<PreparedShares> shares;
};

void build_history(const HistoryPlan& plan, const tables::Dataset& history,
                   const LearnedCategories& categories, std::span<const std::int64_t> clients,
                   const OutputBlock& out, BuildReport* report) {
  const HistoryFrame frame(plan.table, history, categories);
  const tables::Table& table = frame.table();
  const tables::GroupIndex by_client(table.ids("SK_ID_CURR"));
  std::vector<PreparedScope> scopes;
  for (const Scope& scope : plan.scopes) {
    PreparedScope prepared{&scope, scope_mask(scope, table), {}, {}, {}};
    for (const NumericAggregation& aggregation : scope.numeric) {
      prepared.columns.push_back(frame.numbers(aggregation.column));
      Accumulator::Keeps& keeps = prepared.keeps.emplace_back();
      for (const auto& output : aggregation.outputs) keeps.ask(output.first);
    }
    for (const OneHot& hot : scope.shares) {
      prepared.shares.push_back({&hot, row_slots(table.column(hot.column), hot.categories)});
      count_unseen(prepared.shares.back().slots, table.schema().file_name + "." + hot.column,
                   report);
    }
    scopes.push_back(std::move(prepared));
  }
  parallel_ranges(clients.size(), 2048, [&](std::size_t begin, std::size_t end) {
    std::vector<std::uint32_t> rows;
    std::vector<double> counts;
    for (std::size_t c = begin; c < end; ++c) {
      float* const row = out.values + c * out.stride;
      auto at = [&](std::size_t output) -> float& { return row[output - out.first]; };
      const auto client_rows = by_client.rows_of(clients[c]);
      if (plan.count_output)
        at(*plan.count_output) =
            client_rows.empty() ? kMissing : static_cast<float>(client_rows.size());
      for (const PreparedScope& scope : scopes) {
        rows.clear();
        for (std::uint32_t r : client_rows) {
          if (scope.mask.empty() || scope.mask[r]) rows.push_back(r);
        }
        for (std::size_t a = 0; a < scope.columns.size(); ++a) {
          const NumericAggregation& aggregation = scope.scope->numeric[a];
          const Accumulator accumulator(scope.keeps[a], scope.columns[a], rows);
          for (const auto& [aggregate, output] : aggregation.outputs) {
            at(output) =
                rows.empty() ? kMissing : static_cast<float>(accumulator.result(aggregate));
          }
        }
        for (const PreparedShares& shares : scope.shares) {
          const OneHot& hot = *shares.hot;
          counts.assign(hot.categories.values.size() + 1, 0.0);
          for (std::uint32_t r : rows) {
            const int slot = shares.slots[r];
            if (slot >= 0) counts[static_cast<std::size_t>(slot)] += 1;
            if (slot == CategoryList::kMissingSlot) counts.back() += 1;
          }
          const double n = static_cast<double>(rows.size());
          for (std::size_t k = 0; k < hot.categories.values.size(); ++k) {
            at(hot.first_output + k) = rows.empty() ? kMissing : static_cast<float>(counts[k] / n);
          }
          if (hot.missing_output)
            at(*hot.missing_output) =
                rows.empty() ? kMissing : static_cast<float>(counts.back() / n);
        }
      }
    }
  });
  if (report != nullptr) {
    // Rows of the data set's other clients are not ignored rows; only those of no known client,
    // counted from the index: a lookup per client, not one per row.
    std::vector<std::int64_t> known(clients.begin(), clients.end());
    for (const tables::Table* applications :
         {&history.application_train, &history.application_test}) {
      if (applications->rows() > 0)
        known.insert(known.end(), applications->ids("SK_ID_CURR").begin(),
                     applications->ids("SK_ID_CURR").end());
    }
    const std::size_t ignored = table.rows() - by_client.rows_of_any(known);
    if (ignored > 0) report->ignored_history_rows[table.schema().file_name] += ignored;
  }
}

void check_unique_ids(const tables::Table& applications) {
  std::unordered_map<std::int64_t, std::size_t> first_row;
  const auto ids = applications.ids("SK_ID_CURR");
  for (std::size_t r = 0; r < ids.size(); ++r) {
    const auto [it, inserted] = first_row.emplace(ids[r], r);
    if (!inserted) {
      throw invalid_input(applications.schema().file_name + ": SK_ID_CURR " +
                          std::to_string(ids[r]) + " appears twice (lines " +
                          std::to_string(it->second + 2) + " and " + std::to_string(r + 2) + ")");
    }
  }
}

// The matrix's names, ids and targets for the rows of `applications`, its values not yet made.
FeatureMatrix matrix_head(const FeatureCatalog& catalog,
                          std::span<const tables::Table* const> applications) {
  FeatureMatrix out;
  out.names = catalog.names();
  for (const tables::Table* part : applications) {
    check_unique_ids(*part);
    const auto ids = part->ids("SK_ID_CURR");
    out.ids.insert(out.ids.end(), ids.begin(), ids.end());
    const auto target = part->schema().find("TARGET");
    if (target) {
      const auto& targets = part->column(*target).numbers;
      out.targets.insert(out.targets.end(), targets.begin(), targets.end());
    } else {
      out.targets.resize(out.ids.size(), kMissing);
    }
  }
  return out;
}

void build_applications(const ApplicationPlan& plan,
                        std::span<const tables::Table* const> applications, const OutputBlock& out,
                        BuildReport* report) {
  std::size_t first_row = 0;
  for (const tables::Table* part : applications) {
    build_application(plan, *part, first_row, out, report);
    first_row += part->rows();
  }
}

// Each part's columns: the application's (part 0), then history table h's (part h + 1).
std::vector<OutputRange> part_ranges(const FeaturePlan& plan) {
  std::vector<OutputRange> ranges{output_range(plan.application)};
  for (const HistoryPlan& history : plan.history) ranges.push_back(output_range(history));
  return ranges;
}

// The parts in the order of their columns: the matrix's blocks.
std::vector<std::size_t> in_column_order(const std::vector<OutputRange>& ranges) {
  std::vector<std::size_t> parts(ranges.size());
  std::iota(parts.begin(), parts.end(), std::size_t{0});
  std::stable_sort(parts.begin(), parts.end(),
                   [&](std::size_t a, std::size_t b) { return ranges[a].first < ranges[b].first; });
  return parts;
}

}  // namespace

FeatureMatrix FeatureBuilder::build(const tables::Table& applications,
                                    const tables::Dataset& history, BuildReport* report,
                                    const ProgressFn& progress) const {
  const tables::Table* const one[] = {&applications};
  return build(one, history, report, progress);
}

FeatureMatrix FeatureBuilder::build(std::span<const tables::Table* const> applications,
                                    const tables::Dataset& history, BuildReport* report,
                                    const ProgressFn& progress) const {
  const FeaturePlan& plan = catalog_.plan();
  FeatureMatrix out = matrix_head(catalog_, applications);
  out.values.assign(out.rows() * out.cols(), kMissing);
  build_applications(plan.application, applications, {out.values.data(), out.cols(), 0}, report);
  const std::uint64_t stages = 1 + plan.history.size();
  if (progress) progress("application", out.rows(), out.rows() * stages);
  // Each history table is indexed and derived once for all the applications' clients.
  for (std::size_t h = 0; h < plan.history.size(); ++h) {
    build_history(plan.history[h], history, catalog_.categories(), out.ids,
                  {out.values.data(), out.cols(), 0}, report);
    if (progress) {
      progress(tables::schema_of(plan.history[h].table).file_name, out.rows() * (h + 2),
               out.rows() * stages);
    }
  }
  return out;
}

FeatureBlocks FeatureBuilder::layout(std::span<const tables::Table* const> applications) const {
  FeatureMatrix head = matrix_head(catalog_, applications);
  FeatureBlocks out{std::move(head.names), std::move(head.ids), std::move(head.targets), {}};
  const std::vector<OutputRange> ranges = part_ranges(catalog_.plan());
  for (std::size_t part : in_column_order(ranges))
    out.blocks.push_back({ranges[part].first, ranges[part].count, {}});
  return out;
}

FeatureBlocks FeatureBuilder::build_and_release(std::span<const tables::Table* const> applications,
                                                tables::Dataset& history, BuildReport* report,
                                                const ProgressFn& progress) const {
  FeatureBlocks out = layout(applications);
  build_and_release(out, applications, history, report, progress, {});
  return out;
}

void FeatureBuilder::build_and_release(FeatureBlocks& matrix,
                                       std::span<const tables::Table* const> applications,
                                       tables::Dataset& history, BuildReport* report,
                                       const ProgressFn& progress, const BlockMade& made) const {
  const FeaturePlan& plan = catalog_.plan();
  const std::vector<OutputRange> ranges = part_ranges(plan);
  const std::vector<std::size_t> order = in_column_order(ranges);
  std::vector<std::size_t> block_of(order.size());
  for (std::size_t k = 0; k < order.size(); ++k) block_of[order[k]] = k;
  const std::size_t rows = matrix.rows();
  const std::uint64_t stages = 1 + plan.history.size();
  // Makes part `part`'s block with `build`, then hands it over.
  const auto make = [&](std::size_t part, const std::function<void(const OutputBlock&)>& build) {
    FeatureBlock& block = matrix.blocks[block_of[part]];
    reserve_populated_on_every_core(block.values, rows * block.count);
    block.values.resize(rows * block.count);
    build({block.values.data(), block.count, block.first});
    if (made) made(block);
  };
  std::vector<std::size_t> cells(plan.history.size());  // what each table holds
  for (std::size_t h = 0; h < plan.history.size(); ++h) {
    for (tables::TableId id : HistoryFrame::sources(plan.history[h].table))
      cells[h] += history.table(id).rows() * history.table(id).column_count();
  }
  // First the tables that give back the most memory for the room their features take, so that
  // the first builds, made while every table is held, need little room.
  std::vector<std::size_t> tables(plan.history.size());
  std::iota(tables.begin(), tables.end(), std::size_t{0});
  std::stable_sort(tables.begin(), tables.end(), [&](std::size_t a, std::size_t b) {
    return ranges[a + 1].count * cells[b] < ranges[b + 1].count * cells[a];
  });
  for (std::size_t done = 0; done < tables.size(); ++done) {
    const std::size_t h = tables[done];
    make(h + 1, [&](const OutputBlock& out) {
      build_history(plan.history[h], history, catalog_.categories(), matrix.ids, out, report);
    });
    for (tables::TableId id : HistoryFrame::sources(plan.history[h].table))
      history.table(id) = tables::empty_table(id);
    if (progress) {
      progress(tables::schema_of(plan.history[h].table).file_name, rows * (done + 1),
               rows * stages);
    }
  }
  // The application's block is larger than the gaps the history tables left: they go back to
  // the kernel first, so that it does not add to the peak.
  release_free_memory();
  make(0, [&](const OutputBlock& out) {
    build_applications(plan.application, applications, out, report);
  });
  check_blocks(matrix);
  if (progress) progress("application", rows * stages, rows * stages);
}

}  // namespace creditscore::features
