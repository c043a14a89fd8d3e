// Quality measures of probabilities against observed outcomes.
#pragma once

#include <span>

namespace creditscore::model {

// Area under the ROC curve: the probability that a random defaulter scores higher than a random
// good client, ties counting one half. labels are 0/1. Throws std::invalid_argument when the
// sizes differ or one class is absent.
double roc_auc(std::span<const double> scores, std::span<const int> labels);

}  // namespace creditscore::model
