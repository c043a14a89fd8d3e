// `creditscore runs` and `creditscore promote`: the run registry from the command line.
#include <iostream>
#include <nlohmann/json.hpp>

#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/number_format.h"
#include "cli/text_table.h"
#include "common/error.h"
#include "model/model_bundle.h"
#include "store/run_registry.h"

namespace creditscore::cli {
namespace {

// A metric from a run's metrics JSON, or "-" when the run did not record it.
std::string metric(const nlohmann::json& metrics, const char* name, int decimals) {
  const auto found = metrics.find(name);
  return found != metrics.end() && found->is_number() ? format_fixed(found->get<double>(), decimals)
                                                      : "-";
}

void print_runs(const std::filesystem::path& registry_location) {
  store::RunRegistry registry(registry_location);
  const std::optional<store::RunRecord> served = registry.served();
  TextTable table({"", "run", "created (UTC)", "clients", "AUC", "PR AUC", "Brier", "threshold",
                   "cost/client", "oracle AUC", "oracle cost", "train s"});
  for (const store::RunRecord& run : registry.list()) {
    const nlohmann::json metrics = nlohmann::json::parse(run.metrics_json);
    const nlohmann::json timings = nlohmann::json::parse(run.timings_json);
    table.add_row(
        {served && served->id == run.id ? "*" : "", run.id, run.created_at,
         metrics.contains("clients") ? format_count(metrics["clients"].get<std::uint64_t>()) : "-",
         metric(metrics, "roc_auc", 4), metric(metrics, "pr_auc", 4),
         metric(metrics, "brier_score", 4), metric(metrics, "threshold", 3),
         metric(metrics, "cost_at_threshold", 4), metric(metrics, "oracle_roc_auc", 4),
         metric(metrics, "oracle_cost", 4), metric(timings, "total_seconds", 0)});
  }
  table.print(std::cout);
  std::cout << (served ? "\n* served: " + served->id + " (" + served->bundle_path + ")\n"
                       : "\nNo run is served yet: `creditscore promote RUN`.\n");
}

}  // namespace

void register_runs_command(CLI::App& app) {
  auto models = std::make_shared<std::filesystem::path>("models");
  auto database = std::make_shared<std::filesystem::path>();
  CLI::App* command = app.add_subcommand(
      "runs",
      "List every training run recorded in MODELS/registry.sqlite, newest first, with its\n"
      "out-of-fold metrics side by side (AUC, PR AUC, Brier score, decision threshold, business\n"
      "cost per client, and the oracle's on generated data); * marks the served run.\n"
      "Example:\n  creditscore runs --models models");
  command->add_option("--models", *models, "Directory of the model bundles and the registry")
      ->capture_default_str();
  add_database_option(*command, *database);
  command->callback(
      [models, database] { print_runs(store::registry_location(*models, *database)); });
}

void register_promote_command(CLI::App& app) {
  auto models = std::make_shared<std::filesystem::path>("models");
  auto database = std::make_shared<std::filesystem::path>();
  auto run = std::make_shared<std::string>();
  auto rollback = std::make_shared<bool>(false);
  CLI::App* command = app.add_subcommand(
      "promote",
      "Make a run's model bundle the served one (its bundle is loaded and checked first), or\n"
      "with --rollback serve again the run served before the current one. A running server\n"
      "switches to it without failing a request. Examples:\n"
      "  creditscore promote 20261124-185300-3f2a\n  creditscore promote --rollback");
  command->add_option("run", *run, "Run id, as listed by `creditscore runs`");
  command->add_flag("--rollback", *rollback, "Serve the previously served run again");
  command->add_option("--models", *models, "Directory of the model bundles and the registry")
      ->capture_default_str();
  add_database_option(*command, *database);
  command->callback([models, database, run, rollback] {
    if (*rollback == !run->empty()) {
      throw CLI::ValidationError("promote", "give either a RUN id or --rollback");
    }
    const std::filesystem::path location = store::registry_location(*models, *database);
    store::RunRegistry registry(location);
    if (*rollback) {
      const store::RunRecord previous = registry.rollback();
      std::cout << "Rolled back: now serving " << previous.id << " (" << previous.bundle_path
                << ")\n";
      return;
    }
    const std::optional<store::RunRecord> record = registry.find(*run);
    if (!record) {
      throw not_found("no run " + *run + " in " + store::display_name(location) +
                      " (see `creditscore runs`)");
    }
    const model::ModelBundle bundle =
        model::read_bundle(record->bundle_path);  // refuse a broken one
    registry.promote(*run);
    std::cout << "Now serving " << bundle.run_id << " (" << record->bundle_path << "), threshold "
              << format_fixed(bundle.threshold(), 3) << "\n";
  });
}

}  // namespace creditscore::cli
