// A short human label, in French and in English, for every column of every Home Credit table:
// what an advisor reads instead of a raw column name. Written from the official column
// descriptions (HomeCredit_columns_description.csv).
#pragma once

#include <string>
#include <string_view>

#include "tables/schema.h"

namespace creditscore::features {

struct Label {
  std::string fr;
  std::string en;
};

// The label of `column` in `table` (train and test share the application's labels). Throws
// std::out_of_range naming the column when it has none.
const Label& column_label(tables::TableId table, std::string_view column);

}  // namespace creditscore::features
