#include "server/api_server.h"

#include <algorithm>
#include <iostream>

#include "common/error.h"
#include "common/parallel.h"
#include "server/routes.h"
#include "store/run_registry.h"

namespace creditscore::server {
namespace {

std::filesystem::path served_bundle(const std::filesystem::path& registry) {
  const auto served = store::RunRegistry(registry).served();
  if (!served) {
    throw not_found("no model is served in " + registry.string() +
                    ": give --model BUNDLE, or train one with `creditscore train`");
  }
  return served->bundle_path;
}

std::optional<std::filesystem::path> followed_registry(const ServerSettings& settings) {
  if (!settings.model.empty()) return std::nullopt;
  return store::registry_file(settings.models);
}

}  // namespace

ApiServer::ApiServer(const ServerSettings& settings)
    : settings_(settings),
      // One thread answering per core keeps every core busy; more would only take turns.
      workers_(settings.workers ? settings.workers : thread_budget()) {
  const auto registry = followed_registry(settings);
  service_ = std::make_unique<app::Service>(registry ? served_bundle(*registry) : settings.model,
                                            settings.store, registry, settings.cached_explanations);
  admission_ = std::make_unique<app::Admission>(*service_);
  metrics_.set_model(service_->model()->bundle().run_id);
  router_ = std::make_unique<Router>(metrics_, settings.max_body_bytes);
  add_legacy_routes(*router_, *service_);
  add_client_routes(*router_, *service_);
  add_comparison_routes(*router_, *service_);
  add_model_routes(*router_, *service_);
  add_scoring_routes(*router_, *admission_);
  add_operations_routes(*router_, *service_, metrics_);
  // Swagger UI from npm, when installed: the page at /docs is ours, its files are the package's.
  const bool docs = std::filesystem::is_regular_file(settings.docs / "swagger-ui-bundle.js");
  if (docs) router_->mount(StaticFiles("/docs/assets", settings.docs));
  add_documentation_route(*router_, docs);
  if (!settings.web.empty()) router_->mount(StaticFiles("/", settings.web));
  HttpListener::Settings listening{settings.host, settings.port, workers_,
                                   8 * settings.max_body_bytes};
  listening.max_waiting = settings.max_waiting;
  listening.busy = {503,
                    "application/json",
                    error_body(503,
                               "the server has more requests waiting than it can answer in "
                               "time: try again in a second")
                        .dump(),
                    {{"Retry-After", "1"}}};
  http_ = std::make_unique<HttpListener>(
      listening, [this](const HttpRequest& request) { return router_->answer(request); });
}

ApiServer::~ApiServer() {
  stop();
  if (follower_.joinable()) follower_.join();
}

int ApiServer::bind() {
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
      wanted = served_bundle(*service_->registry());
    } catch (const std::exception&) {
      continue;  // a registry being written, or emptied: the next look will tell
    }
    if (wanted == service_->bundle_path() || wanted == refused) continue;
    try {
      service_->switch_model(wanted);
      metrics_.set_model(service_->model()->bundle().run_id);
      std::cerr << "creditscore serve: now serving " << service_->model()->bundle().run_id << " ("
                << wanted.string() << ")\n";
    } catch (const std::exception& error) {
      refused = wanted;
      std::cerr << "creditscore serve: kept " << service_->model()->bundle().run_id
                << ": the promoted bundle " << wanted.string() << " is refused: " << error.what()
                << '\n';
    }
  }
}

}  // namespace creditscore::server
