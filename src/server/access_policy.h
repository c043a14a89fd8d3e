// Who may call each route, in one table: public routes (health, readiness, the login, the API's
// description and the dashboard's files) take no credentials; every other route names the roles
// it admits and whether each call is written to the audit trail. A route missing from the table
// is refused to everyone: the server will not start with one (api_server.cpp).
//
//   advisor  clients, their explanations, comparisons, similar clients, what-if, new applications
//   analyst  the model card, runs, global explanation, aggregated distributions
//   admin    the audit trail, metrics and everything an analyst may
//   system   machines with a token: /predict, POST /api/v1/score, a client's score, metrics
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>

#include "store/access_store.h"

namespace creditscore::server {

// A set of roles.
class Roles {
 public:
  constexpr Roles(std::initializer_list<store::Role> roles) {
    for (store::Role role : roles) bits_ |= bit(role);
  }
  constexpr bool has(store::Role role) const { return (bits_ & bit(role)) != 0; }
  constexpr bool empty() const { return bits_ == 0; }

 private:
  static constexpr unsigned bit(store::Role role) { return 1u << static_cast<unsigned>(role); }
  unsigned bits_ = 0;
};

// "advisor, analyst": the roles in the order of store::kRoles, as the README and the API's
// documentation name them.
std::string roles_text(Roles roles);

struct RouteAccess {
  std::string_view method;
  std::string_view pattern;
  Roles roles;   // empty: public
  bool audited;  // each call is recorded before its answer is sent
  bool is_public() const { return roles.empty(); }
};

// Every route of the API.
std::span<const RouteAccess> route_table();
// The entry of `method` `pattern`, or nullptr when the table has none.
const RouteAccess* route_access(std::string_view method, std::string_view pattern);

// Who called: a person by session or a machine (or person) by token.
struct Caller {
  std::string name;
  store::Role role = store::Role::System;
  std::string session_hash;  // when the credentials were a session cookie
};

}  // namespace creditscore::server
