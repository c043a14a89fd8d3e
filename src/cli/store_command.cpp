// `creditscore store build` and `creditscore store migrate`: the client store the server reads.
#include <iostream>

#include "cli/commands.h"
#include "cli/number_format.h"
#include "cli/served_bundle.h"
#include "cli/store_building.h"
#include "cli/text_table.h"
#include "store/run_registry.h"
#include "store/store_migration.h"

namespace creditscore::cli {
namespace {

void register_migrate(CLI::App& store) {
  auto from = std::make_shared<std::filesystem::path>("clients.sqlite");
  auto models = std::make_shared<std::filesystem::path>();
  auto to = std::make_shared<std::filesystem::path>();
  CLI::App* migrate = store.add_subcommand(
      "migrate",
      "Copy a whole SQLite client store (clients, users, tokens, sessions, the audit trail,\n"
      "decisions) and, with --models, its run registry into the PostgreSQL database that\n"
      "several servers share (creditscore serve --database). Rows the target holds already\n"
      "are kept, so it can be run again safely; each table's row count and checksum are then\n"
      "compared on both sides. Example:\n"
      "  creditscore store migrate --from clients.sqlite --models models \\\n"
      "    --to postgresql://creditscore@db.internal:5432/creditscore");
  migrate->add_option("--from", *from, "The SQLite client store to copy")->capture_default_str();
  migrate->add_option("--models", *models, "Models directory whose registry to copy too");
  migrate->add_option("--to", *to, "The PostgreSQL database, postgresql://user@host:port/db")
      ->required();
  migrate->callback([from, models, to] {
    const store::MigrationRequest request{
        *from, models->empty() ? std::filesystem::path() : store::registry_file(*models), *to};
    const auto tables = store::migrate_store(request);
    TextTable table({"from", "table", "rows", "copied now", "checksum (SHA-256)"});
    for (const store::MigratedTable& t : tables) {
      table.add_row({t.source, t.name, format_count(t.rows), format_count(t.copied),
                     t.checksum.substr(0, 16)});
    }
    table.print(std::cout);
    std::cout << "\nEvery table holds the same rows on both sides in " << store::display_name(*to)
              << ".\n";
  });
}

}  // namespace

void register_store_command(CLI::App& app) {
  CLI::App* store = app.add_subcommand(
      "store", "The client store: the clients the server and the advisors' dashboard show.");
  store->require_subcommand(1);
  auto options = std::make_shared<StoreBuildOptions>();
  CLI::App* build = store->add_subcommand(
      "build",
      "Build the client store (SQLite) from a data set: every client of application_train\n"
      "(history, outcome known) and application_test (new applications) with the raw\n"
      "application, a summary of the history, the feature vector and the probability of\n"
      "default of a model bundle (by default the served one). Built under a temporary name and\n"
      "renamed over DB when complete. Example:\n"
      "  creditscore store build --data data --out clients.sqlite");
  add_bundle_and_data_options(*build, options->model, options->models, options->database,
                              options->request.data);
  build->add_option("--out", options->request.out, "Client store database to write")
      ->capture_default_str();
  build->callback([options] { run_store_build(*options); });
  register_migrate(*store);
}

}  // namespace creditscore::cli
