// Yes/no columns (flags, one-hot categories: every value 0 or 1, none missing) learned from their
// yeses alone. XGBoost's "hist" method spends its time adding each known value of each row into a
// histogram, and a 0 of a flag is a known value: at Kaggle scale 173 of a client's 594 known
// values are such 0s. Shown as missing, they cost nothing, and XGBoost learns the very same
// splits: a yes/no column has one way to split, yeses on one side and noes on the other, and the
// noes now go the missing values' way. The model is then written back as splits on 0 and 1, so
// that what it serves and explains is a plain model of the features as they are.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/xgboost.h"

namespace creditscore::model {

// The columns of `features` (rows of `cols` floats) whose every value is 0 or 1, leaving out those
// a monotone constraint binds (one per column, or none): XGBoost orders a split's sides as below
// and above its value, and a yes on the known side below the missing noes would turn the
// constraint around. In increasing order, as the two below take them.
std::vector<std::size_t> find_yes_no_columns(std::span<const float> features, std::size_t cols,
                                             std::span<const int> monotone_constraints);

// Every 0 of `columns` becomes missing (NaN), in place.
void hide_noes(std::span<float> features, std::size_t cols, std::span<const std::size_t> columns);

// A model learned with hidden noes, rewritten to read them: each split on one of `columns` sends
// values below 0.5 (the noes) and missing ones where the noes went, and the others where the
// yeses went. Throws an internal error on a split that parts nothing, or on a malformed model.
std::string write_back_noes(std::string_view model_json, std::span<const std::size_t> columns);

}  // namespace creditscore::model
