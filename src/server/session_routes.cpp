// The dashboard's logins: POST /api/v1/session with {"user", "password"} sets the session cookie
// (HttpOnly, SameSite=Strict, Secure under TLS), GET says who is logged in (or which token
// calls), DELETE logs out. Each login, failed or not, and each logout is in the audit trail.
#include "features/display_unit.h"
#include "server/audit_writer.h"
#include "server/authenticator.h"
#include "server/http_error.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

std::string session_cookie(const std::string& value, std::int64_t max_age, bool secure) {
  return std::string(kSessionCookie) + "=" + value +
         "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age) +
         (secure ? "; Secure" : "");
}

std::string text_field(const json& body, const char* name) {
  if (!body.is_object() || !body.contains(name) || !body[name].is_string())
    throw invalid_input(std::string("expected {\"user\": \"...\", \"password\": \"...\"}: ") +
                        name + " is missing or not text");
  return body[name].get<std::string>();
}

json who(const Caller& caller) {
  return {{"user", caller.name},
          {"role", store::role_name(caller.role)},
          {"by", caller.session_hash.empty() ? "token" : "session"},
          {"currency", features::kCurrencyCode}};
}

store::AuditRecord login_record(const std::string& user, const HttpRequest& http,
                                const std::string& action, int status) {
  store::AuditRecord record;
  record.actor = user;
  record.address = http.peer;
  record.action = action;
  record.status = status;
  return record;
}

}  // namespace

void add_session_routes(Router& router, Authenticator& authenticator, AuditWriter& audit) {
  router.post("/api/v1/session", [&](const Request& request) {
    const json body = request.json_body();
    const std::string user = text_field(body, "user");
    const std::string password = text_field(body, "password");
    const HttpRequest& http = request.http();
    try {
      const Authenticator::Login login = authenticator.login(user, password, http.peer);
      store::AuditRecord record = login_record(user, http, "login", 200);
      record.role = store::role_name(login.caller.role);
      audit.write(std::move(record));
      Reply reply(who(login.caller));
      reply.body["expires_at"] = login.expires_at;
      reply.headers.emplace_back(
          "Set-Cookie",
          session_cookie(login.secret, authenticator.settings().session_lifetime.count(),
                         http.secure));
      return reply;
    } catch (const HttpError& refusal) {
      audit.write(login_record(user, http, "login refused", refusal.status()));
      throw;
    }
  });

  router.get("/api/v1/session",
             [](const Request& request) { return Reply(who(*request.caller())); });

  router.del("/api/v1/session", [&](const Request& request) {
    const Caller& caller = *request.caller();
    authenticator.logout(caller);
    store::AuditRecord record = login_record(caller.name, request.http(), "logout", 200);
    record.role = store::role_name(caller.role);
    audit.write(std::move(record));
    Reply reply(json{{"status", "logged out"}});
    reply.headers.emplace_back("Set-Cookie", session_cookie("", 0, request.http().secure));
    return reply;
  });
}

}  // namespace creditscore::server
