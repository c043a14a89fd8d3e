#include "app/decisions.h"

#include "app/client_views.h"
#include "common/error.h"

namespace creditscore::app {
namespace {

// Counts characters, not bytes, so that « Revenus vérifiés » is as long in French as in English.
std::size_t characters(const std::string& text) {
  std::size_t count = 0;
  for (unsigned char c : text) count += (c & 0xC0) != 0x80 ? 1 : 0;
  return count;
}

void check_request(const DecisionRequest& request, model::Verdict recommended) {
  const std::size_t length = characters(request.comment);
  if (length > kMaxComment) {
    throw invalid_input("comment: " + std::to_string(length) + " characters, at most " +
                        std::to_string(kMaxComment));
  }
  if (request.decision != recommended && length < kMinOverrideComment) {
    throw invalid_input(std::string("comment: overriding the model's recommendation (") +
                        model::verdict_name(recommended) + ") needs a comment of at least " +
                        std::to_string(kMinOverrideComment) + " characters saying why");
  }
}

// The reasons of `model` for `verdict` on `row`.
std::vector<explain::ClientReason> reasons_for(
    Service& service, const std::shared_ptr<const explain::ServedModel>& model, std::int64_t id,
    std::span<const float> row, model::Verdict verdict) {
  const auto shap = service.stored_explanation(model, id, row);
  const explain::ClientExplanation explanation = model->explain(row, shap->values, 0);
  return explain::client_reasons(model->catalog().plan(), model->reason_writer(), row,
                                 explanation.effects, verdict == model::Verdict::Refused);
}

}  // namespace

Recommendation recommendation(Service& service, std::int64_t id) {
  const std::vector<float> row = stored_features(service, id);
  Recommendation result{service.model(), 0, model::Verdict::Refused, {}};
  result.probability = result.model->probability(row);
  result.verdict = model::verdict(result.probability, result.model->threshold());
  result.reasons = reasons_for(service, result.model, id, row, result.verdict);
  return result;
}

std::vector<explain::ClientReason> reasons_towards(Service& service, std::int64_t id,
                                                   model::Verdict verdict) {
  const std::vector<float> row = stored_features(service, id);
  return reasons_for(service, service.model(), id, row, verdict);
}

Decided decide(Service& service, std::int64_t id, const std::string& actor,
               const DecisionRequest& request, const store::IdempotencyKey* key) {
  const auto client = service.with_store([&](store::ClientStore& s) { return s.find(id); });
  if (!client) throw not_found("no client " + std::to_string(id));
  if (client->split == store::ClientSplit::Train) {
    throw conflict("client " + std::to_string(id) +
                   " is a past application whose outcome is known: only new applications are "
                   "decided");
  }
  const Recommendation recommended = recommendation(service, id);
  check_request(request, recommended.verdict);
  store::Decision decision;
  decision.client_id = id;
  decision.actor = actor;
  decision.run_id = recommended.model->bundle().run_id;
  decision.probability = recommended.probability;
  decision.threshold = recommended.model->threshold();
  decision.recommendation = recommended.verdict;
  decision.decision = request.decision;
  decision.comment = request.comment;
  decision.reasons =
      reasons_json(request.decision == recommended.verdict
                       ? recommended.reasons
                       : reasons_for(service, recommended.model, id, stored_features(service, id),
                                     request.decision));
  if (!key) {
    service.with_decisions([&](store::DecisionLog& log) { log.record(decision); });
    return {decision};
  }
  const bool recorded = service.with_decisions(
      [&](store::DecisionLog& log) { return log.record_once(decision, *key); });
  return {decision, !recorded};
}

std::vector<store::Decision> decision_history(Service& service, std::int64_t id) {
  stored_features(service, id);  // not_found when there is no such client
  return service.with_decisions([&](store::DecisionLog& log) { return log.history(id); });
}

Worklist worklist(Service& service, store::ApplicationStatus status, std::size_t offset,
                  std::size_t limit) {
  Worklist list{service.model(), {}, {}};
  list.page = service.with_decisions(
      [&](store::DecisionLog& log) { return log.applications(status, offset, limit); });
  for (const store::ApplicationRow& row : list.page.rows)
    list.probabilities.push_back(service.population().probability(row.client_id));
  return list;
}

}  // namespace creditscore::app
