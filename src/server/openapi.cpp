#include "server/openapi.h"

#include <string>
#include <vector>

namespace creditscore::server {
namespace {

using nlohmann::json;

json parameter(const std::string& name, const std::string& in, const std::string& type,
               const std::string& description, bool required = false) {
  return {{"name", name},
          {"in", in},
          {"required", required || in == "path"},
          {"description", description},
          {"schema", {{"type", type}}}};
}

json client_id() {
  return parameter("id", "path", "integer", "The client's SK_ID_CURR");
}

const json kErrors = {
    {"400",
     {{"description", "Malformed request"},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}},
    {"404",
     {{"description", "Unknown client, feature or route"},
      {"content", {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}},
    {"422",
     {{"description", "Invalid value"},
      {"content",
       {{"application/json", {{"schema", {{"$ref", "#/components/schemas/Error"}}}}}}}}}};

json operation(const std::string& summary, const std::vector<json>& parameters,
               const std::string& answer) {
  json responses = kErrors;
  responses["200"] = {{"description", answer}};
  json op = {{"summary", summary}, {"responses", responses}};
  if (!parameters.empty()) op["parameters"] = parameters;
  return op;
}

json with_body(json op, const std::string& description, int status = 200) {
  op["requestBody"] = {{"required", true},
                       {"description", description},
                       {"content", {{"application/json", {{"schema", {{"type", "object"}}}}}}}};
  op["responses"]["413"] = {{"description", "Body too large"}};
  op["responses"]["415"] = {{"description", "Body not sent as application/json"}};
  if (status != 200) {
    op["responses"][std::to_string(status)] = op["responses"]["200"];
    op["responses"].erase("200");
  }
  return op;
}

}  // namespace

json openapi_document() {
  const json where = parameter("where", "query", "string",
                               "Filter FEATURE:min:max (bounds inclusive, either may be empty); "
                               "repeat for several");
  const json group = parameter("group", "query", "string", "all (default), similar or filtered");
  const json client = parameter("client", "query", "integer", "The client to mark (SK_ID_CURR)");
  const json application_body =
      "{\"application\": {COLUMN: value, ...}, \"history\": {\"bureau\": [{...}], ...}}: the "
      "columns of application_test.csv and, optionally, rows of the history tables";
  json paths;
  paths["/predict"]["get"] = operation(
      "Probability and SHAP values of a client, as the first version's Flask API answered",
      {parameter("numeroClient", "query", "integer", "The client's SK_ID_CURR", true)},
      "[probability, {\"0\": {\"0\": shap_0, ...}}, expected_value]");
  paths["/api/v1/clients"]["get"] = operation(
      "Clients, paged, searched by id prefix",
      {parameter("q", "query", "string", "Digits the id starts with"),
       parameter("offset", "query", "integer", "First client (default 0)"),
       parameter("limit", "query", "integer", "Clients per page, 1 to 200 (default 20)")},
      "{total, offset, limit, clients: [{id, split, target, probability, decision, ...}]}");
  paths["/api/v1/clients/{id}"]["get"] =
      operation("A client's application with labels, history summary and score", {client_id()},
                "{id, split, target, application: [{column, label_fr, label_en, value, value_fr, "
                "value_en (a category code in words)}], "
                "summary, score}");
  paths["/api/v1/clients/{id}/score"]["get"] =
      operation("Probability of default and decision only", {client_id()},
                "{id, probability, decision, threshold, distance, model}");
  paths["/api/v1/clients/{id}/explanation"]["get"] = operation(
      "Score, decision and exact explanation: largest contributions and reason codes (FR/EN)",
      {client_id(), parameter("top", "query", "integer", "Contributions listed (default 15)"),
       parameter("reasons", "query", "integer", "Reasons each way (default 5)")},
      "{probability, decision, threshold, base_value, base_probability, contributions, others, "
      "reasons}");
  paths["/api/v1/clients/{id}/similar"]["get"] =
      operation("Nearest clients on the model's most important features (standardized)",
                {client_id(), parameter("k", "query", "integer", "Neighbours (default 10)"),
                 parameter("features", "query", "integer", "Important features used (default 20)")},
                "{features, clients: [{id, distance, probability, split, target}], default_rate}");
  paths["/api/v1/clients/{id}/what-if"]["post"] =
      with_body(operation("A stored client with some fields changed, beside the current score",
                          {client_id()}, "{current, edited}: two explanations"),
                "{\"changes\": {COLUMN: new value or null}}");
  paths["/api/v1/score"]["post"] =
      with_body(operation("Score and explain an application; nothing is saved", {},
                          "An explanation, with warnings (e.g. unseen categories)"),
                application_body);
  paths["/api/v1/applications"]["post"] =
      with_body(operation("Save a new application, scored and explained", {},
                          "The explanation and the new client's id"),
                application_body, 201);
  paths["/api/v1/features"]["get"] =
      operation("Every feature with its labels, table, description and importance rank", {},
                "{features: [...]}");
  paths["/api/v1/features/{name}/distribution"]["get"] =
      operation("A feature's distribution over a group, by outcome, the client's value marked",
                {parameter("name", "path", "string", "Feature name"), group, client, where,
                 parameter("k", "query", "integer", "Size of the similar group (default 200)")},
                "{bins: [{value | from, to, repaid, defaulted, unknown}], missing, client}");
  paths["/api/v1/bivariate"]["get"] =
      operation("Two features over a group, each point with its probability and outcome",
                {parameter("x", "query", "string", "Feature on x", true),
                 parameter("y", "query", "string", "Feature on y", true), group, client, where,
                 parameter("limit", "query", "integer", "Points at most (default 2000)")},
                "{columns: [x, y, probability, target], points, client}");
  paths["/api/v1/model"]["get"] =
      operation("The model card: version, threshold, metrics, curves, importance",
                {parameter("top", "query", "integer", "Features in the importance (default 30)")},
                "The live model");
  paths["/api/v1/model/global"]["get"] = operation(
      "Global explanation: mean |SHAP| and (value, SHAP) samples of the top features",
      {parameter("top", "query", "integer", "Features (default 20)")}, "Summary plot data");
  paths["/api/v1/runs"]["get"] =
      operation("Training runs of the registry", {}, "{live, served, runs}");
  paths["/healthz"]["get"] = operation("The process answers", {}, "{status: ok}");
  paths["/readyz"]["get"] = operation("A model and the clients are loaded", {}, "{status: ready}");
  paths["/metrics"]["get"] = operation("Prometheus metrics", {}, "Text exposition format");
  return {{"openapi", "3.0.3"},
          {"info",
           {{"title", "creditscore API"},
            {"version", "1"},
            {"description",
             "Probability of default, decision and exact explanation of Pret a depenser's "
             "clients, for the advisors' dashboard and other tools. Errors are "
             "{\"error\", \"detail\"}."}}},
          {"paths", paths},
          {"components",
           {{"schemas",
             {{"Error",
               {{"type", "object"},
                {"properties",
                 {{"error", {{"type", "string"}}}, {"detail", {{"type", "string"}}}}}}}}}}}};
}

}  // namespace creditscore::server
