// Scoring data beside the history tables its model learned from. A lender may lack a table (no card
// business), and a caller may send a client without history: the features of a table that is not
// there count as missing, which the person or system asking for the score should be told.
#pragma once

#include <string>
#include <vector>

#include "tables/dataset.h"

namespace creditscore::app {

// At most two warnings: the history tables the model learned from that `data` lacks, and those
// it holds rows of that the model learned without (those rows change no score). None when the
// data covers what the model learned from.
std::vector<std::string> coverage_warnings(const std::vector<tables::TableId>& learned_from,
                                           const tables::Dataset& data);

}  // namespace creditscore::app
