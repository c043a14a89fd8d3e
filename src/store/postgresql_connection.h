// The shared backend: one libpq connection to a PostgreSQL database that several servers use.
#pragma once

#include <memory>
#include <string>

#include "store/database.h"

namespace creditscore::store {

// `url` is a postgresql:// URL; `name` is how messages show it (without the password).
std::unique_ptr<Connection> open_postgresql(const std::string& url, const std::string& name);

}  // namespace creditscore::store
