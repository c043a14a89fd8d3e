// The API's routes, by theme; each adds its own to the router. A handler reads the request, calls
// one use case of app/ and writes its answer as JSON (json_views.h). The OpenAPI document
// (openapi.cpp) describes all of them.
#pragma once

#include <filesystem>

#include "app/admission.h"
#include "app/service.h"
#include "server/audit_writer.h"
#include "server/authenticator.h"
#include "server/metrics.h"
#include "server/router.h"

namespace creditscore::server {

// GET /predict?numeroClient=ID, the first version's answer, kept for its callers.
void add_legacy_routes(Router& router, app::Service& service);
// Clients: list and search, details, explanation, similar clients.
void add_client_routes(Router& router, app::Service& service);
// Decisions, the worklist, the client's letter and export (decision_routes.cpp).
void add_decision_routes(Router& router, app::Service& service, AuditWriter& audit);
// What would change the decision: for a stored client, for a posted application.
void add_recourse_routes(Router& router, app::Service& service);
void add_monitoring_routes(Router& router, app::Service& service);
// Features and comparisons: distributions by group and outcome, bivariate samples.
void add_comparison_routes(Router& router, app::Service& service);
// The model card, its global explanation, the runs.
void add_model_routes(Router& router, app::Service& service);
// Scoring posted applications, what-if on a stored client, saving a new application.
void add_scoring_routes(Router& router, app::Admission& admission);
// Health, readiness, Prometheus metrics, the OpenAPI document.
void add_operations_routes(Router& router, app::Service& service, Metrics& metrics);

// Logging in and out of the dashboard, and who is logged in.
void add_session_routes(Router& router, Authenticator& authenticator, AuditWriter& audit);
// The audit trail of the store at `store`, for admins.
void add_audit_routes(Router& router, const std::filesystem::path& store, AuditWriter& audit);

// GET /docs: Swagger UI on /openapi.json, its files under /docs/assets when `installed`.
void add_documentation_route(Router& router, bool installed);

}  // namespace creditscore::server
