// `creditscore monitor`: is the served model still looking at the clients it learned from?
// (app/drift_monitor.h), as a table and, with --json, as the API's document.
#include <iostream>

#include "app/drift_monitor.h"
#include "cli/commands.h"
#include "cli/number_format.h"
#include "cli/store_service.h"
#include "cli/text_table.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct MonitorOptions {
  StoreServiceOptions opened;
  app::MonitoringWindow window;
  app::MonitoringSettings settings;
  std::string flag_by = "test";
  std::size_t rows = 15;
  std::optional<std::filesystem::path> json;
};

std::string percent(double share) {
  return format_fixed(100 * share, 1) + " %";
}

// "too few" where a group has too few clients for the figure.
std::string figure(const std::optional<double>& share, bool as_percent = true) {
  if (!share) return "too few";
  return as_percent ? percent(*share) : format_fixed(*share, 2);
}

const model::GroupFairness* group_named(const std::optional<model::Fairness>& fairness,
                                        std::size_t attribute, const std::string& name) {
  if (!fairness || attribute >= fairness->attributes.size()) return nullptr;
  for (const model::GroupFairness& g : fairness->attributes[attribute].groups) {
    if (g.name == name) return &g;
  }
  return nullptr;
}

// By sex and age band: the model's decisions now, beside the out-of-fold ones.
void print_fairness(const app::DriftReport& report) {
  TextTable table({"group", "clients", "approved", "ratio to most approved", "four-fifths",
                   "good clients refused", "defaulters refused", "approved at training",
                   "ratio at training"});
  for (std::size_t a = 0; a < report.fairness.attributes.size(); ++a) {
    const model::AttributeFairness& attribute = report.fairness.attributes[a];
    for (const model::GroupFairness& g : attribute.groups) {
      const model::GroupFairness* before = group_named(report.fairness_before, a, g.name);
      table.add_row({std::string(model::attribute_name(attribute.attribute)) + " " + g.name,
                     std::to_string(g.clients), figure(g.approval_rate),
                     figure(g.disparate_impact, false),
                     g.four_fifths ? (*g.four_fifths ? "met" : "NOT MET") : "too few",
                     figure(g.false_positive_rate), figure(g.true_positive_rate),
                     before ? figure(before->approval_rate) : "-",
                     before ? figure(before->disparate_impact, false) : "-"});
    }
  }
  std::cout << "\nFairness (refused: probability >= " << format_fixed(report.fairness.threshold, 3)
            << "; a figure needs " << model::kMinClients
            << " clients; the four-fifths rule is a screening flag, not a verdict):\n";
  table.print(std::cout);
}

