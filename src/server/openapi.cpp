#include "server/openapi.h"

#include <cctype>
#include <string>
#include <vector>

#include "server/access_policy.h"
#include "tables/schema.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

// Schema builders. Objects list every property and refuse others, so that an answer can hold
// nothing the contract does not name; `required` lists what is always there.
json ref(const std::string& name) {
  return {{"$ref", "#/components/schemas/" + name}};
}
json type(const std::string& name) {
  return {{"type", name}};
}
json described(json schema, const std::string& description) {
  schema["description"] = description;
  return schema;
}
json nullable(json schema) {
  // OpenAPI 3.0 ignores what stands beside a $ref.
  if (schema.contains("$ref")) return {{"nullable", true}, {"allOf", json::array({schema})}};
  schema["nullable"] = true;
  return schema;
}
json array_of(json items) {
  return {{"type", "array"}, {"items", std::move(items)}};
}
json text_enum(const std::vector<std::string>& values) {
  return {{"type", "string"}, {"enum", values}};
}
json object(json properties, const std::vector<std::string>& required) {
  json schema = {
      {"type", "object"}, {"properties", std::move(properties)}, {"additionalProperties", false}};
  if (!required.empty()) schema["required"] = required;
  return schema;
}
// An object whose keys are data (columns, settings) rather than a fixed list.
json free_object(const std::string& description) {
  return {{"type", "object"}, {"description", description}, {"additionalProperties", true}};
}
json with(json schema, const json& more) {
  for (const auto& [key, value] : more.items()) schema["properties"][key] = value;
  for (const auto& [key, value] : more.items()) schema["required"].push_back(key);
  return schema;
}

// The fields of a posted application: the columns of application_test.csv, text for categories
// and numbers else, those every application gives required (the schema's one list).
json application_fields() {
  json properties = json::object();
  std::vector<std::string> required;
  for (const tables::ColumnSpec& column :
       tables::schema_of(tables::TableId::ApplicationTest).columns) {
    if (column.kind == tables::ColumnKind::Id) continue;
    properties[column.name] =
        nullable(type(column.kind == tables::ColumnKind::Category ? "string" : "number"));
    if (column.required) required.push_back(column.name);
  }
  json schema = object(properties, required);
  schema["description"] =
      "The columns of application_test.csv; the required ones are there on every application";
  return schema;
}

