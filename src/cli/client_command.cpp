// `creditscore client export`: every datum held about one client, as one JSON document (GDPR
// Art. 15), for answering a client's request of access. The export is itself recorded in the
// audit trail.
#include <iostream>

#include "app/client_export.h"
#include "cli/commands.h"
#include "cli/store_administration.h"
#include "cli/store_service.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct ClientOptions {
  StoreServiceOptions opened;
  std::int64_t client = 0;
  std::filesystem::path out;  // standard output when empty
};

void run_export(const ClientOptions& options) {
  const auto service = open_store_service(options.opened);
  const std::string document = app::client_export(*service, options.client).dump(2) + "\n";
  audit_command(options.opened.store, "client export", "", options.client);
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
  CLI::App* exported = client->add_subcommand(
      "export",
      "Write every datum held about the client as one JSON document (GDPR Art. 15): the\n"
      "application, the history summary and features, the scores with their models, the\n"
      "decisions and who accessed the file. Recorded in the audit trail. Example:\n"
      "  creditscore client export 100002 --store clients.sqlite --out client-100002.json");
  exported->add_option("client", options->client, "The client's number (SK_ID_CURR)")->required();
  add_store_service_options(*exported, options->opened);
  exported->add_option("--out", options->out, "File to write (default: standard output)");
  exported->callback([options] { run_export(*options); });
}

}  // namespace creditscore::cli
