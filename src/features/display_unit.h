// How a person reads a value, from the measure of the column it comes from (tables::Measure): a
// day count (negative days before the application, -20,000 for a 54-year-old) in years, an
// amount in the lender's currency, a share in percent, a flag as yes or no; every other value as
// it is. The catalogue gives each feature its unit (FeatureInfo::unit), which the API tells the
// dashboard, so that charts and words agree.
#pragma once

#include <string_view>

#include "tables/schema.h"

namespace creditscore::features {

enum class DisplayUnit { AsIs, Years, Amount, Share, YesNo };

// The lender's currency, in which the tables count every amount: its ISO 4217 code, which the
// API gives the dashboard, and its symbol.
inline constexpr const char* kCurrencyCode = "EUR";
inline constexpr const char* kCurrencySymbol = "€";

// The unit of a column's own values (an application field's, or a history column's).
DisplayUnit display_unit(tables::TableId table, std::string_view column);
// "as_is", "years", "amount", "share", "yes_no"
std::string_view display_unit_name(DisplayUnit unit);

// Days before the application in years, to one decimal: -20,000 days is 54.8 years.
double years_before(double days);

}  // namespace creditscore::features