json schemas() {
  // How people read the value: "years" are days before the application (negative), an
  // "amount" is in the lender's currency, a "share" lies in [0, 1] (read in percent), "yes_no" is
  // 0 or 1.
  const json unit = text_enum({"as_is", "years", "amount", "share", "yes_no"});
  const json labels = {{"feature", type("string")},
                       {"label_fr", type("string")},
                       {"label_en", type("string")},
                       {"unit", unit}};
  const json decision = text_enum({"granted", "refused"});
  const json split = text_enum({"train", "test", "new"});
  const json target = nullable({{"type", "integer"}, {"enum", {0, 1}}});
  const json value = nullable(json{{"oneOf", {type("number"), type("string")}}});
  const json score_fields = {{"probability", type("number")},
                             {"decision", decision},
                             {"threshold", type("number")},
                             {"distance", type("number")},
                             {"model", type("string")}};
  const json reason = object({{"feature", type("integer")},
                              {"effect", type("number")},
                              {"fr", type("string")},
                              {"en", type("string")}},
                             {"feature", "effect", "fr", "en"});
  const json counts = object(
      {{"repaid", type("integer")}, {"defaulted", type("integer")}, {"unknown", type("integer")}},
      {"repaid", "defaulted", "unknown"});
  json s;
  s["Error"] = object({{"error", type("string")},
                       {"detail", type("string")},
                       {"request_id", type("string")}},  // of a 500, as the server logged it
                      {"error", "detail"});
  s["Feature"] = object(labels, {"feature", "label_fr", "label_en", "unit"});
  s["Score"] = object(score_fields, {"probability", "decision", "threshold", "distance", "model"});
  s["ClientScore"] = with(s["Score"], {{"id", type("integer")}});
  s["Explanation"] = with(
      s["Score"],
      {{"base_value", type("number")},
       {"base_probability", type("number")},
       {"contributions", array_of(object({{"feature", type("string")},
                                          {"label_fr", type("string")},
                                          {"label_en", type("string")},
                                          {"unit", unit},
                                          {"value", nullable(type("number"))},
                                          {"value_fr", type("string")},
                                          {"value_en", type("string")},
                                          {"shap", type("number")},
                                          {"effect", type("number")}},
                                         {"feature", "label_fr", "label_en", "value", "value_fr",
                                          "value_en", "shap", "effect"}))},
       {"others",
        object({{"count", type("integer")}, {"shap", type("number")}, {"effect", type("number")}},
               {"count", "shap", "effect"})},
       {"reasons",
        object({{"towards_refusal", array_of(reason)}, {"towards_acceptance", array_of(reason)}},
               {"towards_refusal", "towards_acceptance"})},
       {"engine", text_enum({"tree_shap", "xgboost_pred_contribs"})}});
  s["ClientExplanation"] = with(s["Explanation"], {{"id", type("integer")}});
  s["ScoredApplication"] = with(s["Explanation"], {{"warnings", array_of(type("string"))}});
  s["AdmittedApplication"] = with(s["ScoredApplication"], {{"id", type("integer")}});
  s["WhatIf"] =
      object({{"id", type("integer")},
              {"changes", free_object("The fields changed, as applied: a term in months becomes "
                                      "the annuity it gives (amount ÷ term), and a new "
                                      "amount alone keeps the term")},
              {"current", ref("ScoredApplication")},
              {"edited", ref("ScoredApplication")}},
             {"id", "changes", "current", "edited"});
  s["ClientPage"] =
      object({{"total", type("integer")},
              {"offset", type("integer")},
              {"limit", type("integer")},
              {"clients", array_of(object({{"id", type("integer")},
                                           {"split", split},
                                           {"target", target},
                                           {"probability", nullable(type("number"))},
                                           {"decision", nullable(decision)},
                                           {"amt_credit", nullable(type("number"))},
                                           {"amt_income_total", nullable(type("number"))},
                                           {"name_contract_type", type("string")},
                                           {"name_contract_type_fr", type("string")},
                                           {"name_contract_type_en", type("string")}},
                                          {"id", "split", "target", "probability", "decision",
                                           "amt_credit", "amt_income_total", "name_contract_type",
                                           "name_contract_type_fr", "name_contract_type_en"}))}},
             {"total", "offset", "limit", "clients"});
  s["ClientFile"] = object(
      {{"id", type("integer")},
       {"split", split},
       {"target", target},
       {"application", array_of(object({{"column", type("string")},
                                        {"label_fr", type("string")},
                                        {"label_en", type("string")},
                                        {"value", value},
                                        {"value_fr", type("string")},
                                        {"value_en", type("string")},
                                        {"no_date", type("boolean")},
                                        {"unit", unit}},
                                       {"column", "label_fr", "label_en", "value"}))},
       {"summary",
        object(
            {{"history", array_of(object({{"key", type("string")},
                                          {"label_fr", type("string")},
                                          {"label_en", type("string")},
                                          {"unit", text_enum({"count", "amount", "days", "share"})},
                                          {"value", nullable(type("number"))}},
                                         {"key", "label_fr", "label_en", "unit", "value"}))}},
            {"history"})},
       {"score", ref("Score")}},
      {"id", "split", "target", "application", "summary", "score"});
  s["SimilarClients"] =
      object({{"id", type("integer")},
              {"features", array_of(ref("Feature"))},
              {"clients", array_of(object({{"id", type("integer")},
                                           {"distance", type("number")},
                                           {"probability", nullable(type("number"))},
                                           {"split", split},
                                           {"target", target}},
                                          {"id", "distance", "probability", "split", "target"}))},
              {"known_outcomes", type("integer")},
              {"default_rate", nullable(type("number"))}},
             {"id", "features", "clients", "known_outcomes", "default_rate"});
  s["FeatureList"] =
      object({{"features", array_of(with(s["Feature"], {{"table", type("string")},
                                                        {"description", type("string")},
                                                        {"discrete", type("boolean")},
                                                        {"importance_rank", type("integer")}}))}},
             {"features"});
  json bin = counts;
  bin["properties"]["value"] = type("number");
  bin["properties"]["from"] = type("number");
  bin["properties"]["to"] = type("number");
  s["Distribution"] = with(s["Feature"], {{"group", text_enum({"all", "similar", "filtered"})},
                                          {"size", type("integer")},
                                          {"discrete", type("boolean")},
                                          {"bins", array_of(bin)},
                                          {"missing", counts},
                                          {"elsewhere", counts}});
  s["Distribution"]["properties"]["client"] = object({{"id", type("integer")},
                                                      {"value", nullable(type("number"))},
                                                      {"bin", nullable(type("integer"))},
                                                      {"percentile", nullable(type("number"))}},
                                                     {"id", "value", "bin", "percentile"});
  s["Bivariate"] = object({{"x", ref("Feature")},
                           {"y", ref("Feature")},
                           {"group", text_enum({"all", "similar", "filtered"})},
                           {"with_both_values", type("integer")},
                           {"columns", array_of(type("string"))},
                           {"points", array_of({{"type", "array"},
                                                {"description", "[x, y, probability, target]"},
                                                {"items", nullable(type("number"))},
                                                {"minItems", 4},
                                                {"maxItems", 4}})},
                           {"client", object({{"id", type("integer")},
                                              {"x", nullable(type("number"))},
                                              {"y", nullable(type("number"))},
                                              {"probability", type("number")}},
                                             {"id", "x", "y", "probability"})}},
                          {"x", "y", "group", "with_both_values", "columns", "points"});
  const json curve = object(
      {{"columns", array_of(type("string"))}, {"points", array_of(array_of(type("number")))}},
      {"columns", "points"});
  s["Evaluation"] = object(
      {{"clients", type("integer")},
       {"defaulters", type("integer")},
       {"roc_auc", type("number")},
       {"roc_auc_interval",
        described(object({{"low", type("number")}, {"high", type("number")}}, {"low", "high"}),
                  "95 % bootstrap interval of the AUC (absent in older bundles)")},
       {"pr_auc", type("number")},
       {"brier_score", type("number")},
       {"calibration_error", type("number")},
       {"false_negative_cost", type("number")},
       {"false_positive_cost", type("number")},
       {"threshold", type("number")},
       {"cost_at_threshold", type("number")},
       {"confusion_at_threshold", free_object("true/false positives and negatives")},
       {"cost_at_half", type("number")},
       {"roc_curve", curve},
       {"cost_curve", curve},
       {"calibration_curve", curve},
       {"score_distribution",
        free_object("the out-of-fold probabilities' distribution, as a feature's in the "
                    "reference (percentiles, deciles, histogram)")}},
      {"clients", "roc_auc", "threshold", "cost_at_threshold", "roc_curve", "cost_curve"});
  s["ModelCard"] = object(
      {{"run_id", type("string")},
       {"created_at", type("string")},
       {"xgboost_version", type("string")},
       {"features", type("integer")},
       {"learned_from", described(array_of(type("string")),
                                  "The files training read; the features of the others "
                                  "were missing for every client")},
       {"threshold", type("number")},
       {"cost_ratio", type("number")},
       {"evaluation", ref("Evaluation")},
       {"oracle", nullable(ref("Evaluation"))},
       {"training", free_object("Data, settings, rounds and timings of the training run")},
       {"explanation_engine", text_enum({"tree_shap", "xgboost_pred_contribs"})},
       {"fallback_reason", type("string")},
       {"importance", array_of(with(s["Feature"], {{"mean_abs_shap", type("number")}}))},
       {"bundle_path", type("string")}},
      {"run_id", "created_at", "features", "learned_from", "threshold", "cost_ratio", "evaluation",
       "oracle", "training", "explanation_engine", "importance", "bundle_path"});
  s["GlobalExplanation"] = object(
      {{"run_id", type("string")},
       {"sample_size", type("integer")},
       {"base_value", type("number")},
       {"features", array_of(with(s["Feature"], {{"mean_abs_shap", type("number")},
                                                 {"values", array_of(nullable(type("number")))},
                                                 {"shap", array_of(type("number"))}}))}},
      {"run_id", "sample_size", "base_value", "features"});
  s["Runs"] =
      object({{"live", type("string")},
              {"served", type("string")},
              {"runs", array_of(object({{"id", type("string")},
                                        {"created_at", type("string")},
                                        {"data_directory", type("string")},
                                        {"data_fingerprint", type("string")},
                                        {"params", free_object("Training settings")},
                                        {"metrics", free_object("Out-of-fold metrics")},
                                        {"timings", free_object("Seconds per step")},
                                        {"bundle_path", type("string")}},
                                       {"id", "created_at", "params", "metrics", "bundle_path"}))}},
             {"live", "served", "runs"});
  s["OpenApi"] = free_object("This document, OpenAPI 3.0");
  s["Login"] =
      object({{"user", type("string")}, {"password", type("string")}}, {"user", "password"});
  const json who = {
      {"user", type("string")},
      {"role", text_enum({"advisor", "analyst", "admin", "system"})},
      {"by", text_enum({"session", "token"})},
      {"currency", described(type("string"), "ISO 4217 code of the currency of every amount")}};
  s["Session"] = object(who, {"user", "role", "by", "currency"});
  s["OpenedSession"] =
      with(s["Session"], {{"expires_at", described(type("integer"), "Unix seconds")}});
  s["LoggedOut"] = object({{"status", text_enum({"logged out"})}}, {"status"});
  s["AuditPage"] =
      object({{"total", type("integer")},
              {"offset", type("integer")},
              {"records", array_of(object({{"sequence", type("integer")},
                                           {"at", type("string")},
                                           {"actor", type("string")},
                                           {"role", type("string")},
                                           {"address", type("string")},
                                           {"action", type("string")},
                                           {"client_id", nullable(type("integer"))},
                                           {"status", type("integer")},
                                           {"detail", type("string")}},
                                          {"sequence", "at", "actor", "role", "address", "action",
                                           "client_id", "status", "detail"}))}},
             {"total", "offset", "records"});
  s["Health"] = object({{"status", text_enum({"ok"})}}, {"status"});
  s["Ready"] = object(
      {{"status", text_enum({"ready"})}, {"model", type("string")}, {"clients", type("integer")}},
      {"status", "model", "clients"});
  s["LegacyPrediction"] = {
      {"type", "array"},
      {"description",
       "[probability, {\"0\": {\"0\": shap_0, ...}}, expected_value], as the first version"},
      {"minItems", 3},
      {"maxItems", 3},
      {"items", {{"oneOf", {type("number"), type("object")}}}}};
  // Bodies.
  const json rows = array_of(free_object("One row: columns of the table, as in its CSV file"));
  s["Application"] = object({{"application", application_fields()},
                             {"history", object({{"bureau", rows},
                                                 {"bureau_balance", rows},
                                                 {"previous_application", rows},
                                                 {"POS_CASH_balance", rows},
                                                 {"installments_payments", rows},
                                                 {"credit_card_balance", rows}},
                                                {})}},
                            {"application"});
  const json reasons =
      array_of(object({{"fr", type("string")}, {"en", type("string")}, {"effect", type("number")}},
                      {"fr", "en", "effect"}));
  const json verdict = text_enum({"granted", "refused"});
  s["Decision"] =
      object({{"id", type("integer")},
              {"client_id", type("integer")},
              {"at", type("string")},
              {"actor", type("string")},
              {"run_id", type("string")},
              {"probability", type("number")},
              {"threshold", type("number")},
              {"recommendation", verdict},
              {"decision", verdict},
              {"overrides", type("boolean")},
              {"comment", type("string")},
              {"reasons", reasons},
              {"replaces", nullable(type("integer"))}},
             {"id", "client_id", "at", "actor", "run_id", "probability", "threshold",
              "recommendation", "decision", "overrides", "comment", "reasons", "replaces"});
  s["Decisions"] = object(
      {{"id", type("integer")},
       {"decidable", described(type("boolean"), "A new application, which an advisor decides")},
       {"recommendation",
        object({{"decision", verdict}, {"score", ref("Score")}, {"reasons", reasons}},
               {"decision", "score", "reasons"})},
       {"decisions", array_of(ref("Decision"))}},
      {"id", "decidable", "recommendation", "decisions"});
  s["Worklist"] =
      object({{"status", text_enum({"pending", "decided"})},
              {"total", type("integer")},
              {"offset", type("integer")},
              {"limit", type("integer")},
              {"applications", array_of(object({{"id", type("integer")},
                                                {"received_at", type("string")},
                                                {"score", ref("Score")},
                                                {"decision", nullable(ref("Decision"))}},
                                               {"id", "received_at", "score", "decision"}))}},
             {"status", "total", "offset", "limit", "applications"});
  s["ClientExport"] = object(
      {{"client_id", type("integer")},
       {"exported_at", type("string")},
       {"controller", type("string")},
       {"split", type("string")},
       {"outcome", nullable(type("integer"))},
       {"application", free_object("The application as given")},
       {"history_summary", free_object("The history's summary")},
       {"history_rows",
        object({{"source", described(type("string"),
                                     "\"posted with the application\", or the directory "
                                     "of the data set the store was built from")},
                {"tables",
                 nullable(free_object("FILE: [row...], the client's rows of each history table "
                                      "known; null when the data set is no longer there"))},
                {"note", type("string")}},
               {"source", "tables"})},
       {"features", array_of(free_object("A feature built for the client"))},
       {"scores", array_of(free_object("A score and its model"))},
       {"decisions", array_of(ref("Decision"))},
       {"accesses", array_of(free_object("An audit record"))}},
      {"client_id", "exported_at", "application", "history_rows", "features", "scores", "decisions",
       "accesses"});
  s["DecisionRequest"] = object({{"decision", verdict},
                                 {"comment", described(type("string"),
                                                       "Why; at least 20 characters when the "
                                                       "decision overrides the model")}},
                                {"decision"});
  const json loan = {{"amount", type("number")},
                     {"annuity", type("number")},
                     {"term_months", described(type("number"), "Credit ÷ annuity")},
                     {"goods_price", nullable(type("number"))}};
  json option = loan;
  option.update(
      {{"kind", text_enum({"amount", "term", "amount_and_term", "cheaper_purchase"})},
       {"changes", free_object("The fields changed, as the what-if takes them")},
       {"probability", described(type("number"), "The model's, on the rebuilt application")},
       {"decision", verdict},
       {"change", described(type("number"), "Relative changes of amount and term, added")},
       {"sentence", object({{"fr", type("string")}, {"en", type("string")}}, {"fr", "en"})}});
  s["RecourseOption"] =
      object(option, {"amount", "annuity", "term_months", "goods_price", "kind", "changes",
                      "probability", "decision", "change", "sentence"});
  const json range = object({{"min", type("number")}, {"max", type("number")}}, {"min", "max"});
  s["Recourse"] = object(
      {{"id", nullable(type("integer"))},
       {"current", object(loan, {"amount", "annuity", "term_months", "goods_price"})},
       {"probability", type("number")},
       {"threshold", type("number")},
       {"decision", verdict},
       {"bounds", object({{"amount", range},
                          {"term_months", range},
                          {"changeable", array_of(object({{"field", type("string")},
                                                          {"direction", type("string")}},
                                                         {"field", "direction"}))}},
                         {"amount", "term_months", "changeable"})},
       {"options", described(array_of(ref("RecourseOption")),
                             "A refusal's options, at most 3, smallest change first")},
       {"lowest", described(nullable(ref("RecourseOption")),
                            "A refusal with no option: the lowest probability reachable")},
       {"largest_granted", described(nullable(ref("RecourseOption")),
                                     "A grant: the largest amount still granted, same term")},
       {"largest_is_range_max", type("boolean")},
       {"summary", object({{"fr", type("string")}, {"en", type("string")}}, {"fr", "en"})},
       {"milliseconds", described(type("number"), "Time the search took")}},
      {"id", "current", "probability", "threshold", "decision", "bounds", "options", "lowest",
       "largest_granted", "largest_is_range_max", "summary", "milliseconds"});
  const json drift = object(
      {{"name", type("string")},
       {"psi", described(type("number"), "Population stability index over deciles and missing")},
       {"psi_level", text_enum({"stable", "moderate", "significant"})},
       {"test", text_enum({"kolmogorov_smirnov", "chi_squared", "z_test", "wasserstein",
                           "jensen_shannon"})},
       {"statistic", described(type("number"), "The test's statistic, or the distance")},
       {"p_value", described(type("number"), "1 for distances")},
       {"drifted", described(type("boolean"), "By the figure the settings choose")},
       {"test_drifted", type("boolean")},
       {"psi_drifted", type("boolean")},
       {"reference_clients", type("integer")},
       {"current_clients", type("integer")},
       {"missing_before", type("number")},
       {"missing_now", type("number")},
       {"unseen", described(type("number"), "Share of values no training client had")},
       {"histogram",
        described(object({{"bins", text_enum({"values", "deciles"})},
                          {"bounds", described(array_of(type("number")),
                                               "The values training saw, or the distinct "
                                               "deciles that bound the bins")},
                          {"reference", described(array_of(type("number")),
                                                  "Training's share in each bin: values then "
                                                  "any other, or between bounds; then missing")},
                          {"current", array_of(type("number"))}},
                         {"bins", "bounds", "reference", "current"}),
                  "The bins PSI compares, for a drifting feature and for the scores")},
       {"importance", described(type("number"), "Mean |SHAP| over the training sample")},
       {"top", described(type("boolean"), "Among the features dataset drift counts")}},
      {"name", "psi", "test", "statistic", "p_value", "drifted", "missing_before", "missing_now"});
  const json rate = described(nullable(type("number")), "null: too few clients for the figure");
  const json figure = described(nullable(type("number")), "null without both outcomes");
  const json group = object(
      {{"name", type("string")},
       {"clients", type("integer")},
       {"with_outcome", type("integer")},
       {"defaulters", type("integer")},
       {"approval_rate", rate},
       {"disparate_impact",
        described(nullable(type("number")), "Approval rate over the most approved group's")},
       {"four_fifths", described(nullable(type("boolean")), "disparate_impact >= 0.8")},
       {"true_positive_rate", described(nullable(type("number")), "Share of defaulters refused")},
       {"false_positive_rate",
        described(nullable(type("number")), "Share of good clients refused")},
       {"mean_probability", rate},
       {"default_rate", rate}},
      {"name", "clients", "with_outcome", "defaulters", "approval_rate", "disparate_impact",
       "four_fifths", "true_positive_rate", "false_positive_rate", "mean_probability",
       "default_rate"});
  s["Fairness"] =
      object({{"threshold", described(type("number"), "Refused at or above this probability")},
              {"min_clients", described(type("integer"), "Clients a figure needs")},
              {"four_fifths", type("number")},
              {"attributes",
               array_of(object({{"attribute", text_enum({"sex", "age_band"})},
                                {"groups", array_of(group)},
                                {"unknown", described(type("integer"), "Clients in no group")},
                                {"lowest_disparate_impact", nullable(type("number"))},
                                {"true_positive_rate_gap", nullable(type("number"))},
                                {"false_positive_rate_gap", nullable(type("number"))}},
                               {"attribute", "groups", "unknown", "lowest_disparate_impact",
                                "true_positive_rate_gap", "false_positive_rate_gap"}))}},
             {"threshold", "min_clients", "four_fifths", "attributes"});
  s["Monitoring"] = object(
      {{"run_id", type("string")},
       {"reference_clients", type("integer")},
       {"current_clients", type("integer")},
       {"dataset_drift", type("boolean")},
       {"drift_share", described(type("number"), "Share of the top features that drifted")},
       {"top_features", type("integer")},
       {"top_drifted", type("integer")},
       {"settings", free_object("Which figure flags, the tests' thresholds, top and share")},
       {"features", described(array_of(drift), "Every feature, by PSI x importance")},
       {"prediction", object({{"scores", drift},
                              {"refusal_rate_before", type("number")},
                              {"refusal_rate_now", type("number")}},
                             {"scores", "refusal_rate_before", "refusal_rate_now"})},
       {"quality",
        described(
            object({{"clients", type("integer")},
                    {"defaulters", type("integer")},
                    {"roc_auc", figure},
                    {"cost_per_client", figure},
                    {"calibration_error", figure},
                    {"by_month",
                     described(array_of(object({{"month", type("string")},
                                                {"clients", type("integer")},
                                                {"defaulters", type("integer")},
                                                {"roc_auc", figure},
                                                {"cost_per_client", figure},
                                                {"calibration_error", figure}},
                                               {"month", "clients", "defaulters", "roc_auc",
                                                "cost_per_client", "calibration_error"})),
                               "By month of application, the months with an outcome")},
                    {"out_of_fold", object({{"roc_auc", type("number")},
                                            {"cost_per_client", type("number")},
                                            {"calibration_error", type("number")}},
                                           {"roc_auc", "cost_per_client", "calibration_error"})}},
                   {"clients", "defaulters", "roc_auc", "cost_per_client", "calibration_error",
                    "by_month", "out_of_fold"}),
            "The model's quality on the current clients whose outcome has arrived")},
       {"fairness",
        described(object({{"now", ref("Fairness")}, {"at_training", nullable(ref("Fairness"))}},
                         {"now", "at_training"}),
                  "By sex and age band: the decisions on the current clients, and out "
                  "of fold (null for a model trained before it was kept)")},
       {"milliseconds", type("number")}},
      {"run_id", "dataset_drift", "drift_share", "features", "prediction", "quality", "fairness"});
  s["OutcomeRequest"] = object({{"outcome", text_enum({"repaid", "defaulted"})}}, {"outcome"});
  s["Outcome"] = object({{"id", type("integer")}, {"outcome", text_enum({"repaid", "defaulted"})}},
                        {"id", "outcome"});
  s["WhatIfChanges"] = object(
      {{"changes", free_object("COLUMN: its new value, or null to clear it; \"term\": months, "
                               "the annuity then following the amount")}},
      {"changes"});
  return s;
}