void run_monitor(MonitorOptions options) {
  if (options.flag_by != "test" && options.flag_by != "psi")
    throw invalid_input("--flag-by=\"" + options.flag_by + "\": say test or psi");
  options.settings.drift.flag_by_psi = options.flag_by == "psi";
  const auto service = open_store_service(options.opened);
  const app::DriftReport report = app::monitor_drift(*service, options.window, options.settings);
  if (options.json) {
    AtomicFile file(*options.json);
    file.write(app::to_json(report).dump(2) + "\n");
    file.commit();
  }

  std::cout << "Model " << report.run_id << ": " << report.current_clients
            << " current clients against " << report.reference_clients << " training clients, in "
            << format_fixed(report.milliseconds, 0) << " ms.\n\n";
  TextTable table({"feature", "PSI", "level", "test", "statistic", "p-value", "drifted",
                   "importance", "missing before", "missing now"});
  std::size_t shown = 0;
  for (const app::DriftedFeature& f : report.features) {
    if (shown++ == options.rows) break;
    const model::FeatureDrift& d = f.drift;
    table.add_row(
        {d.name, format_fixed(d.psi, 3), model::psi_level(d.psi), model::drift_test_name(d.test),
         format_fixed(d.statistic, 3), format_fixed(d.p_value, 3), d.drifted ? "yes" : "no",
         format_fixed(f.importance, 3), percent(d.missing_before), percent(d.missing_now)});
  }
  std::cout << "The " << options.rows << " features of largest drift x importance:\n";
  table.print(std::cout);
  std::cout << "\nDataset drift: " << (report.dataset_drift ? "YES" : "no") << " ("
            << report.top_drifted << " of the " << report.top_features
            << " most important features drifted, " << percent(report.drift_share)
            << "; the alarm is at " << percent(report.settings.drift_share) << ").\n";
  std::cout << "Scores: PSI " << format_fixed(report.scores.psi, 3) << " ("
            << model::psi_level(report.scores.psi) << "), "
            << model::drift_test_name(report.scores.test) << " "
            << format_fixed(report.scores.statistic, 3)
            << (report.scores.drifted ? ", drifted" : ", stable") << ". Refusal rate "
            << percent(report.refusal_rate_now) << " against "
            << percent(report.refusal_rate_before) << " out of fold.\n";
  const app::Quality& q = report.quality;
  std::cout << "Quality: " << q.clients << " current clients with an outcome (" << q.defaulters
            << " defaulted)";
  if (q.roc_auc) {
    std::cout << ": ROC AUC " << format_fixed(*q.roc_auc, 3) << ", cost per client "
              << format_fixed(*q.cost_per_client, 3) << ", calibration error "
              << format_fixed(*q.calibration_error, 3) << "; out of fold "
              << format_fixed(q.roc_auc_before, 3) << ", "
              << format_fixed(q.cost_per_client_before, 3) << ", "
              << format_fixed(q.calibration_error_before, 3) << ".\n";
  } else {
    std::cout << ": too few to measure (`creditscore outcomes load` records them).\n";
  }
  print_fairness(report);
  if (options.json) std::cout << "Written: " << options.json->string() << "\n";
}

}  // namespace

void register_monitor_command(CLI::App& app) {
  auto options = std::make_shared<MonitorOptions>();
  CLI::App* monitor = app.add_subcommand(
      "monitor",
      "Is the served model still looking at the clients it learned from? Compares every feature\n"
      "of the current clients (the test split and the applications posted since) with the\n"
      "training clients kept in the model's bundle: the population stability index (PSI: below\n"
      "0.10 stable, 0.10 to 0.25 moderate, above 0.25 significant) and Evidently's default test\n"
      "(up to 1,000 clients: Kolmogorov-Smirnov, chi-squared, Z-test at 0.95; beyond:\n"
      "Wasserstein and Jensen-Shannon distances at 0.1). The data set drifts when half of the 50\n"
      "features the model uses most drift. Also the scores and the refusal rate against the\n"
      "out-of-fold ones, the quality over the clients whose outcome arrived, and the decisions\n"
      "by sex and age band (approval rate and its ratio to the most approved group, good\n"
      "clients and defaulters refused) beside those at training. Example:\n"
      "  creditscore monitor --store clients.sqlite --models models --since 2026-11-01 --json "
      "drift.json");
  monitor->add_option("--since", options->window.since,
                      "Clients updated on or after this date (YYYY-MM-DD, or a time)");
  monitor->add_option("--until", options->window.until, "Clients updated before this date");
  monitor->add_option("--last", options->window.last, "Only the newest N clients of the window")
      ->check(CLI::PositiveNumber);
  monitor
      ->add_option("--flag-by", options->flag_by,
                   "Which figure flags a feature: test (Evidently's) or psi (above 0.25)")
      ->capture_default_str();
  monitor
      ->add_option("--drift-share", options->settings.drift_share,
                   "Share of the most important features that must drift for dataset drift")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  monitor
      ->add_option("--top", options->settings.top,
                   "How many of the most important features dataset drift counts")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  monitor->add_option("--rows", options->rows, "Features shown in the table")
      ->capture_default_str();
  monitor->add_option("--json", options->json, "Also write the report as JSON (the API's)");
  add_store_service_options(*monitor, options->opened);
  monitor->callback([options] { run_monitor(*options); });
}

}  // namespace creditscore::cli
