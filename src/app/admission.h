// What the product does with an application a person sends: score and explain it (saved
// nowhere), try a stored client's application with some fields changed (what-if), or admit a
// new application: checked, scored, explained and saved in the store and the clients in memory.
// Admissions take their own lock, so that new ids are given in order.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>

#include "app/client_features.h"
#include "app/service.h"
#include "store/idempotency_keys.h"

namespace creditscore::app {

// A client's features explained by one model.
struct ExplainedClient {
  std::shared_ptr<const explain::ServedModel> model;
  BuiltClient client;
  explain::ClientExplanation explanation;
};

struct WhatIf {
  ExplainedClient current;  // as stored
  ExplainedClient edited;   // with the changes
  nlohmann::json changes;   // as applied: the annuity following the amount and term
};

struct Admitted {
  std::int64_t id;
  ExplainedClient explained;
  bool replayed = false;  // a retry: the application saved by the first request with its key
};

class Admission {
 public:
  explicit Admission(Service& service) : service_(service) {}

  // `body` is {"application": {...}, "history": {...}} (see posted_client.h); invalid_input
  // Errors name the field at fault.
  ExplainedClient score(const nlohmann::json& body) const;
  // Stored client `id` with `changes` ({FIELD: value or null}, and "term" in months) applied by
  // loan_terms.h's rule; not_found when there is no such client.
  WhatIf what_if(std::int64_t id, const nlohmann::json& changes) const;
  // Saves the application under the next free id; it survives a restart. With `key`, once: a
  // retry answers as the first request did, for the client it saved, and saves nothing (a key
  // sent before with another request is an invalid_input Error).
  Admitted admit(const nlohmann::json& body, const store::IdempotencyKey* key = nullptr);

 private:
  Service& service_;
  std::mutex admitting_;  // held while a new application takes the next id and is saved
};

}  // namespace creditscore::app
