// The tables printed when training ends: the model's out-of-fold quality beside the oracle's
// (on generated data), the decision threshold and its business cost, the folds and the search.
#pragma once

#include <optional>
#include <ostream>

#include "model/evaluation.h"
#include "model/trainer.h"

namespace creditscore::cli {

void print_training_report(std::ostream& out, const model::TrainingResult& result,
                           const std::optional<model::Evaluation>& oracle);

}  // namespace creditscore::cli
