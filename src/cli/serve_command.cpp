// `creditscore serve`: the API and the dashboard on one port, until SIGTERM or Ctrl-C.
#include <arpa/inet.h>

#include "cli/commands.h"
#include "cli/serving.h"

namespace creditscore::cli {

void register_serve_command(CLI::App& app) {
  auto settings = std::make_shared<server::ServerSettings>();
  CLI::App* command = app.add_subcommand(
      "serve",
      "Serve the scoring API and the advisors' dashboard on one port. The model is the served\n"
      "run of --models (followed: a `creditscore promote` switches it within seconds, and a\n"
      "broken bundle is refused while the old model serves on), or a fixed --model bundle.\n"
      "Every route but health, readiness, login and documentation takes a login (the\n"
      "dashboard) or `Authorization: Bearer TOKEN` (creditscore tokens create), of a role the\n"
      "route admits; each access to a client or the model is in the audit trail.\n"
      "Every option can also be set by its environment variable. Example:\n"
      "  creditscore serve --store clients.sqlite --models models --port 8080");
  command->add_option("--host", settings->host, "Address to listen on")
      ->envname("CREDITSCORE_HOST")
      ->capture_default_str();
  command->add_option("--port", settings->port, "Port to listen on (0: any free port)")
      ->envname("CREDITSCORE_PORT")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  command->add_option("--store", settings->store, "Client store (creditscore store build)")
      ->envname("CREDITSCORE_STORE")
      ->capture_default_str();
  command->add_option("--models", settings->models, "Bundles and registry, followed for promotions")
      ->envname("CREDITSCORE_MODELS")
      ->capture_default_str();
  command
      ->add_option(
          "--database", settings->database,
          "A PostgreSQL database several servers share, as postgresql://user@host:port/db: "
          "it holds the store and the registry in place of --store and --models' registry "
          "(creditscore store migrate copies them there)")
      ->envname("CREDITSCORE_DATABASE");
  command->add_option("--model", settings->model, "A fixed bundle instead of the registry's")
      ->envname("CREDITSCORE_MODEL");
  command->add_option("--web", settings->web, "The dashboard's built files (web/dist)")
      ->envname("CREDITSCORE_WEB");
  command->add_option("--docs", settings->docs, "Swagger UI's files (npm package swagger-ui-dist)")
      ->envname("CREDITSCORE_DOCS")
      ->capture_default_str();
  command
      ->add_option("--workers", settings->workers,
                   "Threads that answer requests (0: one per core); the sockets have one more")
      ->envname("CREDITSCORE_WORKERS")
      ->check(CLI::Range(0, 1024))
      ->capture_default_str();
  command
      ->add_option("--max-waiting", settings->max_waiting,
                   "Requests waiting for a worker beyond which the next is refused at once "
                   "(503 with Retry-After) rather than let every answer wait longer")
      ->envname("CREDITSCORE_MAX_WAITING")
      ->check(CLI::Range(std::size_t{1}, std::size_t{1'000'000}))
      ->capture_default_str();
  command
      ->add_option("--explanation-cache", settings->cached_explanations,
                   "Stored clients whose exact explanation is kept once computed (about 6 KB "
                   "each; 0: computed on every request)")
      ->envname("CREDITSCORE_EXPLANATION_CACHE")
      ->check(CLI::Range(std::size_t{0}, std::size_t{10'000'000}))
      ->capture_default_str();
  command
      ->add_option("--reload-seconds", settings->reload_seconds,
                   "How often the registry is checked for a newly promoted model")
      ->envname("CREDITSCORE_RELOAD_SECONDS")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  command
      ->add_option("--audit-retention-days", settings->audit_retention_days,
                   "Audit records older than this are removed at start and daily, the rest of "
                   "the chain still verifiable (0: keep every record)")
      ->envname("CREDITSCORE_AUDIT_RETENTION_DAYS")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  auto idle_minutes = std::make_shared<int>(30);
  auto session_hours = std::make_shared<int>(12);
  command
      ->add_option("--session-idle-minutes", *idle_minutes,
                   "A dashboard session without a request for this long must log in again")
      ->envname("CREDITSCORE_SESSION_IDLE_MINUTES")
      ->check(CLI::Range(1, 24 * 60))
      ->capture_default_str();
  command
      ->add_option("--session-hours", *session_hours,
                   "A dashboard session ends this long after its login, used or not")
      ->envname("CREDITSCORE_SESSION_HOURS")
      ->check(CLI::Range(1, 24 * 30))
      ->capture_default_str();
  command
      ->add_flag("--open-predict", settings->open_predict,
                 "Let /predict answer callers without credentials (the first version's, on a "
                 "trusted network); their calls are still audited")
      ->envname("CREDITSCORE_OPEN_PREDICT");
  CLI::Option* certificate =
      command
          ->add_option("--tls-cert", settings->tls_cert,
                       "Serve HTTPS (TLS 1.2 and up, with HSTS) with this PEM certificate chain")
          ->envname("CREDITSCORE_TLS_CERT")
          ->check(CLI::ExistingFile);
  CLI::Option* key = command
                         ->add_option("--tls-key", settings->tls_key,
                                      "The PEM private key of --tls-cert (keep it readable by the "
                                      "server's account only)")
                         ->envname("CREDITSCORE_TLS_KEY")
                         ->check(CLI::ExistingFile);
  certificate->needs(key);
  key->needs(certificate);
  command
      ->add_flag("--allow-plain-http", settings->allow_plain_http,
                 "Listen on an address other than loopback without TLS (behind a proxy that "
                 "terminates TLS, such as nginx)")
      ->envname("CREDITSCORE_ALLOW_PLAIN_HTTP");
  command
      ->add_option("--trusted-proxy", settings->trusted_proxies,
                   "The IP address of a proxy in front (nginx, deploy/), repeatable: from it, "
                   "X-Forwarded-For names the caller (for the audit trail) and "
                   "X-Forwarded-Proto says whether the request came over TLS; from any other "
                   "peer they are ignored")
      ->envname("CREDITSCORE_TRUSTED_PROXY")
      ->check(CLI::Validator(
          [](const std::string& address) {
            unsigned char bytes[16];
            const bool ip = ::inet_pton(AF_INET, address.c_str(), bytes) == 1 ||
                            ::inet_pton(AF_INET6, address.c_str(), bytes) == 1;
            return ip ? std::string()
                      : "expected an IP address such as 127.0.0.1, not \"" + address + "\"";
          },
          "IP"));
  command->callback([settings, idle_minutes, session_hours] {
    settings->sessions.session_idle = std::chrono::minutes(*idle_minutes);
    settings->sessions.session_lifetime = std::chrono::hours(*session_hours);
    serve_until_stopped(*settings);
  });
}

}  // namespace creditscore::cli
