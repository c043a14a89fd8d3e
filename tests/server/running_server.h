// A server on a free loopback port, on its own copy of the data every server test shares, with a
// token for each role: get() and post() call each route as the first role it admits. Under
// CREDITSCORE_TEST_BACKEND=postgresql, the copy is migrated into a throwaway PostgreSQL database
// the server is started on, as replicas are.
#pragma once

#include <gtest/gtest.h>
#include <httplib.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/access_policy.h"
#include "server/api_server.h"
#include "server/openapi.h"
#include "store/run_registry.h"
#include "store/store_migration.h"
#include "tests/support/schema_check.h"
#include "tests/support/served_data.h"
#include "tests/support/test_database.h"

namespace creditscore::server {

using testing::ServedData;

// A server on its own copy of the store and the models, so that tests may change them.
class RunningServer {
 public:
  explicit RunningServer(const std::filesystem::path& work, double reload_seconds = 2,
                         const std::filesystem::path& data = ServedData::root()) {
    std::filesystem::copy(data / "models", work / "models",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy_file(data / "clients.sqlite", work / "clients.sqlite");
    settings.port = 0;
    settings.workers = 4;
    settings.models = work / "models";
    settings.store = work / "clients.sqlite";
    if (testing::backend_under_test() == testing::Backend::PostgreSQL) {
      database_ = std::make_unique<testing::ThrowawayDatabase>();
      store::migrate_store(
          {settings.store, store::registry_file(settings.models), database_->url()});
      settings.store = settings.database = database_->url();
    }
    settings.reload_seconds = reload_seconds;
    settings.docs = work / "no-swagger-ui";  // as before `npm ci`, wherever the test runs
    store::AccessStore access(settings.store);
    for (store::Role role : store::kRoles) {
      tokens[role] =
          access.create_token("test-" + std::string(store::role_name(role)), role, std::nullopt);
    }
    start();
  }
  // Another replica of `first`: the same database and tokens, and `models` of its own, which the
  // bundles come to from the database.
  RunningServer(const RunningServer& first, const std::filesystem::path& models)
      : settings(first.settings), tokens(first.tokens) {
    settings.models = models;
    start();
  }
  ~RunningServer() { stop(); }

  void start() {
    server = std::make_unique<ApiServer>(settings);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
  }
  void stop() {
    if (!server) return;
    server->stop();
    thread.join();
    server.reset();
  }

  // The Authorization header of `role`'s token.
  httplib::Headers as(store::Role role) const {
    return {{"Authorization", "Bearer " + tokens.at(role)}};
  }
  // As the first role the route admits; without credentials on a public route.
  httplib::Headers as_allowed(const std::string& method, const std::string& path) const {
    const std::string route = path.substr(0, path.find('?'));
    for (const RouteAccess& access : route_table()) {
      const std::string pattern(access.pattern);
      if (access.method != method || !same_route(pattern, route)) continue;
      for (store::Role role : store::kRoles)
        if (access.roles.has(role)) return as(role);
      return {};
    }
    return as(store::Role::Advisor);
  }

  nlohmann::json get(const std::string& path, int expected_status = 200) {
    const auto result = client->Get(path, as_allowed("GET", path));
    return checked(result, expected_status, "get", path);
  }
  nlohmann::json post(const std::string& path, const nlohmann::json& body,
                      int expected_status = 200) {
    const auto result =
        client->Post(path, as_allowed("POST", path), body.dump(), "application/json");
    return checked(result, expected_status, "post", path);
  }
  // Every answer is checked against the schema the OpenAPI document gives for its route and
  // status; an answer of a path no route takes must be an Error.
  static nlohmann::json checked(const httplib::Result& result, int expected_status,
                                const std::string& method, const std::string& path) {
    EXPECT_TRUE(result) << path << ": no answer";
    if (!result) return nullptr;
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json") << path;
    const nlohmann::json body = nlohmann::json::parse(result->body);
    static const nlohmann::json document = openapi_document();
    const nlohmann::json schema = answer_schema(document, method, path, result->status);
    for (const std::string& violation : testing::schema_violations(body, schema, document))
      ADD_FAILURE() << method << " " << path << " " << result->status << ": " << violation;
    return body;
  }

  // The schema of the answer to `method` on `path` (its query left out) with `status`.
  static nlohmann::json answer_schema(const nlohmann::json& document, const std::string& method,
                                      const std::string& path, int status) {
    const nlohmann::json error = {{"$ref", "#/components/schemas/Error"}};
    const std::string route = path.substr(0, path.find('?'));
    for (const auto& [pattern, operations] : document["paths"].items()) {
      if (!same_route(pattern, route) || !operations.contains(method)) continue;
      const nlohmann::json& responses = operations[method]["responses"];
      const std::string code = std::to_string(status);
      if (!responses.contains(code)) {
        ADD_FAILURE() << method << " " << pattern << " answers " << code
                      << ", which the OpenAPI document does not describe";
        return error;
      }
      return responses[code]["content"]["application/json"]["schema"];
    }
    return error;
  }
  static bool same_route(const std::string& pattern, const std::string& path) {
    std::size_t p = 0, q = 0;
    while (p < pattern.size() && q < path.size()) {
      if (pattern[p] == '{') {
        p = pattern.find('}', p) + 1;
        q = std::min(path.find('/', q), path.size());
      } else if (pattern[p++] != path[q++]) {
        return false;
      }
    }
    return p == pattern.size() && q == path.size();
  }

  std::unique_ptr<testing::ThrowawayDatabase> database_;  // on PostgreSQL
  ServerSettings settings;
  std::map<store::Role, std::string> tokens;
  std::unique_ptr<ApiServer> server;
  std::thread thread;
  int port = 0;
  std::unique_ptr<httplib::Client> client;
};

}  // namespace creditscore::server
