// Who may see a client, on the real server: every route of the OpenAPI document as nobody, as each
// role and as the right one; sessions, their cookie, expiry and the Origin check; disabled users
// and revoked tokens; throttled logins; the audit trail's records; the browser's security headers.
#include <gtest/gtest.h>

#include <thread>

#include "store/audit_trail.h"
#include "tests/server/running_server.h"
#include "tests/support/bad_applications.h"

namespace creditscore::server {
namespace {

using nlohmann::json;
using store::Role;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

constexpr const char* kPassword = "correct horse battery";

class AccessControlTest : public ::testing::Test {
 protected:
  explicit AccessControlTest(Authenticator::Settings sessions = {}) {
    server_.stop();
    store::AccessStore(server_.settings.store).add_user("ada", Role::Advisor, kPassword);
    server_.settings.sessions = sessions;
    server_.settings.docs =
        std::filesystem::path(CREDITSCORE_SOURCE_DIR) / "web/node_modules/swagger-ui-dist";
    server_.start();
  }

  // The Origin of pages this server sends.
  std::string own_origin() const { return "http://127.0.0.1:" + std::to_string(server_.port); }

  httplib::Result login(const std::string& user, const std::string& password) {
    return server_.client->Post(
        "/api/v1/session", json{{"user", user}, {"password", password}}.dump(), "application/json");
  }
  // The session cookie a successful login sets, as a Cookie header.
  httplib::Headers logged_in() {
    const auto answer = login("ada", kPassword);
    EXPECT_TRUE(answer && answer->status == 200);
    if (!answer) return {};
    const std::string cookie = answer->get_header_value("Set-Cookie");
    return {{"Cookie", cookie.substr(0, cookie.find(';'))}};
  }
  static httplib::Headers with(httplib::Headers headers, const std::string& name,
                               const std::string& value) {
    headers.emplace(name, value);
    return headers;
  }
  std::int64_t client_id() {
    return server_.get("/api/v1/clients?limit=1")["clients"][0]["id"].get<std::int64_t>();
  }
  std::vector<store::AuditRecord> records(const store::AuditQuery& query) {
    server_.server->flush_audit();
    return store::AuditTrail(server_.settings.store).find(query);
  }

