#include "cli/store_service.h"

#include "cli/served_bundle.h"

namespace creditscore::cli {

void add_store_service_options(CLI::App& command, StoreServiceOptions& options) {
  command.add_option("--store", options.store, "The client store")->capture_default_str();
  command.add_option("--model", options.model, "Model bundle directory (default: the served run)");
  command.add_option("--models", options.models, "Model registry directory")->capture_default_str();
}

std::unique_ptr<app::Service> open_store_service(const StoreServiceOptions& options) {
  return std::make_unique<app::Service>(chosen_bundle(options.model, options.models), options.store,
                                        std::nullopt, 0);
}

}  // namespace creditscore::cli
