// The audit trail (EU AI Act Art. 12, GDPR Art. 30): one record for each access to a client's
// data or the model, each login, user or token change and promotion, in the store's database.
//
//   audit       sequence, at, actor, role, address, action, client_id, status, detail,
//               previous_hash, hash
//   audit_head  the last record's sequence and hash, and the anchor left by pruning
//   audit_journal  the last record moved from the server's journal (audit_journal.h)
//
// Append-only and hash-chained: each record's hash is the SHA-256 of the previous record's hash
// and of its own content, so that editing, inserting or deleting a record breaks the chain from
// there on. The head, written in the same transaction, makes cutting records off the end show too.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "store/database.h"

namespace creditscore::store {

struct AuditRecord {
  std::int64_t sequence = 0;  // set by append()
  std::string at;             // ISO 8601 UTC with milliseconds; append() sets it when empty
  std::string actor;          // user or token name; for a failed login, the name tried
  std::string role;           // "" when nobody was authenticated
  std::string address;        // the caller's IP address; "" on the command line
  std::string action;         // "GET /api/v1/clients/{id}", "login", "users add"...
  std::optional<std::int64_t> client_id;
  int status = 0;      // the HTTP status answered; 0 on the command line
  std::string detail;  // what else the record needs, e.g. the run promoted
};

// The record as the API and a client's export show it.
nlohmann::json to_json(const AuditRecord& record);

struct AuditQuery {
  std::optional<std::int64_t> client_id;
  std::string actor;  // "" for anyone
  std::string since;  // ISO 8601 date or time, "" for the beginning
  std::size_t limit = 100;
  std::size_t offset = 0;
};

struct AuditVerification {
  bool intact = true;
  std::size_t records = 0;                   // records checked
  std::optional<std::int64_t> first_broken;  // its sequence
  std::string problem;                       // what is wrong there, when not intact
};

class AuditTrail {
 public:
  // Opens the store database `file`, adding the trail's tables when they are not there yet.
  explicit AuditTrail(const std::filesystem::path& file);

  // Appends `records` in one transaction (group commit): when it returns, they are on disk.
  // Fills each record's sequence (and time when empty).
  void append(std::span<AuditRecord> records);
  void append(AuditRecord record);
  // append(), noting in the same transaction that the audit journal's records up to serial
  // `through` are now in the trail (audit_journal.h).
  void append_journaled(std::span<AuditRecord> records, std::int64_t through);
  // The serial of the last record moved from the audit journal; 0 before any.
  std::int64_t journal_moved();
  // Its commits leave checkpoints to a WalCheckpointer (see Database::leave_checkpoints).
  void leave_checkpoints() { db_.leave_checkpoints(); }

  // Walks the whole chain from the anchor.
  AuditVerification verify();

  // Newest first.
  std::vector<AuditRecord> find(const AuditQuery& query);
  std::size_t count(const AuditQuery& query);

  // Removes the records older than `before` (ISO 8601), keeping the chain verifiable: the last
  // removed record's hash becomes the anchor. Returns how many were removed.
  std::size_t prune(const std::string& before);

 private:
  // Inside a transaction.
  void insert(std::span<AuditRecord> records);

  Database db_;
};

// `since`, a date YYYY-MM-DD possibly followed by a time, compared as text with the records' times;
// anything else would match the wrong records: an invalid_input Error naming it. "" passes.
void check_since(const std::string& since);

// The current time as the trail writes it: "2026-12-02T19:04:05.123Z".
std::string audit_time_now();
// The time `days` before now, as the trail compares it: "2016-12-04T19:04:05Z".
std::string audit_time_days_ago(int days);

}  // namespace creditscore::store