json parameter(const std::string& name, const std::string& in, const std::string& kind,
               const std::string& description, bool required = false) {
  return {{"name", name},
          {"in", in},
          {"required", required || in == "path"},
          {"description", description},
          {"schema", type(kind)}};
}

json client_id() {
  return parameter("id", "path", "integer", "The client's SK_ID_CURR");
}

json error_answer(const std::string& description) {
  return {{"description", description},
          {"content", {{"application/json", {{"schema", ref("Error")}}}}}};
}

// An operation answering `schema` with `status`, and its errors.
json operation(const std::string& summary, const std::vector<json>& parameters,
               const std::string& schema, const std::string& answer, int status = 200) {
  json responses = {{"400", error_answer("Malformed request")},
                    {"404", error_answer("Unknown client, feature or route")},
                    {"422", error_answer("Invalid value")},
                    {"500", error_answer("A fault of the server, logged")}};
  responses[std::to_string(status)] = {
      {"description", answer}, {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
  json op = {{"summary", summary}, {"responses", responses}};
  if (!parameters.empty()) op["parameters"] = parameters;
  return op;
}

json with_body(json op, const std::string& schema, const std::string& description) {
  op["requestBody"] = {{"required", true},
                       {"description", description},
                       {"content", {{"application/json", {{"schema", ref(schema)}}}}}};
  op["responses"]["413"] = error_answer("Body too large");
  op["responses"]["415"] = error_answer("Body not sent as application/json");
  return op;
}

}  // namespace

json openapi_document() {
  const json where = parameter("where", "query", "string",
                               "Filter FEATURE:min:max (bounds inclusive, either may be empty); "
                               "repeat for several");
  const json group = parameter("group", "query", "string", "all (default), similar or filtered");
  const json client = parameter("client", "query", "integer", "The client to mark (SK_ID_CURR)");
  const std::string application_body =
      "The columns of application_test.csv and, optionally, rows of the history tables";
  const json idempotency = parameter(
      "Idempotency-Key", "header", "string",
      "1 to 255 visible characters (a UUID), new for each request: a retry with the same key and "
      "the same request answers the first result, marked Idempotent-Replayed: true, and creates "
      "nothing; the same key with another request is a 422");
  json paths;
  paths["/predict"]["get"] = operation(
      "Probability and SHAP values of a client, as the first version's Flask API answered",
      {parameter("numeroClient", "query", "integer", "The client's SK_ID_CURR", true)},
      "LegacyPrediction", "[probability, {\"0\": {\"0\": shap_0, ...}}, expected_value]");
  paths["/api/v1/clients"]["get"] =
      operation("Clients, paged, searched by id prefix",
                {parameter("q", "query", "string", "Digits the id starts with"),
                 parameter("offset", "query", "integer", "First client (default 0)"),
                 parameter("limit", "query", "integer", "Clients per page, 1 to 200 (default 20)")},
                "ClientPage", "A page of clients with their score and decision");
  paths["/api/v1/clients/{id}"]["get"] =
      operation("A client's application with labels, history summary and score", {client_id()},
                "ClientFile", "The client's file; category codes also in words");
  paths["/api/v1/clients/{id}/score"]["get"] = operation("Probability of default and decision only",
                                                         {client_id()}, "ClientScore", "The score");
  paths["/api/v1/clients/{id}/explanation"]["get"] = operation(
      "Score, decision and exact explanation: largest contributions and reason codes (FR/EN)",
      {client_id(), parameter("top", "query", "integer", "Contributions listed (default 15)"),
       parameter("reasons", "query", "integer", "Reasons each way (default 5)")},
      "ClientExplanation", "The explanation, effects in points of probability that add up");
  paths["/api/v1/clients/{id}/similar"]["get"] =
      operation("Nearest clients on the model's most important features (standardized)",
                {client_id(), parameter("k", "query", "integer", "Neighbours (default 10)"),
                 parameter("features", "query", "integer", "Important features used (default 20)")},
                "SimilarClients", "The nearest clients, their scores and outcomes");
  paths["/api/v1/clients/{id}/what-if"]["post"] =
      with_body(operation("A stored client with some fields changed, beside the current score",
                          {client_id()}, "WhatIf", "Two explanations: current and edited"),
                "WhatIfChanges", "The fields to change");
  paths["/api/v1/score"]["post"] =
      with_body(operation("Score and explain an application; nothing is saved", {},
                          "ScoredApplication", "An explanation, with warnings"),
                "Application", application_body);
  paths["/api/v1/applications"]["post"] =
      with_body(operation("Save a new application, scored and explained", {idempotency},
                          "AdmittedApplication", "The explanation and the new client's id", 201),
                "Application", application_body);
  paths["/api/v1/applications"]["post"]["responses"]["409"] =
      error_answer("Its number was taken meanwhile by another server on the same store: try again");
  paths["/api/v1/applications"]["get"] = operation(
      "The advisor's worklist: new applications pending a decision (oldest first) or decided",
      {parameter("status", "query", "string", "pending (default) or decided"),
       parameter("offset", "query", "integer", "First application (default 0)"),
       parameter("limit", "query", "integer", "Applications per page, 1 to 200 (default 20)")},
      "Worklist", "A page of applications");
  paths["/api/v1/clients/{id}/decision"]["post"] = with_body(
      operation("Decide on a new application: confirm or override the model's recommendation",
                {client_id(), idempotency}, "Decision", "The decision recorded", 201),
      "DecisionRequest", "The decision, and a comment when overriding the model");
  paths["/api/v1/clients/{id}/decision"]["post"]["responses"]["409"] =
      error_answer("A past application, whose outcome is known");
  paths["/api/v1/clients/{id}/decisions"]["get"] =
      operation("The model's recommendation with the client's reasons, and the decisions",
                {client_id()}, "Decisions", "Recommendation and decisions, newest first");
  paths["/api/v1/clients/{id}/letter"]["get"] = operation(
      "The client's letter: decision, reasons, data used, rights",
      {client_id(), parameter("lang", "query", "string", "fr (default) or en")}, "Error", "");
  paths["/api/v1/clients/{id}/letter"]["get"]["responses"]["200"] = {
      {"description", "The letter, a PDF document"},
      {"content", {{"application/pdf", {{"schema", {{"type", "string"}, {"format", "binary"}}}}}}}};
  paths["/api/v1/clients/{id}/letter"]["get"]["responses"]["409"] = error_answer("No decision yet");
  paths["/api/v1/clients/{id}/export"]["get"] =
      operation("Every datum held about the client (GDPR Art. 15)", {client_id()}, "ClientExport",
                "The client's data as one JSON document");
  paths["/api/v1/clients/{id}/recourse"]["get"] = operation(
      "What would change the decision: the smallest changes of amount or term that the model "
      "would grant, or how much more a granted client could borrow",
      {client_id()}, "Recourse", "Options, the bounds searched and the time taken");
  paths["/api/v1/recourse"]["post"] =
      with_body(operation("The same for an application sent with its history; nothing is saved", {},
                          "Recourse", "Options, the bounds searched and the time taken"),
                "Application", application_body);
  paths["/api/v1/monitoring"]["get"] = operation(
      "Drift of every feature and of the scores against the training clients, and dataset drift",
      {parameter("since", "query", "string", "Clients updated on or after (YYYY-MM-DD)"),
       parameter("until", "query", "string", "Clients updated before (YYYY-MM-DD)"),
       parameter("last", "query", "integer", "Only the newest N clients of the window"),
       parameter("flag_by", "query", "string", "test (default) or psi")},
      "Monitoring", "The drift report");
  paths["/api/v1/clients/{id}/outcome"]["post"] = with_body(
      operation("A past application's outcome as it arrives, for the monitor's quality figures",
                {client_id()}, "Outcome", "The outcome recorded"),
      "OutcomeRequest", "repaid or defaulted");
  paths["/api/v1/clients/{id}/outcome"]["post"]["responses"]["409"] =
      error_answer("A training client, whose outcome is already known");
  paths["/api/v1/features"]["get"] =
      operation("Every feature with its labels, table, description and importance rank", {},
                "FeatureList", "The features");
  paths["/api/v1/features/{name}/distribution"]["get"] =
      operation("A feature's distribution over a group, by outcome, the client's value marked",
                {parameter("name", "path", "string", "Feature name"), group, client, where,
                 parameter("k", "query", "integer", "Size of the similar group (default 200)")},
                "Distribution", "Counts by bin and outcome");
  paths["/api/v1/bivariate"]["get"] =
      operation("Two features over a group, each point with its probability and outcome",
                {parameter("x", "query", "string", "Feature on x", true),
                 parameter("y", "query", "string", "Feature on y", true), group, client, where,
                 parameter("limit", "query", "integer", "Points at most (default 2000)")},
                "Bivariate", "The points");
  paths["/api/v1/model"]["get"] =
      operation("The model card: version, threshold, metrics, curves, importance",
                {parameter("top", "query", "integer", "Features in the importance (default 30)")},
                "ModelCard", "The live model");
  paths["/api/v1/model/card"]["get"] =
      operation("The live model's instructions for use (AI Act Art. 13), as a document to download",
                {parameter("lang", "query", "string", "fr (default) or en"),
                 parameter("format", "query", "string", "pdf (default) or markdown")},
                "Error", "");
  paths["/api/v1/model/card"]["get"]["responses"]["200"] = {
      {"description", "The model card, a PDF document or Markdown text"},
      {"content",
       {{"application/pdf", {{"schema", {{"type", "string"}, {"format", "binary"}}}}},
        {"text/markdown", {{"schema", {{"type", "string"}}}}}}}};
  paths["/api/v1/model/global"]["get"] =
      operation("Global explanation: mean |SHAP| and (value, SHAP) samples of the top features",
                {parameter("top", "query", "integer", "Features (default 20)")},
                "GlobalExplanation", "Summary plot data");
  paths["/api/v1/runs"]["get"] =
      operation("Training runs of the registry", {}, "Runs", "The runs, newest first");
  paths["/healthz"]["get"] = operation("The process answers", {}, "Health", "Alive");
  paths["/readyz"]["get"] =
      operation("A model and the clients are loaded", {}, "Ready", "Ready to answer");
  paths["/openapi.json"]["get"] =
      operation("This description of the API", {}, "OpenApi", "The OpenAPI document");
  paths["/metrics"]["get"] = {{"summary", "Prometheus metrics"},
                              {"responses",
                               {{"200",
                                 {{"description", "Text exposition format"},
                                  {"content", {{"text/plain", {{"schema", type("string")}}}}}}}}}};
  paths["/api/v1/session"]["post"] =
      with_body(operation("Log in: sets the session cookie (HttpOnly, SameSite=Strict)", {},
                          "OpenedSession", "Logged in"),
                "Login", "The user's name and password");
  paths["/api/v1/session"]["post"]["responses"]["429"] =
      error_answer("Too many failed logins for this name or address; see Retry-After");
  paths["/api/v1/session"]["get"] =
      operation("Who is calling, and with which role", {}, "Session", "The caller");
  paths["/api/v1/session"]["delete"] = operation(
      "Log out: the session ends and its cookie is cleared", {}, "LoggedOut", "Logged out");
  paths["/api/v1/audit"]["get"] = operation(
      "The audit trail, newest first: who read or changed what, when, from where",
      {parameter("client", "query", "integer", "Only records about this client"),
       parameter("user", "query", "string", "Only records of this user or token"),
       parameter("since", "query", "string", "Only records from this date (YYYY-MM-DD) on"),
       parameter("offset", "query", "integer", "First record (default 0)"),
       parameter("limit", "query", "integer", "Records per page, 1 to 500 (default 50)")},
      "AuditPage", "A page of records");
  // Who may call each operation, from the route table.
  for (auto& [path, operations] : paths.items()) {
    for (auto& [method, op] : operations.items()) {
      std::string upper = method;
      for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      const RouteAccess* access = route_access(upper, path);
      if (!access || access->is_public()) {
        op["security"] = json::array();
        continue;
      }
      op["description"] = "Roles: " + roles_text(access->roles) +
                          (access->audited ? ". Each call is recorded in the audit trail." : ".");
      op["responses"]["401"] = error_answer("No valid credentials");
      op["responses"]["403"] =
          error_answer("A role this route does not admit, or a change from another site");
    }
  }
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "creditscore API"},
            {"version", "1"},
            {"description",
             "Probability of default, decision and exact explanation of Pret a depenser's "
             "clients, for the advisors' dashboard and other tools. Errors are "
             "{\"error\", \"detail\"}."}}},
          {"paths", paths},
          {"security", {{{"bearer", json::array()}}, {{"session", json::array()}}}},
          {"components",
           {{"schemas", schemas()},
            {"securitySchemes",
             {{"bearer",
               {{"type", "http"},
                {"scheme", "bearer"},
                {"description", "A token made with `creditscore tokens create`"}}},
              {"session",
               {{"type", "apiKey"},
                {"in", "cookie"},
                {"name", "creditscore_session"},
                {"description", "Set by POST /api/v1/session"}}}}}}}};
}

}  // namespace creditscore::server