  const testing::TemporaryDirectory work_{"access"};
  RunningServer server_{work_.path()};
};

// One call per operation of the OpenAPI document, with real path values and a valid body.
struct Call {
  std::string method;
  std::string path;
  std::string body;
  std::string pattern;
};

std::vector<Call> every_operation(std::int64_t id) {
  std::vector<Call> calls;
  const json document = openapi_document();
  for (const auto& [pattern, operations] : document["paths"].items()) {
    std::string path = pattern;
    if (const auto at = path.find("{id}"); at != std::string::npos)
      path.replace(at, 4, std::to_string(id));
    if (const auto at = path.find("{name}"); at != std::string::npos)
      path.replace(at, 6, "EXT_SOURCE_2");
    if (path == "/predict") path += "?numeroClient=" + std::to_string(id);
    if (path == "/api/v1/bivariate") path += "?x=EXT_SOURCE_2&y=EXT_SOURCE_3";
    for (const auto& [method, operation] : operations.items()) {
      std::string body;
      if (pattern == "/api/v1/session")
        body = json{{"user", "ada"}, {"password", kPassword}}.dump();
      if (pattern == "/api/v1/score" || pattern == "/api/v1/applications" ||
          pattern == "/api/v1/recourse")
        body = json{{"application", testing::complete_application()}}.dump();
      if (pattern.ends_with("/what-if")) body = json{{"changes", {{"AMT_CREDIT", 100000}}}}.dump();
      if (pattern.ends_with("/outcome")) body = json{{"outcome", "repaid"}}.dump();
      if (pattern.ends_with("/decision"))
        body = json{{"decision", "refused"}, {"comment", "Refus confirmé après entretien."}}.dump();
      calls.push_back({method, path, body, pattern});
    }
  }
  return calls;
}

httplib::Result send(httplib::Client& client, const Call& call, const httplib::Headers& headers) {
  if (call.method == "get") return client.Get(call.path, headers);
  if (call.method == "delete") return client.Delete(call.path, headers);
  return client.Post(call.path, headers, call.body, "application/json");
}

TEST_F(AccessControlTest, EveryRouteAnswersNobody401AWrongRole403AndTheRightRoleItsAnswer) {
  // A new application, which every client route (decisions too) takes.
  const std::vector<Call> calls = every_operation(
      server_.get("/api/v1/applications?limit=1")["applications"][0]["id"].get<std::int64_t>());
  ASSERT_GT(calls.size(), 20u);
  for (const Call& call : calls) {
    std::string method = call.method;
    for (char& c : method) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    const RouteAccess* access = route_access(method, call.pattern);
    ASSERT_TRUE(access) << method << " " << call.pattern << " is not in the route table";
    const int success = call.method == "post" && (call.pattern == "/api/v1/applications" ||
                                                  call.pattern == "/api/v1/clients/{id}/decision")
                            ? 201
                            : 200;
    const auto anonymous = send(*server_.client, call, {});
    ASSERT_TRUE(anonymous) << call.path;
    EXPECT_EQ(anonymous->status, access->is_public() ? success : 401)
        << method << " " << call.path << ": " << anonymous->body;
    for (Role role : store::kRoles) {
      const auto answer = send(*server_.client, call, server_.as(role));
      ASSERT_TRUE(answer) << call.path;
      const bool allowed = access->is_public() || access->roles.has(role);
      EXPECT_EQ(answer->status, allowed ? success : 403)
          << method << " " << call.path << " as " << store::role_name(role) << ": " << answer->body;
    }
  }
  // And no route the server takes is missing from the document.
  for (const RouteAccess& access : route_table()) {
    if (access.pattern.starts_with("/docs")) continue;  // the documentation page itself
    const bool described = std::ranges::any_of(
        calls, [&](const Call& call) { return call.pattern == access.pattern; });
    EXPECT_TRUE(described) << access.pattern << " is not in the OpenAPI document";
  }
}

TEST_F(AccessControlTest, ASessionCookieIsHttpOnlyStrictAndItsChangesMustComeFromThisSite) {
  const auto answer = login("ada", kPassword);
  ASSERT_TRUE(answer);
  const json opened = RunningServer::checked(answer, 200, "post", "/api/v1/session");
  EXPECT_EQ(opened["user"], "ada");
  EXPECT_EQ(opened["role"], "advisor");
  EXPECT_EQ(opened["currency"], "EUR");  // of every amount the dashboard writes
  const std::string cookie = answer->get_header_value("Set-Cookie");
  for (const char* part :
       {"creditscore_session=", "; Path=/", "; HttpOnly", "; SameSite=Strict", "; Max-Age=43200"})
    EXPECT_NE(cookie.find(part), std::string::npos) << part << " in " << cookie;
  EXPECT_EQ(cookie.find("Secure"), std::string::npos) << "no TLS here: " << cookie;
  const httplib::Headers session = {{"Cookie", cookie.substr(0, cookie.find(';'))}};

  const auto who = server_.client->Get("/api/v1/session", session);
  EXPECT_EQ(RunningServer::checked(who, 200, "get", "/api/v1/session")["by"], "session");
  const std::string id = std::to_string(client_id());
  EXPECT_EQ(server_.client->Get("/api/v1/clients/" + id, session)->status, 200);

  const std::string what_if = "/api/v1/clients/" + id + "/what-if";
  const std::string changes = json{{"changes", {{"AMT_CREDIT", 100000}}}}.dump();
  const auto bare = server_.client->Post(what_if, session, changes, "application/json");
  EXPECT_EQ(bare->status, 403) << "a change with a session and no Origin";
  const auto foreign = server_.client->Post(what_if, with(session, "Origin", "http://evil.example"),
                                            changes, "application/json");
  EXPECT_EQ(foreign->status, 403) << foreign->body;
  const auto own = server_.client->Post(what_if, with(session, "Origin", own_origin()), changes,
                                        "application/json");
  EXPECT_EQ(own->status, 200) << own->body;
  const auto referred =
      server_.client->Post(what_if, with(session, "Referer", own_origin() + "/clients/" + id),
                           changes, "application/json");
  EXPECT_EQ(referred->status, 200) << "the Referer, when there is no Origin";
  const auto from_elsewhere = server_.client->Post(
      "/api/v1/session", {{"Origin", "http://evil.example"}},
      json{{"user", "ada"}, {"password", kPassword}}.dump(), "application/json");
  EXPECT_EQ(from_elsewhere->status, 403) << "a login from another site's page";

  const auto out = server_.client->Delete("/api/v1/session", with(session, "Origin", own_origin()));
  EXPECT_EQ(RunningServer::checked(out, 200, "delete", "/api/v1/session")["status"], "logged out");
  EXPECT_NE(out->get_header_value("Set-Cookie").find("Max-Age=0"), std::string::npos);
  EXPECT_EQ(server_.client->Get("/api/v1/clients/" + id, session)->status, 401);
}

TEST_F(AccessControlTest, ADisabledUserOrARevokedTokenIsRefusedAtOnce) {
  const httplib::Headers session = logged_in();
  EXPECT_EQ(server_.client->Get("/api/v1/clients?limit=1", session)->status, 200);
  store::AccessStore(server_.settings.store).disable_user("ada");  // as `users disable` would
  EXPECT_EQ(server_.client->Get("/api/v1/clients?limit=1", session)->status, 401);
  EXPECT_EQ(login("ada", kPassword)->status, 401);

  const httplib::Headers machine = server_.as(Role::System);
  const std::string path = "/api/v1/clients/" + std::to_string(client_id()) + "/score";
  EXPECT_EQ(server_.client->Get(path, machine)->status, 200);
  store::AccessStore(server_.settings.store).revoke_token("test-system");
  const auto revoked = server_.client->Get(path, machine);
  EXPECT_EQ(revoked->status, 401);
  EXPECT_EQ(revoked->get_header_value("WWW-Authenticate"), "Bearer");
}

TEST_F(AccessControlTest, WrongPasswordsAndUnknownNamesGetTheSameAnswerThenAreThrottled) {
  const auto unknown = login("nobody", "whatever it is");
  const auto wrong = login("ada", "not the password");
  ASSERT_TRUE(unknown && wrong);
  EXPECT_EQ(unknown->status, 401);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_EQ(unknown->body, wrong->body);
  for (int attempt = 0; attempt < 3; ++attempt) EXPECT_EQ(login("ada", "guess")->status, 401);
  // Five failures from this address within 15 minutes: even the right password waits now.
  const auto throttled = login("ada", kPassword);
  EXPECT_EQ(RunningServer::checked(throttled, 429, "post", "/api/v1/session")["error"],
            "too many requests");
  const std::string retry = throttled->get_header_value("Retry-After");
  ASSERT_FALSE(retry.empty());
  const int retry_after = std::stoi(retry);
  EXPECT_GT(retry_after, 800);
  EXPECT_LE(retry_after, 900);
  // Tokens are not throttled.
  EXPECT_EQ(server_.client->Get("/api/v1/runs", server_.as(Role::Analyst))->status, 200);
}

TEST_F(AccessControlTest, EveryAccessToAClientIsRecordedAndAdminsPageTheTrail) {
  const std::int64_t id = client_id();
  server_.get("/api/v1/clients/" + std::to_string(id) + "/explanation");
  login("ada", "not the password");
  const auto answer =
      server_.client->Get("/api/v1/audit?client=" + std::to_string(id), server_.as(Role::Admin));
  const json page = RunningServer::checked(answer, 200, "get", "/api/v1/audit");
  ASSERT_EQ(page["total"], 1) << page;
  const json& record = page["records"][0];
  EXPECT_EQ(record["actor"], "test-advisor");
  EXPECT_EQ(record["role"], "advisor");
  EXPECT_EQ(record["address"], "127.0.0.1");
  EXPECT_EQ(record["action"], "GET /api/v1/clients/{id}/explanation");
  EXPECT_EQ(record["status"], 200);

  store::AuditQuery refused;
  refused.actor = "ada";
  const auto logins = records(refused);
  ASSERT_EQ(logins.size(), 1u);
  EXPECT_EQ(logins[0].action, "login refused");
  EXPECT_EQ(logins[0].status, 401);

  EXPECT_EQ(server_.client->Get("/api/v1/audit", server_.as(Role::Analyst))->status, 403);
  const auto bad_date =
      server_.client->Get("/api/v1/audit?since=yesterday", server_.as(Role::Admin));
  EXPECT_EQ(RunningServer::checked(bad_date, 422, "get", "/api/v1/audit")["detail"],
            "since 'yesterday': expected a date YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
  server_.server->flush_audit();
  EXPECT_TRUE(store::AuditTrail(server_.settings.store).verify().intact);
}

TEST_F(AccessControlTest, EveryAnswerCarriesTheBrowsersSecurityHeaders) {
  for (const auto& [path, headers] : std::vector<std::pair<std::string, httplib::Headers>>{
           {"/healthz", {}},
           {"/api/v1/clients", {}},
           {"/no/such/file", {}},
           {"/docs", {}},
           {"/api/v1/model", server_.as(Role::Analyst)}}) {
    const auto answer = server_.client->Get(path, headers);
    ASSERT_TRUE(answer) << path;
    const std::string policy = answer->get_header_value("Content-Security-Policy");
    EXPECT_NE(policy.find("script-src 'self';"), std::string::npos) << path << ": " << policy;
    EXPECT_NE(policy.find("frame-ancestors 'none'"), std::string::npos) << path;
    EXPECT_EQ(answer->get_header_value("X-Content-Type-Options"), "nosniff") << path;
    EXPECT_EQ(answer->get_header_value("Referrer-Policy"), "no-referrer") << path;
  }
}

TEST_F(AccessControlTest, OpenPredictTakesCallersWithoutCredentialsAndStillRecordsThem) {
  const std::string predict = "/predict?numeroClient=" + std::to_string(client_id());
  EXPECT_EQ(server_.client->Get(predict)->status, 401);
  server_.stop();
  server_.settings.open_predict = true;
  server_.start();
  EXPECT_EQ(server_.client->Get(predict)->status, 200);
  EXPECT_EQ(server_.client->Get("/api/v1/clients")->status, 401) << "only /predict is open";
  store::AuditQuery anonymous;
  anonymous.actor = "anonymous";
  const auto found = records(anonymous);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].action, "GET /predict");
}

TEST_F(AccessControlTest, ListeningBeyondLoopbackWithoutTlsIsRefusedUnlessAllowed) {
  server_.stop();  // one server at a time on an SQLite store
  ServerSettings elsewhere = server_.settings;
  elsewhere.host = "0.0.0.0";
  {
    ApiServer refused(elsewhere);
    try {
      refused.bind();
      ADD_FAILURE() << "bound 0.0.0.0 without TLS";
    } catch (const std::exception& error) {
      EXPECT_NE(std::string(error.what()).find("--allow-plain-http"), std::string::npos)
          << error.what();
    }
  }
  elsewhere.allow_plain_http = true;
  ApiServer allowed(elsewhere);
  EXPECT_GT(allowed.bind(), 0);
}

TEST_F(AccessControlTest, RecordsOlderThanTheRetentionArePrunedAtStartAndTheChainStillVerifies) {
  server_.stop();
  {
    store::AuditTrail trail(server_.settings.store);
    store::AuditRecord old;
    old.at = "2001-01-01T00:00:00.000Z";
    old.actor = "long-gone";
    old.action = "GET /api/v1/clients";
    trail.append(old);
  }
  server_.settings.audit_retention_days = 365;
  server_.start();
  server_.get("/api/v1/clients?limit=1");
  store::AuditQuery gone;
  gone.actor = "long-gone";
  EXPECT_TRUE(records(gone).empty());
  EXPECT_EQ(records({}).size(), 1u) << "the request after the start";
  EXPECT_TRUE(store::AuditTrail(server_.settings.store).verify().intact);
}

class ShortSessionTest : public AccessControlTest {
 protected:
  ShortSessionTest() : AccessControlTest({std::chrono::seconds(1), std::chrono::hours(12)}) {}
};

TEST_F(ShortSessionTest, IdleSessionsAndExpiredTokensAreRefused) {
  const httplib::Headers session = logged_in();
  // Whole seconds: the token lives 2 to 3 seconds, time enough for the first calls under load.
  const std::int64_t expires = store::unix_now() + 3;
  const std::string token =
      store::AccessStore(server_.settings.store).create_token("brief", Role::System, expires);
  const httplib::Headers machine = {{"Authorization", "Bearer " + token}};
  const std::string path = "/api/v1/clients/" + std::to_string(client_id()) + "/score";
  EXPECT_EQ(server_.client->Get(path, session)->status, 200);
  EXPECT_EQ(server_.client->Get(path, machine)->status, 200);
  std::this_thread::sleep_for(std::chrono::milliseconds(3500));
  EXPECT_EQ(server_.client->Get(path, session)->status, 401) << "idle for more than a second";
  EXPECT_EQ(server_.client->Get(path, machine)->status, 401) << "the token expired";
}

}  // namespace
}  // namespace creditscore::server
