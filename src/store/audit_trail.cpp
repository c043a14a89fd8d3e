#include "store/audit_trail.h"

#include <cctype>
#include <chrono>
#include <cstdint>
#include <ctime>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "model/checksum.h"

namespace creditscore::store {
namespace {

const std::string kGenesis(64, '0');

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS audit (
  sequence INTEGER PRIMARY KEY,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT NOT NULL,
  address TEXT NOT NULL,
  action TEXT NOT NULL,
  client_id INTEGER,
  status INTEGER NOT NULL,
  detail TEXT NOT NULL,
  previous_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS audit_by_client ON audit (client_id);
CREATE TABLE IF NOT EXISTS audit_head (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  last_sequence INTEGER NOT NULL,
  last_hash TEXT NOT NULL,
  anchor_sequence INTEGER NOT NULL,
  anchor_hash TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_journal (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  moved INTEGER NOT NULL
);
)sql";

constexpr std::string_view kColumns =
    "sequence, at, actor, role, address, action, client_id, status, detail, previous_hash, hash";

// What a record's hash covers: its content in a fixed order, after the previous record's hash.
std::string record_hash(const AuditRecord& r, const std::string& previous_hash) {
  const nlohmann::json content = {
      r.sequence,
      r.at,
      r.actor,
      r.role,
      r.address,
      r.action,
      r.client_id ? nlohmann::json(*r.client_id) : nlohmann::json(nullptr),
      r.status,
      r.detail};
  return model::sha256_hex(previous_hash + content.dump());
}

struct Head {
  std::int64_t last_sequence = 0;
  std::string last_hash = kGenesis;
  std::int64_t anchor_sequence = 0;
  std::string anchor_hash = kGenesis;
};

Head read_head(Database& db) {
  Statement query =
      db.prepare("SELECT last_sequence, last_hash, anchor_sequence, anchor_hash FROM audit_head");
  if (!query.step()) return {};
  return {query.integer(0), query.text(1), query.integer(2), query.text(3)};
}

void write_head(Database& db, const Head& head) {
  db.prepare(
        "INSERT INTO audit_head (id, last_sequence, last_hash, anchor_sequence, anchor_hash) "
        "VALUES (1, ?1, ?2, ?3, ?4) ON CONFLICT (id) DO UPDATE SET "
        "last_sequence = excluded.last_sequence, last_hash = excluded.last_hash, "
        "anchor_sequence = excluded.anchor_sequence, anchor_hash = excluded.anchor_hash")
      .bind(1, head.last_sequence)
      .bind(2, head.last_hash)
      .bind(3, head.anchor_sequence)
      .bind(4, head.anchor_hash)
      .run();
}

AuditRecord record_of(const Statement& row) {
  AuditRecord r;
  r.sequence = row.integer(0);
  r.at = row.text(1);
  r.actor = row.text(2);
  r.role = row.text(3);
  r.address = row.text(4);
  r.action = row.text(5);
  if (!row.is_null(6)) r.client_id = row.integer(6);
  r.status = static_cast<int>(row.integer(7));
  r.detail = row.text(8);
  return r;
}

// `select` with the query's WHERE clause, newest first a page at a time when `paged`. Only the
// parameters used are numbered, in order: PostgreSQL types each one from where it is used.
Statement filtered(Database& db, const std::string& select, const AuditQuery& q, bool paged) {
  check_since(q.since);
  std::string where = " WHERE TRUE";
  int n = 0;
  auto next = [&n] { return "?" + std::to_string(++n); };
  if (q.client_id) where += " AND client_id = " + next();
  if (!q.actor.empty()) where += " AND actor = " + next();
  if (!q.since.empty()) where += " AND at >= " + next();
  if (paged) {
    where += " ORDER BY sequence DESC LIMIT " + next();
    where += " OFFSET " + next();
  }
  Statement statement = db.prepare(select + where);
  n = 0;
  if (q.client_id) statement.bind(++n, *q.client_id);
  if (!q.actor.empty()) statement.bind(++n, q.actor);
  if (!q.since.empty()) statement.bind(++n, q.since);
  if (paged) {
    statement.bind(++n, static_cast<std::int64_t>(q.limit));
    statement.bind(++n, static_cast<std::int64_t>(q.offset));
  }
  return statement;
}

}  // namespace

std::string audit_time_now() {
  const auto now = std::chrono::system_clock::now();
  const std::time_t seconds = std::chrono::system_clock::to_time_t(now);
  const auto millis =
      std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char text[40];
  const std::size_t length = std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  std::snprintf(text + length, sizeof text - length, ".%03dZ", static_cast<int>(millis));
  return text;
}

std::string audit_time_days_ago(int days) {
  const std::time_t then = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now()) -
                           static_cast<std::time_t>(days) * 86400;
  std::tm utc{};
  gmtime_r(&then, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

void check_since(const std::string& since) {
  if (since.empty()) return;
  bool date = since.size() == 10 || (since.size() > 10 && since[10] == 'T');
  for (std::size_t i = 0; date && i < 10; ++i) {
    date = (i == 4 || i == 7) ? since[i] == '-'
                              : std::isdigit(static_cast<unsigned char>(since[i])) != 0;
  }
  if (!date)
    throw invalid_input("since '" + since + "': expected a date YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS");
}

nlohmann::json to_json(const AuditRecord& r) {
  return {{"sequence", r.sequence},
          {"at", r.at},
          {"actor", r.actor},
          {"role", r.role},
          {"address", r.address},
          {"action", r.action},
          {"client_id", r.client_id ? nlohmann::json(*r.client_id) : nlohmann::json(nullptr)},
          {"status", r.status},
          {"detail", r.detail}};
}

AuditTrail::AuditTrail(const std::filesystem::path& file) : db_(file) {
  db_.execute(kSchema);
}

void AuditTrail::append(AuditRecord record) {
  append(std::span(&record, 1));
}

void AuditTrail::append(std::span<AuditRecord> records) {
  in_transaction(db_, [&] { insert(records); });
}

void AuditTrail::append_journaled(std::span<AuditRecord> records, std::int64_t through) {
  in_transaction(db_, [&] {
    insert(records);
    db_.prepare(
           "INSERT INTO audit_journal (id, moved) VALUES (1, ?1) "
           "ON CONFLICT (id) DO UPDATE SET moved = excluded.moved")
        .bind(1, through)
        .run();
  });
}

std::int64_t AuditTrail::journal_moved() {
  Statement query = db_.prepare("SELECT moved FROM audit_journal");
  return query.step() ? query.integer(0) : 0;
}

void AuditTrail::insert(std::span<AuditRecord> records) {
  Head head = read_head(db_);
  Statement insert = db_.prepare("INSERT INTO audit (" + std::string(kColumns) +
                                 ") VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  for (AuditRecord& r : records) {
    r.sequence = head.last_sequence + 1;
    if (r.at.empty()) r.at = audit_time_now();
    const std::string hash = record_hash(r, head.last_hash);
    insert.bind(1, r.sequence).bind(2, r.at).bind(3, r.actor).bind(4, r.role);
    insert.bind(5, r.address).bind(6, r.action);
    if (r.client_id) {
      insert.bind(7, *r.client_id);
    } else {
      insert.bind_null(7);
    }
    insert.bind(8, static_cast<std::int64_t>(r.status)).bind(9, r.detail);
    insert.bind(10, head.last_hash).bind(11, hash);
    insert.run();
    insert.reset();
    head.last_sequence = r.sequence;
    head.last_hash = hash;
  }
  write_head(db_, head);
}

AuditVerification AuditTrail::verify() {
  const Head head = read_head(db_);
  AuditVerification result;
  auto broken = [&](std::int64_t sequence, std::string problem) {
    result.intact = false;
    result.first_broken = sequence;
    result.problem = std::move(problem);
    return result;
  };
  std::int64_t expected_sequence = head.anchor_sequence + 1;
  std::string expected_previous = head.anchor_hash;
  Statement query =
      db_.prepare("SELECT " + std::string(kColumns) + " FROM audit ORDER BY sequence");
  while (query.step()) {
    const AuditRecord r = record_of(query);
    if (r.sequence != expected_sequence) {
      return broken(expected_sequence, r.sequence > expected_sequence
                                           ? "missing: deleted, or the chain starts later"
                                           : "a record before the trail's start");
    }
    if (query.text(9) != expected_previous)
      return broken(r.sequence, "does not follow the record before it (inserted or reordered)");
    const std::string hash = record_hash(r, expected_previous);
    if (query.text(10) != hash)
      return broken(r.sequence, "edited: its content does not match its hash");
    ++result.records;
    ++expected_sequence;
    expected_previous = hash;
  }
  if (expected_sequence - 1 != head.last_sequence || expected_previous != head.last_hash) {
    return broken(expected_sequence,
                  "missing: the trail ends at " + std::to_string(expected_sequence - 1) +
                      " but its head says " + std::to_string(head.last_sequence));
  }
  return result;
}

std::vector<AuditRecord> AuditTrail::find(const AuditQuery& q) {
  Statement query = filtered(db_, "SELECT " + std::string(kColumns) + " FROM audit", q, true);
  std::vector<AuditRecord> records;
  while (query.step()) records.push_back(record_of(query));
  return records;
}

std::size_t AuditTrail::count(const AuditQuery& q) {
  Statement query = filtered(db_, "SELECT count(*) FROM audit", q, false);
  query.step();
  return static_cast<std::size_t>(query.integer(0));
}

std::size_t AuditTrail::prune(const std::string& before) {
  std::size_t removed = 0;
  in_transaction(db_, [&] {
    // The first record to keep, looked for from the oldest on: a trail with nothing to prune
    // costs a row read, not a scan of years of records (3.3 s for 18 million, at every start).
    // Times follow the sequence, but for answers sent out of order within milliseconds: a record
    // older than `before` behind the first one kept goes once that one is old enough too.
    Statement kept =
        db_.prepare("SELECT sequence FROM audit WHERE at >= ?1 ORDER BY sequence LIMIT 1");
    kept.bind(1, before);
    const std::int64_t first_kept = kept.step() ? kept.integer(0) : INT64_MAX;
    Statement last = db_.prepare(
        "SELECT sequence, hash FROM audit WHERE sequence < ?1 ORDER BY sequence DESC LIMIT 1");
    last.bind(1, first_kept);
    if (!last.step()) return;
    Head head = read_head(db_);
    head.anchor_sequence = last.integer(0);
    head.anchor_hash = last.text(1);
    db_.prepare("DELETE FROM audit WHERE sequence <= ?1").bind(1, head.anchor_sequence).run();
    removed = static_cast<std::size_t>(db_.changes());
    write_head(db_, head);
  });
  return removed;
}

}  // namespace creditscore::store
