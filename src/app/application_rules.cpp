#include "app/application_rules.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "tables/table_error.h"

namespace creditscore::app {
namespace {

using tables::Measure;

constexpr float kMaxAmount = 1e10f;
constexpr float kMaxCount = 1000;
constexpr float kLifetimeDays = -36525;  // 100 years
constexpr float kAdultDays = -6574;      // 18 years
constexpr float kHistoryDays = 54787;    // 150 years
constexpr float kHistoryMonths = -1200;  // 100 years
constexpr float kMaxTally = 100000;

bool whole_within(float value, float low, float high) {
  return value >= low && value <= high && value == std::floor(value);
}

// The rule `value` of `column` breaks, or nullopt.
std::optional<std::string> broken_rule(const tables::ColumnSpec& column, float value) {
  switch (column.measure) {
    case Measure::Amount:
      if (value < 0) return "must not be negative";
      if (value > kMaxAmount) return "must be at most 1e10";
      break;
    case Measure::Count:
      if (value < 0) return "must not be negative";
      if (!whole_within(value, 0, kMaxCount)) return "must be a whole number from 0 to 1000";
      break;
    case Measure::Share:
      if (value < 0 || value > 1) return "must be within [0, 1]";
      break;
    case Measure::Flag:
      if (value != 0 && value != 1) return "must be 0 or 1";
      break;
    case Measure::DayCount:
      if (column.may_hold_no_date && value == tables::kNoDate) break;
      if (column.name == "DAYS_BIRTH") {
        if (value >= 0) return "must be negative: days before the application";
        if (value > kAdultDays || value < kLifetimeDays)
          return "must make an age from 18 to 100 years (-6574 to -36525 days)";
        break;
      }
      if (value > 0) {
        return column.may_hold_no_date
                   ? "must be negative (days before the application) or 365243 (no such date)"
                   : "must not be positive: days before the application";
      }
      if (value < kLifetimeDays) return "must be within 100 years before the application";
      break;
    case Measure::Balance:
      if (std::fabs(value) > kMaxAmount) return "must be within -1e10 and 1e10";
      break;
    case Measure::DayOffset:
      if (column.may_hold_no_date && value == tables::kNoDate) break;
      if (std::fabs(value) > kHistoryDays)
        return "must be within 150 years of the application (-54787 to 54787 days)";
      break;
    case Measure::MonthOffset:
      if (!whole_within(value, kHistoryMonths, 0))
        return "must be a whole number of months from -1200 to 0";
      break;
    case Measure::Tally:
      if (!whole_within(value, 0, kMaxTally)) return "must be a whole number from 0 to 100000";
      break;
    case Measure::Unbounded:
      break;
  }
  return std::nullopt;
}

std::string with_value(const std::string& rule, float value) {
  return rule + " (got " + nlohmann::json(value).dump() + ")";
}

}  // namespace

std::optional<RuleBreach> first_rule_breach(const tables::Table& applications) {
  const auto& columns = applications.schema().columns;
  for (std::size_t r = 0; r < applications.rows(); ++r) {
    for (std::size_t c = 0; c < columns.size(); ++c) {
      const tables::ColumnSpec& column = columns[c];
      const tables::Column& values = applications.column(c);
      const bool missing =
          column.kind == tables::ColumnKind::Category
              ? values.codes[r] == tables::kMissingCode
              : column.kind == tables::ColumnKind::Number && std::isnan(values.numbers[r]);
      if (missing) {
        if (column.required)
          return RuleBreach{r, column.name, "missing; every application gives it"};
        continue;
      }
      if (column.kind != tables::ColumnKind::Number) continue;
      if (auto rule = broken_rule(column, values.numbers[r]))
        return RuleBreach{r, column.name, with_value(*rule, values.numbers[r])};
    }
  }
  return std::nullopt;
}

void check_table_file(const tables::Table& table, const std::string& file) {
  if (const auto breach = first_rule_breach(table))
    throw tables::TableError(file, breach->row + 2, breach->column, breach->problem);
}

void check_dataset(const tables::Dataset& data, const std::filesystem::path& directory) {
  for (tables::TableId id : tables::all_tables()) {
    const tables::Table& table = data.table(id);
    check_table_file(table, (directory / table.schema().file_name).string());
  }
}

}  // namespace creditscore::app
