// `creditscore outcomes load FILE.csv`: the outcomes of past applications as they arrive
// (app/outcomes.h), for the monitor's quality figures.
#include <iostream>

#include "app/outcomes.h"
#include "cli/commands.h"
#include "cli/store_administration.h"
#include "store/database.h"

namespace creditscore::cli {
namespace {

struct OutcomesOptions {
  std::filesystem::path store = "clients.sqlite";
  std::filesystem::path file;
};

void run_load(const OutcomesOptions& options) {
  store::require_client_store(options.store);
  const std::vector<store::Outcome> outcomes = app::read_outcomes_csv(options.file);
  store::ClientStore(options.store).record_outcomes(outcomes);
  audit_command(options.store, "outcomes load", options.file.string());
  const auto defaulted = std::count_if(outcomes.begin(), outcomes.end(),
                                       [](const store::Outcome& o) { return o.target == 1; });
  std::cout << "Recorded " << outcomes.size() << " outcomes (" << defaulted << " defaulted, "
            << outcomes.size() - static_cast<std::size_t>(defaulted) << " repaid) in "
            << options.store.string()
            << ". `creditscore monitor` now states the model's quality on them.\n";
}

}  // namespace

void register_outcomes_command(CLI::App& app) {
  auto options = std::make_shared<OutcomesOptions>();
  CLI::App* group = app.add_subcommand(
      "outcomes", "The outcomes of past applications (repaid or defaulted), as they arrive");
  group->require_subcommand(1);
  CLI::App* load = store_subcommand(
      *group, "load",
      "Record outcomes from a CSV file with the header SK_ID_CURR,TARGET (0 repaid, 1\n"
      "defaulted), all or none: an unknown or training client, or a bad line, stops it.\n"
      "Recorded in the audit trail. Example:\n"
      "  creditscore outcomes load repayments.csv --store clients.sqlite",
      options->store);
  load->add_option("file", options->file, "The CSV file")->required();
  load->callback([options] { run_load(*options); });
}

}  // namespace creditscore::cli
