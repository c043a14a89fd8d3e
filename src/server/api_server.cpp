#include "server/api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <iostream>

#include "server/routes.h"
#include "store/run_registry.h"

namespace creditscore::server {

// cpp-httplib 0.11 listens with a backlog of 5: a burst of connections overflows it and the
// clients wait a second to retry. Listening again on the bound socket widens the queue.
class ListeningServer : public httplib::Server {
 public:
  void widen_backlog() { ::listen(svr_sock_, SOMAXCONN); }
};

namespace {

std::filesystem::path served_bundle(const std::filesystem::path& registry) {
  const auto served = store::RunRegistry(registry).served();
  if (!served) {
    throw std::runtime_error("no model is served in " + registry.string() +
                             ": give --model BUNDLE, or train one with `creditscore train`");
  }
  return served->bundle_path;
}

std::optional<std::filesystem::path> followed_registry(const ServerSettings& settings) {
  if (!settings.model.empty()) return std::nullopt;
  return settings.models / "registry.sqlite";
}

}  // namespace

ApiServer::ApiServer(const ServerSettings& settings)
    : settings_(settings),
      // A kept-alive connection holds its worker (cpp-httplib): the pool is sized for connections.
      workers_(settings.workers
                   ? settings.workers
                   : std::max<std::size_t>(64, 16 * std::thread::hardware_concurrency())) {
  const auto registry = followed_registry(settings);
  service_ = std::make_unique<Service>(registry ? served_bundle(*registry) : settings.model,
                                       settings.store, registry, settings.cached_explanations);
  http_ = std::make_unique<ListeningServer>();
  http_->new_task_queue = [this] { return new httplib::ThreadPool(workers_); };
  http_->set_payload_max_length(settings.max_body_bytes);
  http_->set_keep_alive_max_count(100);  // then the worker goes to a waiting connection
  http_->set_tcp_nodelay(true);
  router_ = std::make_unique<Router>(*http_, service_->metrics());
  add_legacy_routes(*router_, *service_);
  add_client_routes(*router_, *service_);
  add_comparison_routes(*router_, *service_);
  add_model_routes(*router_, *service_);
  add_scoring_routes(*router_, *service_);
  add_operations_routes(*router_, *service_);
  // Swagger UI from npm, when installed: the page at /docs is ours, its files are the package's.
  const bool docs = std::filesystem::is_regular_file(settings.docs / "swagger-ui-bundle.js") &&
                    http_->set_mount_point("/docs/assets", settings.docs.string());
  add_documentation_route(*router_, docs);
  if (!settings.web.empty() && !http_->set_mount_point("/", settings.web.string())) {
    throw std::runtime_error(settings.web.string() + ": no dashboard files here (not a directory)");
  }
}

ApiServer::~ApiServer() {
  stop();
  if (follower_.joinable()) follower_.join();
}

int ApiServer::bind() {
  const int port =
      settings_.port == 0
          ? http_->bind_to_any_port(settings_.host)
          : (http_->bind_to_port(settings_.host, settings_.port) ? settings_.port : -1);
  if (port < 0) {
    throw std::runtime_error("cannot listen on " + settings_.host + ":" +
                             std::to_string(settings_.port) +
                             " (address taken, or not an address of this machine)");
  }
  http_->widen_backlog();
  return port;
}

void ApiServer::run() {
  if (service_->registry()) follower_ = std::thread([this] { follow_registry(); });
  http_->listen_after_bind();
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
