#include "cli/store_building.h"

#include <chrono>
#include <iostream>

#include "cli/command_line_observer.h"
#include "cli/number_format.h"
#include "cli/served_bundle.h"
#include "cli/text_table.h"

namespace creditscore::cli {
namespace {

std::string share(std::size_t part, std::size_t whole) {
  return format_percent(whole ? static_cast<double>(part) / static_cast<double>(whole) : 0, 1);
}

}  // namespace

void run_store_build(const StoreBuildOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  const std::filesystem::path bundle =
      chosen_bundle(options.model, options.models, options.database);
  CommandLineObserver observer(std::cout);
  app::StoreBuildRequest request = options.request;
  request.bundle = bundle;
  const app::BuiltStore built = app::build_store(request, observer);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

  std::cout << "\nClient store built with " << built.run_id << " (" << bundle.string() << ")\n\n";
  TextTable table({"clients", "count", "refused", "refused share"});
  std::size_t clients = 0, refused = 0;
  for (const app::BuiltStore::Part& part : built.parts) {
    clients += part.clients;
    refused += part.refused;
    table.add_row({part.split == store::ClientSplit::Train ? "train (history, outcome known)"
                                                           : "test (new applications)",
                   format_count(part.clients), format_count(part.refused),
                   share(part.refused, part.clients)});
  }
  table.add_row({"all", format_count(clients), format_count(refused), share(refused, clients)});
  table.print(std::cout);
  std::cout << '\n';
  TextTable summary({"measure", "value"});
  summary.add_row({"decision threshold", format_fixed(built.threshold, 3)});
  summary.add_row({"features per client", format_count(built.features)});
  summary.add_row(
      {"database size (MB)", format_megabytes(std::filesystem::file_size(request.out))});
  summary.add_row({"seconds", format_fixed(seconds, 1)});
  summary.add_row({"written to", request.out.string()});
  summary.print(std::cout);
}

}  // namespace creditscore::cli
