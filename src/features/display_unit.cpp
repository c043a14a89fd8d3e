#include "features/display_unit.h"

#include <cmath>

#include "tables/schema.h"

namespace creditscore::features {

DisplayUnit display_unit(tables::TableId table, std::string_view column) {
  const tables::TableSchema& schema = tables::schema_of(table);
  const auto index = schema.find(column);
  if (!index) return DisplayUnit::AsIs;
  switch (schema.columns[*index].measure) {
    case tables::Measure::DayCount:
      return DisplayUnit::Years;
    case tables::Measure::Amount:
    case tables::Measure::Balance:
      return DisplayUnit::Amount;
    case tables::Measure::Share:
      return DisplayUnit::Share;
    case tables::Measure::Flag:
      return DisplayUnit::YesNo;
    default:
      return DisplayUnit::AsIs;
  }
}

std::string_view display_unit_name(DisplayUnit unit) {
  switch (unit) {
    case DisplayUnit::Years:
      return "years";
    case DisplayUnit::Amount:
      return "amount";
    case DisplayUnit::Share:
      return "share";
    case DisplayUnit::YesNo:
      return "yes_no";
    case DisplayUnit::AsIs:
      break;
  }
  return "as_is";
}

double years_before(double days) {
  return std::round(-days / 365.25 * 10) / 10;
}

}  // namespace creditscore::features
