// The French and English words for the category codes of the Home Credit tables ("Cash loans",
// "Married", "XNA"...): what an advisor reads instead of a raw code. The tables' codes are
// English; a code without a translation here is shown as it is, in both languages.
#pragma once

#include <string_view>

#include "features/column_labels.h"

namespace creditscore::features {

// The words for `code`, a value of a category column of any table.
Label category_label(std::string_view code);

}  // namespace creditscore::features
