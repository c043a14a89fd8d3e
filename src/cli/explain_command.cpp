// `creditscore explain`: one client's score, decision and reasons, as an advisor would read them.
#include <iostream>

#include "cli/commands.h"
#include "cli/dataset_report.h"
#include "cli/number_format.h"
#include "cli/served_bundle.h"
#include "cli/text_table.h"
#include "common/error.h"
#include "explain/served_model.h"
#include "tables/client_slicer.h"

namespace creditscore::cli {
namespace {

struct ExplainOptions {
  std::filesystem::path model;
  std::filesystem::path models = "models";
  std::filesystem::path database;
  std::filesystem::path data = "data";
  std::int64_t client = 0;
  std::size_t reasons = 5;
  std::string language = "fr";
};

std::string signed_points(double effect) {
  return (effect >= 0 ? "+" : "") + format_fixed(effect * 100, 1);
}

void add_reasons(TextTable& table, const std::vector<explain::Reason>& reasons,
                 explain::Language language) {
  for (const explain::Reason& reason : reasons) {
    table.add_row({signed_points(reason.effect), format_fixed(reason.shap, 3),
                   language == explain::Language::French ? reason.fr : reason.en});
  }
}

void run_explain(const ExplainOptions& options) {
  const std::filesystem::path bundle_path =
      chosen_bundle(options.model, options.models, options.database);
  const auto served = explain::ServedModel::load(bundle_path);
  const tables::Dataset data = read_dataset_with_report(options.data, std::cout);
  const tables::Dataset client = tables::ClientSlicer(data).slice(options.client);
  const bool known_outcome = client.application_train.rows() > 0;
  if (!known_outcome && client.application_test.rows() == 0) {
    throw not_found("client " + std::to_string(options.client) + " is in neither " +
                    (options.data / "application_train.csv").string() + " nor " +
                    (options.data / "application_test.csv").string());
  }
  const tables::Table& application =
      known_outcome ? client.application_train : client.application_test;
  const features::FeatureMatrix row = served->build_features(application, client);
  const explain::ClientExplanation e = served->explain(row.values, options.reasons);
  const explain::Language language =
      options.language == "fr" ? explain::Language::French : explain::Language::English;

  std::cout << "\nClient " << options.client << " ("
            << (known_outcome ? std::string("a past application, outcome ") +
                                    (row.targets.at(0) == 1 ? "defaulted" : "repaid")
                              : std::string("a new application"))
            << "), model " << served->bundle().run_id << "\n\n";
  TextTable summary({"measure", "value"});
  summary.add_row({"probability of default", format_percent(e.probability, 1)});
  summary.add_row({"decision threshold", format_percent(served->threshold(), 1)});
  summary.add_row({"decision", e.refused ? "refused" : "granted"});
  summary.add_row({"distance to the threshold",
                   signed_points(e.probability - served->threshold()) + " points"});
  summary.add_row({"average client (base)", format_percent(e.base_probability, 1)});
  summary.print(std::cout);

  const double shown = [&] {
    double sum = 0;
    for (const auto* side : {&e.reasons.towards_refusal, &e.reasons.towards_acceptance})
      for (const explain::Reason& reason : *side) sum += reason.effect;
    return sum;
  }();
  std::cout << "\nWhy: the base " << format_percent(e.base_probability, 1)
            << ", plus each factor's effect in points, gives the client's "
            << format_percent(e.probability, 1) << ".\n\n";
  TextTable table({"points", "SHAP", "towards refusal, then towards acceptance"});
  add_reasons(table, e.reasons.towards_refusal, language);
  add_reasons(table, e.reasons.towards_acceptance, language);
  table.add_row(
      {signed_points(e.probability - e.base_probability - shown), "",
       language == explain::Language::French ? "Tous les autres facteurs" : "All other factors"});
  table.print(std::cout);
}

}  // namespace

void register_explain_command(CLI::App& app) {
  auto options = std::make_shared<ExplainOptions>();
  CLI::App* command = app.add_subcommand(
      "explain",
      "Explain one client's score: the probability of default, the decision against the model's\n"
      "threshold, and the factors that push towards refusal and towards acceptance, each in\n"
      "points of probability (they add up from the average client's probability to this\n"
      "client's), with exact TreeSHAP values. Example:\n"
      "  creditscore explain --data data --client 100002 --lang en");
  add_bundle_and_data_options(*command, options->model, options->models, options->database,
                              options->data);
  command->add_option("--client", options->client, "The client's SK_ID_CURR")->required();
  command->add_option("--reasons", options->reasons, "Factors shown each way")
      ->check(CLI::Range(1, 50))
      ->capture_default_str();
  command->add_option("--lang", options->language, "Language of the reasons: fr or en")
      ->check(CLI::IsMember({"fr", "en"}))
      ->capture_default_str();
  command->callback([options] { run_explain(*options); });
}

}  // namespace creditscore::cli
