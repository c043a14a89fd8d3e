// Everything held about one client, as one JSON document (GDPR Art. 15, the right of access): the
// application as given, the history (the client's rows of each history table, as posted with the
// application or read from the data set the store was built from; its summary and every feature
// built from it, by source), the scores with the models that gave them, the decisions and the
// audit records of who accessed the file.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "app/service.h"

namespace creditscore::app {

// Throws not_found when there is no client `id`.
nlohmann::json client_export(Service& service, std::int64_t id);

}  // namespace creditscore::app
