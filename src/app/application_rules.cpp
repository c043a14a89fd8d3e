#include "app/application_rules.h"

#include <cmath>
#include <nlohmann/json.hpp>

#include "tables/table_error.h"

namespace creditscore::app {
namespace {

// The rule `value` of `column` breaks, or nullopt.
std::optional<std::string> broken_rule(const tables::ColumnSpec& column, float value) {
  const std::string& name = column.name;
  if ((name.starts_with("AMT_") || name.starts_with("CNT_")) && value < 0)
    return "must not be negative";
  if (name.starts_with("EXT_SOURCE_") && (value < 0 || value > 1)) return "must be within [0, 1]";
  if (name == "DAYS_BIRTH" && value >= 0) return "must be negative: days before the application";
  if (column.may_hold_no_date && value > 0 && value != tables::kNoDate) {
    return "must be negative (days before the application) or 365243 (no such date)";
  }
  return std::nullopt;
}

}  // namespace

std::optional<RuleBreach> first_rule_breach(const tables::Table& applications) {
  std::vector<std::pair<const tables::ColumnSpec*, std::span<const float>>> numbers;
  for (const tables::ColumnSpec& column : applications.schema().columns) {
    if (column.kind == tables::ColumnKind::Number && column.name != "TARGET")
      numbers.emplace_back(&column, applications.numbers(column.name));
  }
  for (std::size_t r = 0; r < applications.rows(); ++r) {
    for (const auto& [column, values] : numbers) {
      if (std::isnan(values[r])) continue;
      if (auto rule = broken_rule(*column, values[r])) {
        return RuleBreach{r, column->name,
                          *rule + " (got " + nlohmann::json(values[r]).dump() + ")"};
      }
    }
  }
  return std::nullopt;
}

void check_application_file(const tables::Table& applications, const std::string& file) {
  if (const auto breach = first_rule_breach(applications))
    throw tables::TableError(file, breach->row + 2, breach->column, breach->problem);
}

}  // namespace creditscore::app
