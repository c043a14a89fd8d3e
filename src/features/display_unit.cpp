#include "features/display_unit.h"

#include <cmath>

#include "tables/schema.h"

namespace creditscore::features {

DisplayUnit display_unit(tables::TableId table, std::string_view column) {
  const tables::TableSchema& schema = tables::schema_of(table);
  const auto index = schema.find(column);
  return index && schema.columns[*index].measure == tables::Measure::DayCount ? DisplayUnit::Years
                                                                              : DisplayUnit::AsIs;
}

DisplayUnit display_unit(const FeatureInfo& feature) {
  return display_unit(feature.table, feature.name);
}

std::string_view display_unit_name(DisplayUnit unit) {
  return unit == DisplayUnit::Years ? "years" : "as_is";
}

double years_before(double days) {
  return std::round(-days / 365.25 * 10) / 10;
}

}  // namespace creditscore::features
