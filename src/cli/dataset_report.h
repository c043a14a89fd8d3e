// Reads a data set directory with a progress bar and prints what was read: rows, columns,
// missing share and reading speed per file, a warning for each file that is not there, then the
// ids that refer to nothing.
#pragma once

#include <filesystem>
#include <ostream>
#include <vector>

#include "tables/dataset.h"

namespace creditscore::cli {

tables::Dataset read_dataset_with_report(const std::filesystem::path& directory, std::ostream& out,
                                         const std::vector<tables::TableId>& required = {});

}  // namespace creditscore::cli
