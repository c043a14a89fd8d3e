// How a person reads a feature's value, from the measure of the application's column it is
// (tables::Measure): a day count (negative days before the application, -20,000 for a
// 54-year-old) in years, an amount in the lender's currency, a share in percent, a flag as yes
// or no; every other feature as it is. The API tells the dashboard which, so that charts and
// words agree.
#pragma once

#include <string_view>

#include "features/feature_plan.h"

namespace creditscore::features {

enum class DisplayUnit { AsIs, Years, Amount, Share, YesNo };

// The lender's currency, in which the tables count every amount.
inline constexpr const char* kCurrencySymbol = "€";

DisplayUnit display_unit(tables::TableId table, std::string_view column);
DisplayUnit display_unit(const FeatureInfo& feature);
// "as_is", "years", "amount", "share", "yes_no"
std::string_view display_unit_name(DisplayUnit unit);

// Days before the application in years, to one decimal: -20,000 days is 54.8 years.
double years_before(double days);

}  // namespace creditscore::features
