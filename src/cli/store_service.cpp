#include "cli/store_service.h"

#include "cli/served_bundle.h"
#include "store/database.h"

namespace creditscore::cli {

void add_store_service_options(CLI::App& command, StoreServiceOptions& options) {
  command
      .add_option("--store,--database", options.store,
                  "The client store: an SQLite file, or the PostgreSQL database servers share "
                  "(postgresql://user@host:port/db), whose run registry is then used too")
      ->capture_default_str();
  command.add_option("--model", options.model, "Model bundle directory (default: the served run)");
  command.add_option("--models", options.models, "Model registry directory")->capture_default_str();
}

std::unique_ptr<app::Service> open_store_service(const StoreServiceOptions& options) {
  const std::filesystem::path shared =
      store::is_postgresql(options.store) ? options.store : std::filesystem::path();
  return std::make_unique<app::Service>(chosen_bundle(options.model, options.models, shared),
                                        options.store, std::nullopt, 0);
}

}  // namespace creditscore::cli
