// The embedded backend: one SQLite file in WAL mode, the product's default.
#pragma once

#include <filesystem>
#include <memory>

#include "store/database.h"

namespace creditscore::store {

std::unique_ptr<Connection> open_sqlite(const std::filesystem::path& file);

}  // namespace creditscore::store
