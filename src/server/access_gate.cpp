#include "server/access_gate.h"

#include "common/error.h"
#include "server/http_error.h"

namespace creditscore::server {
namespace {

const RouteAccess& access_of(const std::string& method, const std::string& pattern) {
  const RouteAccess* access = route_access(method, pattern);
  if (!access) throw internal_error("the route table has no entry for " + method + " " + pattern);
  return *access;
}

// "https://host:port" of a Referer's URL: its scheme and authority.
std::string origin_of_url(const std::string& url) {
  const std::size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  return url.substr(0, url.find('/', scheme + 3));
}

}  // namespace

bool same_origin(const HttpRequest& request) {
  const std::string sent = request.origin.empty() ? origin_of_url(request.referer) : request.origin;
  if (sent.empty() || request.host.empty()) return false;
  return sent == (request.secure ? "https://" : "http://") + request.host;
}

AccessGate::AccessGate(Authenticator& authenticator, AuditWriter& audit, bool open_predict)
    : authenticator_(authenticator), audit_(audit), open_predict_(open_predict) {}

std::optional<Caller> AccessGate::admit(const std::string& method, const std::string& pattern,
                                        const HttpRequest& request) {
  std::optional<Caller> caller = caller_of(method, pattern, request);
  ++answering_;
  return caller;
}

std::optional<Caller> AccessGate::caller_of(const std::string& method, const std::string& pattern,
                                            const HttpRequest& request) {
  const RouteAccess& access = access_of(method, pattern);
  const bool changes = method != "GET";
  if (access.is_public()) {
    // A login from another site's page would log the advisor's browser in as someone else.
    if (changes && !request.origin.empty() && !same_origin(request))
      throw HttpError(403, "this request comes from another site (Origin " + request.origin + ")");
    return std::nullopt;
  }
  const std::optional<Caller> caller = authenticator_.identify(request);
  if (!caller) {
    if (open_predict_ && pattern == "/predict") return Caller{"anonymous", store::Role::System, ""};
    throw HttpError(401,
                    "log in, or send Authorization: Bearer TOKEN (creditscore tokens create); a "
                    "session ends after 30 minutes without a request",
                    {{"WWW-Authenticate", "Bearer"}});
  }
  if (!access.roles.has(caller->role)) {
    throw HttpError(403, "the role " + std::string(store::role_name(caller->role)) +
                             " may not use " + method + " " + pattern);
  }
  if (changes && !caller->session_hash.empty() && !same_origin(request)) {
    throw HttpError(403,
                    "a change made with a session must come from the dashboard's own page "
                    "(its Origin or Referer header is missing or names another site)");
  }
  return caller;
}

void AccessGate::record(const std::string& method, const std::string& pattern,
                        const HttpRequest& request, const std::optional<Caller>& caller,
                        std::optional<std::int64_t> client_id, int status, Committed committed) {
  const bool alone = answering_-- == 1;
  if (!access_of(method, pattern).audited) return committed(nullptr);
  store::AuditRecord record;
  record.actor = caller ? caller->name : "";
  record.role = caller ? std::string(store::role_name(caller->role)) : "";
  record.address = request.peer;
  record.action = method + " " + pattern;
  record.client_id = client_id;
  record.status = status;
  audit_.write(std::move(record), std::move(committed), alone);
}

}  // namespace creditscore::server
