// Reads a data set directory with a progress bar and prints what was read: rows, columns,
// missing share and reading speed per file, then the ids that refer to nothing.
#pragma once

#include <filesystem>
#include <ostream>

#include "tables/dataset.h"

namespace creditscore::cli {

tables::Dataset read_dataset_with_report(const std::filesystem::path& directory, std::ostream& out);

}  // namespace creditscore::cli
