// `creditscore client export`: every datum held about one client, as one JSON document (GDPR
// Art. 15), for answering a client's request of access. The export is itself recorded in the
// audit trail.
#include <iostream>

#include "app/client_export.h"
#include "cli/commands.h"
#include "cli/served_bundle.h"
#include "cli/store_administration.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct ClientOptions {
  std::filesystem::path store = "clients.sqlite";
  std::filesystem::path model;
  std::filesystem::path models = "models";
  std::int64_t client = 0;
  std::filesystem::path out;  // standard output when empty
};

void run_export(const ClientOptions& options) {
  require_store(options.store);
  app::Service service(chosen_bundle(options.model, options.models), options.store, std::nullopt,
                       0);
  const std::string document = app::client_export(service, options.client).dump(2) + "\n";
  audit_command(options.store, "client export", "", options.client);
  if (options.out.empty()) {
    std::cout << document;
    return;
  }
  write_file_atomically(options.out, document);
  std::cerr << "Client " << options.client << ": " << document.size() << " bytes written to "
            << options.out.string() << "\n";
}

}  // namespace

void register_client_command(CLI::App& app) {
  auto options = std::make_shared<ClientOptions>();
  CLI::App* client = app.add_subcommand("client", "What the store holds about one client.");
  client->require_subcommand(1);
  CLI::App* exported = store_subcommand(
      *client, "export",
      "Write every datum held about the client as one JSON document (GDPR Art. 15): the\n"
      "application, the history summary and features, the scores with their models, the\n"
      "decisions and who accessed the file. Recorded in the audit trail. Example:\n"
      "  creditscore client export 100002 --store clients.sqlite --out client-100002.json",
      options->store);
  exported->add_option("client", options->client, "The client's number (SK_ID_CURR)")->required();
  exported->add_option("--model", options->model,
                       "Model bundle directory (default: the served run)");
  exported->add_option("--models", options->models, "Model registry directory")
      ->capture_default_str();
  exported->add_option("--out", options->out, "File to write (default: standard output)");
  exported->callback([options] { run_export(*options); });
}

}  // namespace creditscore::cli
