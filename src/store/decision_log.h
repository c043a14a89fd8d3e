// The decisions on new applications, each owned by a person (GDPR Art. 22, EU AI Act Art. 14), in
// the store's database beside the clients:
//
//   decisions  id, client_id, at, actor, run_id, probability, threshold, recommendation,
//              decision, overrides, comment, reasons (JSON), replaces
//
// A record is never changed: triggers refuse UPDATE and DELETE. A correction is a new record that
// points to the one it replaces, so the history of a client's file shows every step.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cost_model.h"
#include "store/database.h"
#include "store/idempotency_keys.h"

namespace creditscore::store {

using model::Verdict;

struct Decision {
  std::int64_t id = 0;  // set by record()
  std::int64_t client_id = 0;
  std::string at;  // ISO 8601 UTC; set by record()
  std::string actor;
  std::string run_id;  // the model that gave the probability
  double probability = 0;
  double threshold = 0;
  Verdict recommendation = Verdict::Refused;  // the model's: refused when probability ≥ threshold
  Verdict decision = Verdict::Refused;        // the person's
  std::string comment;
  nlohmann::json reasons = nlohmann::json::array();  // what the client is told, as shown
  std::optional<std::int64_t> replaces;              // set by record()

  bool overrides() const { return decision != recommendation; }
};

// The decision as the API and a client's export show it.
nlohmann::json to_json(const Decision& decision);

enum class ApplicationStatus { Pending, Decided };

// One line of the advisor's worklist.
struct ApplicationRow {
  std::int64_t client_id = 0;
  std::string received_at;           // when the application was stored
  std::optional<Decision> decision;  // the latest, for a decided one
};

struct ApplicationPage {
  std::vector<ApplicationRow> rows;
  std::size_t total = 0;
};

// One thread at a time; several processes may open the same file (SQLite's WAL). The clients
// table must be there (ClientStore makes it).
class DecisionLog {
 public:
  explicit DecisionLog(const std::filesystem::path& file);

  // Appends `decision`, replacing the client's latest one if any; fills id, at and replaces.
  void record(Decision& decision);
  // The same, unless a request sent with `key` recorded one before: then `decision` becomes that
  // one, nothing is written, and the answer is false. A key sent with another request is an
  // InvalidInput StoreError.
  bool record_once(Decision& decision, const IdempotencyKey& key);
  // Newest first.
  std::vector<Decision> history(std::int64_t client_id);
  // New applications ('test' and 'new' clients): pending ones oldest first, decided ones by
  // their latest decision, newest first.
  ApplicationPage applications(ApplicationStatus status, std::size_t offset, std::size_t limit);
  // Each client's latest decision made at or after `since` (ISO 8601 date or time), oldest first.
  std::vector<Decision> latest_since(const std::string& since);

 private:
  // Within a transaction.
  void append(Decision& decision);

  Database db_;
};

}  // namespace creditscore::store
