// The HTTP server: the API's routes and the dashboard's files on one port, a pool of threads
// sized to the machine, keep-alive, a body size limit, a bound on the requests waiting, and the
// live model following the run registry's promotions (checked every few seconds; a broken bundle is
// refused and the old model serves on). Every route but the public ones takes credentials (a
// session or a token) of a role the route table admits, every personal-data call is in the audit
// trail before its answer leaves, and every answer carries the browser's security headers.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "app/admission.h"
#include "app/service.h"
#include "server/access_gate.h"
#include "server/audit_writer.h"
#include "server/authenticator.h"
#include "server/http_listener.h"
#include "server/metrics.h"
#include "server/router.h"

namespace creditscore::server {

struct ServerSettings {
  std::string host = "127.0.0.1";
  int port = 8080;              // 0: any free port
  std::size_t workers = 0;      // threads serving; 0: one per core
  std::filesystem::path model;  // a bundle; empty: the registry's served run
  std::filesystem::path models = "models";
  std::filesystem::path store = "clients.sqlite";
  // A PostgreSQL URL shared by several servers, holding the store and the registry in place of
  // `store` and the registry in `models`; empty: none.
  std::filesystem::path database;
  std::filesystem::path web;  // the dashboard's built files; empty: none
  std::filesystem::path docs = "web/node_modules/swagger-ui-dist";  // Swagger UI's files
  double reload_seconds = 2;  // how often the registry is checked
  std::size_t max_body_bytes = 1 << 20;
  // Requests waiting for a worker beyond which the next is answered 503 at once.
  std::size_t max_waiting = 500;
  // Stored clients whose explanation is kept (about 6 KB each with 750 features); 0: none.
  std::size_t cached_explanations = 20000;
  Authenticator::Settings sessions;
  int audit_retention_days = 3650;  // 0: keep every record
  // /predict answers callers without credentials too (the first version's, on a trusted network).
  bool open_predict = false;
  // HTTPS with this PEM certificate chain and key (TLS 1.2 and up, HSTS); empty: plain HTTP.
  std::filesystem::path tls_cert;
  std::filesystem::path tls_key;
  // Listening without TLS on an address other than loopback is refused unless this is set.
  bool allow_plain_http = false;
  // Proxies in front (nginx): their X-Forwarded-For and X-Forwarded-Proto are believed.
  std::vector<std::string> trusted_proxies;
};

class ApiServer {
 public:
  // Loads the model and the clients; throws with a message naming what is missing or broken.
  explicit ApiServer(const ServerSettings& settings);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the address; returns the port (the one chosen when the settings say 0). Throws when
  // the address is taken or invalid.
  int bind();
  // Serves until stop(); requests under way are finished first.
  void run();
  // May be called from any thread.
  void stop();
  std::size_t workers() const { return workers_; }
  // Returns once every audit record written so far is in the trail, where readers of the store
  // see it (audit_writer.h).
  void flush_audit() { audit_->flush(); }
  app::Service& service() { return *service_; }

 private:
  void follow_registry();
  // A promotion or rollback the server followed, or refused: logged and in the audit trail.
  void record_switch(const std::string& action, const std::string& detail);

  ServerSettings settings_;
  std::size_t workers_;
  std::unique_ptr<app::Service> service_;
  std::unique_ptr<app::Admission> admission_;
  Metrics metrics_;
  std::unique_ptr<Authenticator> authenticator_;
  std::unique_ptr<AuditWriter> audit_;
  std::unique_ptr<AccessGate> gate_;
  std::unique_ptr<Router> router_;
  std::unique_ptr<HttpListener> http_;  // answers through the router: destroyed before it
  std::mutex stop_lock_;
  std::condition_variable stopping_;
  bool stopped_ = false;
  std::thread follower_;
};

}  // namespace creditscore::server
