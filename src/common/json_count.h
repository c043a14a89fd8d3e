// A count read from JSON (clients, rows, a histogram's bins): a whole number from 0 up. Read with
// a plain get<std::size_t>(), a number such as 1e21 would be converted from a double beyond the
// integer's range, which C++ leaves undefined; here it is a corrupt-data Error naming it.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <string>

#include "common/error.h"

namespace creditscore {

inline std::size_t json_count(const nlohmann::json& value) {
  if (!value.is_number_unsigned()) {
    throw corrupt("expected a count (a whole number from 0), found " +
                  (value.is_number() ? value.dump() : std::string(value.type_name())));
  }
  return value.get<std::size_t>();
}

}  // namespace creditscore
