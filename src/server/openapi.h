// The OpenAPI 3 description of every route, served at /openapi.json and read by Swagger UI.
#pragma once

#include <nlohmann/json.hpp>

namespace creditscore::server {

nlohmann::json openapi_document();

}  // namespace creditscore::server
