// How a person reads a feature's value. The application's day counts (tables::Measure::DayCount:
// negative days before the application, -20,000 for a 54-year-old) are read in years; every
// other feature as it is. The API tells the dashboard which, so that charts and words agree.
#pragma once

#include <string_view>

#include "features/feature_plan.h"

namespace creditscore::features {

enum class DisplayUnit { AsIs, Years };

DisplayUnit display_unit(tables::TableId table, std::string_view column);
DisplayUnit display_unit(const FeatureInfo& feature);
std::string_view display_unit_name(DisplayUnit unit);  // "as_is", "years"

// Days before the application in years, to one decimal: -20,000 days is 54.8 years.
double years_before(double days);

}  // namespace creditscore::features
