#include "server/api_server.h"

#include <algorithm>
#include <iostream>

#include "common/error.h"
#include "common/parallel.h"
#include "server/routes.h"
#include "store/run_registry.h"

namespace creditscore::server {
namespace {

// The served run's bundle, fetched into `models` from a shared database that holds it.
std::filesystem::path served_bundle(const std::filesystem::path& registry,
                                    const std::filesystem::path& models) {
  store::RunRegistry runs(registry);
  const auto served = runs.served();
  if (!served) {
    throw not_found("no model is served in " + store::display_name(registry) +
                    ": give --model BUNDLE, or train one with `creditscore train`");
  }
  return runs.bundle_directory(*served, models);
}

std::optional<std::filesystem::path> followed_registry(const ServerSettings& settings) {
  if (!settings.model.empty()) return std::nullopt;
  return store::registry_location(settings.models, settings.database);
}

// What every answer carries for the browser: no script but the dashboard's own files, no framing,
// no guessing of types, no address leaked to other sites.
void add_security_headers(HttpResponse& response, bool tls) {
  response.headers.emplace_back(
      "Content-Security-Policy",
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' "
      "data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'");
  response.headers.emplace_back("X-Content-Type-Options", "nosniff");
  response.headers.emplace_back("Referrer-Policy", "no-referrer");
  response.headers.emplace_back("X-Frame-Options", "DENY");
  // Once a browser has come over HTTPS, it never tries plain HTTP here for a year.
  if (tls) response.headers.emplace_back("Strict-Transport-Security", "max-age=31536000");
}

// A route the table does not know would be refused to everyone: said at start, not at the call.
void check_route_table(const Router& router) {
  for (const auto& [method, pattern] : router.routes()) {
    if (!route_access(method, pattern))
      throw internal_error("the route table (access_policy.cpp) has no entry for " + method + " " +
                           pattern);
  }
}

}  // namespace

ApiServer::ApiServer(const ServerSettings& settings)
    : settings_(settings),
      // One thread answering per core keeps every core busy; more would only take turns.
      workers_(settings.workers ? settings.workers : thread_budget()) {
  const auto registry = followed_registry(settings);
  const std::filesystem::path& store =
      settings.database.empty() ? settings.store : settings.database;
  service_ = std::make_unique<app::Service>(
      registry ? served_bundle(*registry, settings.models) : settings.model, store, registry,
      settings.cached_explanations);
  admission_ = std::make_unique<app::Admission>(*service_);
  metrics_.set_model(service_->model()->bundle().run_id);
  authenticator_ = std::make_unique<Authenticator>(store, settings.sessions);
  audit_ = std::make_unique<AuditWriter>(store, settings.audit_retention_days);
  gate_ = std::make_unique<AccessGate>(*authenticator_, *audit_, settings.open_predict);
  router_ = std::make_unique<Router>(metrics_, settings.max_body_bytes);
  router_->guard(*gate_);
  add_session_routes(*router_, *authenticator_, *audit_);
  add_audit_routes(*router_, store, *audit_);
  add_legacy_routes(*router_, *service_);
  add_client_routes(*router_, *service_);
  add_decision_routes(*router_, *service_, *audit_);
  add_recourse_routes(*router_, *service_);
  add_monitoring_routes(*router_, *service_);
  add_comparison_routes(*router_, *service_);
  add_model_routes(*router_, *service_);
  add_scoring_routes(*router_, *admission_);
  add_operations_routes(*router_, *service_, metrics_);
  // Swagger UI from npm, when installed: the page at /docs is ours, its files are the package's.
  const bool docs = std::filesystem::is_regular_file(settings.docs / "swagger-ui-bundle.js");
  if (docs) router_->mount(StaticFiles("/docs/assets", settings.docs));
  add_documentation_route(*router_, docs);
  check_route_table(*router_);
  if (!settings.web.empty()) router_->mount(StaticFiles("/", settings.web));
  HttpListener::Settings listening;
  listening.host = settings.host;
  listening.port = settings.port;
  listening.threads = workers_;
  listening.max_read_bytes = 8 * settings.max_body_bytes;
  listening.max_waiting = settings.max_waiting;
  listening.trusted_proxies = settings.trusted_proxies;
  listening.tls_certificate = settings.tls_cert;
  listening.tls_key = settings.tls_key;
  listening.busy = {503,
                    "application/json",
                    error_body(503,
                               "the server has more requests waiting than it can answer in "
                               "time: try again in a second")
                        .dump(),
                    {{"Retry-After", "1"}}};
  http_ = std::make_unique<HttpListener>(
      listening,
      HttpListener::AsyncAnswer([this](const HttpRequest& request, HttpListener::Respond respond) {
        router_->answer(request, [this, respond = std::move(respond)](HttpResponse response) {
          add_security_headers(response, !settings_.tls_cert.empty());
          respond(std::move(response));
        });
      }));
}

ApiServer::~ApiServer() {
  stop();
  if (follower_.joinable()) follower_.join();
  // Before the listener: the answers still waiting for their records are sent while it is there.
  audit_.reset();
}

int ApiServer::bind() {
  const std::string& host = settings_.host;
  const bool loopback = host == "localhost" || host == "::1" || host.starts_with("127.");
  if (!loopback && settings_.tls_cert.empty() && !settings_.allow_plain_http) {
    throw invalid_input("listening on " + host +
                        " would send passwords and clients' data in clear: give --tls-cert and "
                        "--tls-key, or listen on 127.0.0.1 behind a proxy that terminates TLS, or "
                        "give --allow-plain-http");
  }
  return http_->bind();
}

void ApiServer::run() {
  if (service_->registry()) follower_ = std::thread([this] { follow_registry(); });
  http_->run();
}

void ApiServer::stop() {
  {
    const std::lock_guard hold(stop_lock_);
    stopped_ = true;
  }
  stopping_.notify_all();
  http_->stop();
}

void ApiServer::record_switch(const std::string& action, const std::string& detail) {
  std::cerr << "creditscore serve: " << detail << '\n';
  store::AuditRecord record;
  record.actor = "registry";
  record.role = "system";
  record.action = action;
  record.detail = detail;
  try {
    audit_->write(std::move(record));
  } catch (const std::exception& error) {
    std::cerr << "creditscore serve: the audit trail could not record it: " << error.what() << '\n';
  }
}

void ApiServer::follow_registry() {
  const auto period = std::chrono::duration<double>(settings_.reload_seconds);
  std::filesystem::path refused;
  for (;;) {
    {
      std::unique_lock hold(stop_lock_);
      if (stopping_.wait_for(hold, period, [this] { return stopped_; })) return;
    }
    std::filesystem::path wanted;
    try {
      wanted = served_bundle(*service_->registry(), settings_.models);
    } catch (const std::exception&) {
      continue;  // a registry being written, or emptied: the next look will tell
    }
    if (wanted == service_->bundle_path() || wanted == refused) continue;
    try {
      service_->switch_model(wanted);
      metrics_.set_model(service_->model()->bundle().run_id);
      record_switch("model switched", "now serving " + service_->model()->bundle().run_id + " (" +
                                          wanted.string() + "), as the registry says");
    } catch (const std::exception& error) {
      refused = wanted;
      record_switch("model refused", "kept " + service_->model()->bundle().run_id +
                                         ": the promoted bundle " + wanted.string() +
                                         " is refused: " + error.what());
    }
  }
}

}  // namespace creditscore::server
