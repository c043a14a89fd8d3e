#include "server/access_policy.h"

#include <array>

namespace creditscore::server {
namespace {

using store::Role;

constexpr Roles kPublic{};
constexpr Roles kAdvisor{Role::Advisor};
constexpr Roles kPeople{Role::Advisor, Role::Analyst, Role::Admin};
constexpr Roles kAnyone{Role::Advisor, Role::Analyst, Role::Admin, Role::System};
constexpr Roles kAnalysts{Role::Analyst, Role::Admin};
constexpr Roles kAdmin{Role::Admin};

// Advisors see the model's card and aggregates too: the client page shows where a client stands.
constexpr std::array kRoutes = {
    RouteAccess{"GET", "/healthz", kPublic, false},
    RouteAccess{"GET", "/readyz", kPublic, false},
    RouteAccess{"GET", "/openapi.json", kPublic, false},
    RouteAccess{"GET", "/docs", kPublic, false},
    RouteAccess{"GET", "/docs/init.js", kPublic, false},
    RouteAccess{"POST", "/api/v1/session", kPublic, false},
    RouteAccess{"GET", "/api/v1/session", kAnyone, false},
    RouteAccess{"DELETE", "/api/v1/session", kAnyone, false},
    RouteAccess{"GET", "/metrics", Roles{Role::Admin, Role::System}, false},
    RouteAccess{"GET", "/predict", Roles{Role::Advisor, Role::System}, true},
    RouteAccess{"POST", "/api/v1/score", Roles{Role::Advisor, Role::System}, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/score", Roles{Role::Advisor, Role::System}, true},
    RouteAccess{"GET", "/api/v1/clients", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/explanation", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/similar", kAdvisor, true},
    RouteAccess{"POST", "/api/v1/clients/{id}/what-if", kAdvisor, true},
    RouteAccess{"POST", "/api/v1/applications", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/applications", kAdvisor, true},
    RouteAccess{"POST", "/api/v1/clients/{id}/decision", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/decisions", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/letter", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/export", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/clients/{id}/recourse", kAdvisor, true},
    RouteAccess{"POST", "/api/v1/recourse", kAdvisor, true},
    RouteAccess{"GET", "/api/v1/bivariate", kPeople, true},
    RouteAccess{"GET", "/api/v1/features", kPeople, false},
    RouteAccess{"GET", "/api/v1/features/{name}/distribution", kPeople, true},
    RouteAccess{"GET", "/api/v1/model", kPeople, true},
    RouteAccess{"GET", "/api/v1/model/global", kPeople, true},
    RouteAccess{"GET", "/api/v1/model/card", kPeople, true},
    RouteAccess{"GET", "/api/v1/runs", kAnalysts, true},
    RouteAccess{"GET", "/api/v1/monitoring", kAnalysts, true},
    RouteAccess{"POST", "/api/v1/clients/{id}/outcome", kAnalysts, true},
    RouteAccess{"GET", "/api/v1/audit", kAdmin, true},
};

}  // namespace

std::string roles_text(Roles roles) {
  std::string words;
  for (store::Role role : store::kRoles) {
    if (roles.has(role)) words += (words.empty() ? "" : ", ") + std::string(store::role_name(role));
  }
  return words;
}

std::span<const RouteAccess> route_table() {
  return kRoutes;
}

const RouteAccess* route_access(std::string_view method, std::string_view pattern) {
  for (const RouteAccess& route : kRoutes)
    if (route.method == method && route.pattern == pattern) return &route;
  return nullptr;
}

}  // namespace creditscore::server
