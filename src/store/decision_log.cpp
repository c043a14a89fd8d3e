#include "store/decision_log.h"

#include "common/error.h"
#include "store/audit_trail.h"

namespace creditscore::store {
namespace {

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS decisions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  client_id INTEGER NOT NULL,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  run_id TEXT NOT NULL,
  probability REAL NOT NULL,
  threshold REAL NOT NULL,
  recommendation TEXT NOT NULL CHECK (recommendation IN ('granted', 'refused')),
  decision TEXT NOT NULL CHECK (decision IN ('granted', 'refused')),
  overrides INTEGER NOT NULL,
  comment TEXT NOT NULL,
  reasons TEXT NOT NULL,
  replaces INTEGER UNIQUE REFERENCES decisions (id)
);
CREATE INDEX IF NOT EXISTS decisions_by_client ON decisions (client_id, id);
)sql";

// A decision is never changed nor deleted, whoever opens the database.
constexpr std::string_view kSqliteGuards = R"sql(
CREATE TRIGGER IF NOT EXISTS decisions_never_updated BEFORE UPDATE ON decisions
  BEGIN SELECT RAISE(ABORT, 'a decision is never changed: record a correction'); END;
CREATE TRIGGER IF NOT EXISTS decisions_never_deleted BEFORE DELETE ON decisions
  BEGIN SELECT RAISE(ABORT, 'a decision is never deleted: record a correction'); END;
)sql";
constexpr std::string_view kPostgresqlGuards = R"sql(
CREATE OR REPLACE FUNCTION refuse_decision_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'a decision is never %: record a correction',
    CASE TG_OP WHEN 'UPDATE' THEN 'changed' ELSE 'deleted' END;
END $$;
CREATE OR REPLACE TRIGGER decisions_never_changed BEFORE UPDATE OR DELETE ON decisions
  FOR EACH ROW EXECUTE FUNCTION refuse_decision_change();
)sql";

constexpr std::string_view kColumns =
    "d.id, d.client_id, d.at, d.actor, d.run_id, d.probability, d.threshold, d.recommendation, "
    "d.decision, d.comment, d.reasons, d.replaces";

// That d is its client's latest decision.
constexpr std::string_view kLatest =
    "d.id = (SELECT max(id) FROM decisions WHERE client_id = d.client_id)";

Decision decision_of(Statement& row, const std::string& database) {
  Decision d;
  d.id = row.integer(0);
  d.client_id = row.integer(1);
  d.at = row.text(2);
  d.actor = row.text(3);
  d.run_id = row.text(4);
  d.probability = row.real(5);
  d.threshold = row.real(6);
  try {
    d.recommendation = model::parse_verdict(row.text(7));
    d.decision = model::parse_verdict(row.text(8));
    d.reasons = nlohmann::json::parse(row.text(10));
  } catch (const std::exception& e) {
    throw StoreError(database + ": decision " + std::to_string(d.id) +
                     " is malformed: " + e.what());
  }
  d.comment = row.text(9);
  if (!row.is_null(11)) d.replaces = row.integer(11);
  return d;
}

}  // namespace

nlohmann::json to_json(const Decision& d) {
  return {{"id", d.id},
          {"client_id", d.client_id},
          {"at", d.at},
          {"actor", d.actor},
          {"run_id", d.run_id},
          {"probability", d.probability},
          {"threshold", d.threshold},
          {"recommendation", model::verdict_name(d.recommendation)},
          {"decision", model::verdict_name(d.decision)},
          {"overrides", d.overrides()},
          {"comment", d.comment},
          {"reasons", d.reasons},
          {"replaces", d.replaces ? nlohmann::json(*d.replaces) : nlohmann::json(nullptr)}};
}

DecisionLog::DecisionLog(const std::filesystem::path& file) : db_(file) {
  db_.execute(kSchema);
  db_.execute(db_.dialect() == Dialect::SQLite ? kSqliteGuards : kPostgresqlGuards);
  create_idempotency_table(db_);
}

void DecisionLog::record(Decision& d) {
  in_transaction(db_, [&] { append(d); });
}

