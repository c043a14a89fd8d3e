// The API's routes, by theme; each adds its own to the router. The OpenAPI document
// (openapi.cpp) describes all of them.
#pragma once

#include "server/router.h"
#include "server/service.h"

namespace creditscore::server {

// GET /predict?numeroClient=ID, the first version's answer, kept for its callers.
void add_legacy_routes(Router& router, Service& service);
// Clients: list and search, details, explanation, similar clients.
void add_client_routes(Router& router, Service& service);
// Features and comparisons: distributions by group and outcome, bivariate samples.
void add_comparison_routes(Router& router, Service& service);
// The model card, its global explanation, the runs.
void add_model_routes(Router& router, Service& service);
// Scoring posted applications, what-if on a stored client, saving a new application.
void add_scoring_routes(Router& router, Service& service);
// Health, readiness, Prometheus metrics, the OpenAPI document.
void add_operations_routes(Router& router, Service& service);

// GET /docs: Swagger UI on /openapi.json, its files under /docs/assets when `installed`.
void add_documentation_route(Router& router, bool installed);

}  // namespace creditscore::server
