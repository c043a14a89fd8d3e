// Decisions on new applications and what the client receives: POST .../decision, GET
// .../decisions (the model's recommendation and the history), GET /api/v1/applications (the
// advisor's worklist), GET .../letter (the client's letter as a PDF) and GET .../export (every
// datum held about the client, GDPR Art. 15).
#include "app/client_export.h"
#include "app/client_letter.h"
#include "app/decisions.h"
#include "app/document_pdf.h"
#include "server/idempotency.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

app::DecisionRequest decision_request(const json& body) {
  const auto fail = [] {
    throw invalid_input(
        "expected {\"decision\": \"granted\" | \"refused\", \"comment\": \"...\"}, the comment "
        "required when overriding the model");
  };
  if (!body.is_object() || !body.contains("decision") || !body["decision"].is_string()) fail();
  for (const auto& [key, value] : body.items()) {
    if (key != "decision" && key != "comment") throw invalid_input(key + ": no such field");
  }
  app::DecisionRequest request;
  request.decision = model::parse_verdict(body["decision"].get<std::string>());
  if (body.contains("comment")) {
    if (!body["comment"].is_string()) throw invalid_input("comment: expected text");
    request.comment = body["comment"].get<std::string>();
  }
  return request;
}

store::ApplicationStatus application_status(const std::string& text) {
  if (text == "pending") return store::ApplicationStatus::Pending;
  if (text == "decided") return store::ApplicationStatus::Decided;
  throw invalid_input("status=\"" + text + "\": say pending or decided");
}

}  // namespace

void add_decision_routes(Router& router, app::Service& service, AuditWriter& audit) {
  router.post("/api/v1/clients/{id}/decision", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const app::DecisionRequest asked = decision_request(request.json_body());
    const auto key = idempotency_key(request, "POST /api/v1/clients/{id}/decision");
    const app::Decided decided =
        app::decide(service, id, request.caller()->name, asked, key ? &*key : nullptr);
    Reply reply = Reply::created(store::to_json(decided.decision));
    return decided.replayed ? replayed(std::move(reply)) : reply;
  });

  router.get("/api/v1/clients/{id}/decisions", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const app::Recommendation recommended = app::recommendation(service, id);
    json decisions = json::array();
    for (const store::Decision& d : app::decision_history(service, id))
      decisions.push_back(store::to_json(d));
    const bool decidable = service.with_store([&](store::ClientStore& s) {
      const auto client = s.find(id);
      return client && client->split != store::ClientSplit::Train;
    });
    return Reply(json{{"id", id},
                      {"decidable", decidable},
                      {"recommendation",
                       {{"decision", model::verdict_name(recommended.verdict)},
                        {"score", score_json(*recommended.model, recommended.probability)},
                        {"reasons", explain::reasons_json(recommended.reasons)}}},
                      {"decisions", std::move(decisions)}});
  });

  router.get("/api/v1/applications", [&service](const Request& request) {
    const store::ApplicationStatus status =
        application_status(request.query("status").value_or("pending"));
    const auto offset = static_cast<std::size_t>(request.query_integer("offset", 0, 0, INT32_MAX));
    const auto limit = static_cast<std::size_t>(request.query_integer("limit", 20, 1, 200));
    const app::Worklist list = app::worklist(service, status, offset, limit);
    json applications = json::array();
    for (std::size_t k = 0; k < list.page.rows.size(); ++k) {
      const store::ApplicationRow& row = list.page.rows[k];
      applications.push_back(
          {{"id", row.client_id},
           {"received_at", row.received_at},
           {"score", score_json(*list.model, list.probabilities[k])},
           {"decision", row.decision ? store::to_json(*row.decision) : json(nullptr)}});
    }
    return Reply(json{{"status", request.query("status").value_or("pending")},
                      {"total", list.page.total},
                      {"offset", offset},
                      {"limit", limit},
                      {"applications", std::move(applications)}});
  });

  router.get("/api/v1/clients/{id}/letter", [&service](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    const std::string lang = request.query("lang").value_or("fr");
    const app::Document letter = app::client_letter(service, id, app::parse_language(lang));
    Reply reply = Reply::of_type(app::document_pdf(letter), "application/pdf");
    reply.headers.emplace_back(
        "Content-Disposition",
        "attachment; filename=\"letter-" + std::to_string(id) + "-" + lang + ".pdf\"");
    return reply;
  });

  router.get("/api/v1/clients/{id}/export", [&service, &audit](const Request& request) {
    const std::int64_t id = request.path_integer("id", "client id");
    audit.flush();  // the accesses of the last milliseconds too
    Reply reply(app::client_export(service, id));
    reply.headers.emplace_back("Content-Disposition",
                               "attachment; filename=\"client-" + std::to_string(id) + ".json\"");
    return reply;
  });
}

}  // namespace creditscore::server