bool DecisionLog::record_once(Decision& d, const IdempotencyKey& key) {
  bool recorded = false;
  in_transaction(db_, [&] {
    if (const auto earlier = earlier_resource(db_, key)) {
      Statement query =
          db_.prepare("SELECT " + std::string(kColumns) + " FROM decisions d WHERE d.id = ?1");
      query.bind(1, *earlier).step();
      d = decision_of(query, db_.name());
      return;
    }
    append(d);
    remember_resource(db_, key, d.id);
    recorded = true;
  });
  return recorded;
}

void DecisionLog::append(Decision& d) {
  Statement latest = db_.prepare("SELECT max(id) FROM decisions WHERE client_id = ?1");
  latest.bind(1, d.client_id).step();
  d.replaces = latest.is_null(0) ? std::nullopt : std::optional(latest.integer(0));
  d.at = audit_time_now();
  Statement insert = db_.prepare(
      "INSERT INTO decisions (client_id, at, actor, run_id, probability, threshold, "
      "recommendation, decision, overrides, comment, reasons, replaces) "
      "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) RETURNING id");
  insert.bind(1, d.client_id).bind(2, d.at).bind(3, d.actor).bind(4, d.run_id);
  insert.bind(5, d.probability).bind(6, d.threshold);
  insert.bind(7, model::verdict_name(d.recommendation)).bind(8, model::verdict_name(d.decision));
  insert.bind(9, static_cast<std::int64_t>(d.overrides())).bind(10, d.comment);
  insert.bind(11, d.reasons.dump());
  if (d.replaces) {
    insert.bind(12, *d.replaces);
  } else {
    insert.bind_null(12);
  }
  insert.step();
  d.id = insert.integer(0);
}

std::vector<Decision> DecisionLog::history(std::int64_t client_id) {
  Statement query = db_.prepare("SELECT " + std::string(kColumns) +
                                " FROM decisions d WHERE d.client_id = ?1 ORDER BY d.id DESC");
  query.bind(1, client_id);
  std::vector<Decision> decisions;
  while (query.step()) decisions.push_back(decision_of(query, db_.name()));
  return decisions;
}

ApplicationPage DecisionLog::applications(ApplicationStatus status, std::size_t offset,
                                          std::size_t limit) {
  const std::string decided = "EXISTS (SELECT 1 FROM decisions WHERE client_id = c.id)";
  const std::string filter = "c.split IN ('test', 'new') AND " +
                             (status == ApplicationStatus::Pending ? "NOT " + decided : decided);
  ApplicationPage page;
  Statement count = db_.prepare("SELECT count(*) FROM clients c WHERE " + filter);
  count.step();
  page.total = static_cast<std::size_t>(count.integer(0));
  if (status == ApplicationStatus::Pending) {
    Statement query = db_.prepare("SELECT c.id, c.updated_at FROM clients c WHERE " + filter +
                                  " ORDER BY c.updated_at, c.id LIMIT ?1 OFFSET ?2");
    query.bind(1, static_cast<std::int64_t>(limit)).bind(2, static_cast<std::int64_t>(offset));
    while (query.step()) page.rows.push_back({query.integer(0), query.text(1), std::nullopt});
    return page;
  }
  Statement query = db_.prepare(
      "SELECT " + std::string(kColumns) +
      ", c.updated_at FROM clients c JOIN decisions d ON d.client_id = c.id WHERE " +
      std::string(kLatest) + " AND " + filter + " ORDER BY d.id DESC LIMIT ?1 OFFSET ?2");
  query.bind(1, static_cast<std::int64_t>(limit)).bind(2, static_cast<std::int64_t>(offset));
  while (query.step()) {
    Decision d = decision_of(query, db_.name());
    page.rows.push_back({d.client_id, query.text(12), std::move(d)});
  }
  return page;
}

std::vector<Decision> DecisionLog::latest_since(const std::string& since) {
  check_since(since);
  Statement query = db_.prepare("SELECT " + std::string(kColumns) + " FROM decisions d WHERE " +
                                std::string(kLatest) + " AND d.at >= ?1 ORDER BY d.id");
  query.bind(1, since);
  std::vector<Decision> decisions;
  while (query.step()) decisions.push_back(decision_of(query, db_.name()));
  return decisions;
}

}  // namespace creditscore::store
