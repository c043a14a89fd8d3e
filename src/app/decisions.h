// The decision on a new application, owned by a person: the model recommends, an advisor
// confirms or overrides, with a comment when overriding. Only new applications are decided (the
// test split and those posted); a past application's outcome is known (conflict). What the client
// will be told, the reasons towards the final decision, is kept with the decision as it was shown.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "app/service.h"
#include "explain/client_reasons.h"
#include "store/decision_log.h"

namespace creditscore::app {

// An override says why in at least this many characters; no comment may be longer than the max.
inline constexpr std::size_t kMinOverrideComment = 20;
inline constexpr std::size_t kMaxComment = 2000;

struct DecisionRequest {
  model::Verdict decision = model::Verdict::Refused;
  std::string comment;
};

// What the live model recommends for a client, and the reasons a client would be told.
struct Recommendation {
  std::shared_ptr<const explain::ServedModel> model;
  double probability = 0;
  model::Verdict verdict = model::Verdict::Refused;
  std::vector<explain::ClientReason> reasons;  // towards `verdict`
};

// The reasons a client is told for `verdict`, under the live model.
Recommendation recommendation(Service& service, std::int64_t id);
std::vector<explain::ClientReason> reasons_towards(Service& service, std::int64_t id,
                                                   model::Verdict verdict);

struct Decided {
  store::Decision decision;
  bool replayed = false;  // a retry: the decision recorded by the first request with its key
};

// Records `actor`'s decision on client `id`, once per `key` when one is given (a retry answers
// the decision recorded first). Throws not_found (no client), conflict (not a new application)
// or invalid_input (an override without a comment of kMinOverrideComment characters, a comment
// over kMaxComment, a key sent before with another request).
Decided decide(Service& service, std::int64_t id, const std::string& actor,
               const DecisionRequest& request, const store::IdempotencyKey* key = nullptr);
// Newest first; not_found when there is no client `id`.
std::vector<store::Decision> decision_history(Service& service, std::int64_t id);

struct Worklist {
  std::shared_ptr<const explain::ServedModel> model;
  store::ApplicationPage page;
  std::vector<double> probabilities;  // the live ones, one per row
};
Worklist worklist(Service& service, store::ApplicationStatus status, std::size_t offset,
                  std::size_t limit);

}  // namespace creditscore::app
