#include "app/admission.h"

#include <algorithm>

#include "app/loan_terms.h"
#include "app/posted_client.h"
#include "common/error.h"
#include "store/application_json.h"
#include "store/history_summary.h"

namespace creditscore::app {
namespace {

ExplainedClient explained(std::shared_ptr<const explain::ServedModel> model, BuiltClient client) {
  explain::ClientExplanation explanation = model->explain(client.features);
  return {std::move(model), std::move(client), std::move(explanation)};
}

}  // namespace

ExplainedClient Admission::score(const nlohmann::json& body) const {
  auto model = service_.model();
  const tables::Dataset client = posted_client(body, service_.population().next_id());
  return explained(model, build_client(*model, client));
}

WhatIf Admission::what_if(std::int64_t id, const nlohmann::json& changes) const {
  const auto stored = service_.with_store([&](store::ClientStore& s) { return s.find(id); });
  auto row = service_.population().features(id);
  if (!stored || !row) throw not_found("no client " + std::to_string(id));
  const auto model = service_.model();
  const nlohmann::json application = nlohmann::json::parse(stored->application);
  nlohmann::json applied = with_annuity_following(application, changes);
  BuiltClient edited = build_edited_client(*model, application, applied, id, *row);
  return {explained(model, BuiltClient{std::move(*row), {}}), explained(model, std::move(edited)),
          std::move(applied)};
}

Admitted Admission::admit(const nlohmann::json& body, const store::IdempotencyKey* key) {
  const auto model = service_.model();
  const std::lock_guard hold(admitting_);
  // A retry: the same answer, for the client the first request saved, scored once.
  const auto saved = [&](std::int64_t earlier) {
    return Admitted{earlier, explained(model, build_client(*model, posted_client(body, earlier))),
                    true};
  };
  if (key) {
    const auto earlier =
        service_.with_store([&](store::ClientStore& s) { return s.saved_with(*key); });
    if (earlier) return saved(*earlier);
  }
  // Above every client held here and every client saved by any server sharing the store.
  const std::int64_t id =
      std::max(service_.population().next_id(),
               service_.with_store([](store::ClientStore& s) { return s.next_free_id(); }));
  const tables::Dataset client = posted_client(body, id);
  ExplainedClient result = explained(model, build_client(*model, client));
  const std::vector<float>& features = result.client.features;
  store::StoredClient stored;
  stored.id = id;
  stored.split = store::ClientSplit::New;
  stored.application = store::application_json(client.application_test, 0);
  stored.summary = store::HistorySummary(model->bundle().feature_names)(features).dump();
  stored.posted_history = store::history_json(client);
  stored.features = features;
  stored.probability = result.explanation.probability;
  stored.run_id = model->bundle().run_id;
  // Once per key, even if another process saved it since; an id another server took meanwhile is
  // a conflict, never a replaced client.
  const auto earlier =
      service_.with_store([&](store::ClientStore& s) { return s.put_new(stored, key); });
  if (earlier) return saved(*earlier);
  service_.population().add(id, store::ClientSplit::New, features, result.explanation.probability,
                            model);
  return {id, std::move(result)};
}

}  // namespace creditscore::app
