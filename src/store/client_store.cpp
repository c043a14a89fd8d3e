#include "store/client_store.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>

#include "common/error.h"

namespace creditscore::store {
namespace {

// The feature blobs are the floats' bytes as they lie in memory, which must then be little endian.
static_assert(std::endian::native == std::endian::little,
              "the client store's feature blobs are little endian");

constexpr std::string_view kSchemaVersion = "1";

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta (
  key TEXT PRIMARY KEY,
  value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS clients (
  id INTEGER PRIMARY KEY,
  split TEXT NOT NULL,
  target INTEGER,
  probability REAL,
  run_id TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  features BLOB NOT NULL,
  application TEXT NOT NULL,
  summary TEXT NOT NULL
);
-- A row takes most of a page: counting and paging walk this narrow copy of the ids instead.
CREATE INDEX IF NOT EXISTS clients_by_id ON clients (id);
-- The history rows posted with an application (a data set's clients have theirs in its files).
CREATE TABLE IF NOT EXISTS posted_history (
  id INTEGER PRIMARY KEY,
  tables TEXT NOT NULL
);
)sql";

constexpr std::string_view kClientColumns =
    "id, split, target, probability, run_id, updated_at, features, application, summary";

// The ids whose decimal form starts with `digits` (every id when empty): [p, p], [p0, p9],
// [p00, p99]... as long as they fit in an int64. Ascending and disjoint.
std::vector<std::pair<std::int64_t, std::int64_t>> prefix_ranges(std::string_view digits) {
  constexpr auto kMax = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
  std::vector<std::pair<std::int64_t, std::int64_t>> ranges;
  if (digits.empty())
    ranges.emplace_back(std::numeric_limits<std::int64_t>::min(),
                        std::numeric_limits<std::int64_t>::max());
  if (digits == "0") ranges.emplace_back(0, 0);
  if (digits.empty() || digits.front() == '0' || digits.size() > 19) return ranges;
  std::uint64_t prefix = 0;  // at most 19 digits: fits
  for (char c : digits) prefix = prefix * 10 + static_cast<std::uint64_t>(c - '0');
  // The scale stops at 10^19 at the latest, where prefix * scale passes kMax for any prefix.
  for (std::uint64_t scale = 1; prefix <= kMax / scale; scale *= 10) {
    const std::uint64_t low = prefix * scale;
    const std::uint64_t high = scale - 1 > kMax - low ? kMax : low + scale - 1;
    ranges.emplace_back(static_cast<std::int64_t>(low), static_cast<std::int64_t>(high));
  }
  return ranges;
}

}  // namespace

std::string_view split_name(ClientSplit split) {
  switch (split) {
    case ClientSplit::Train:
      return "train";
    case ClientSplit::Test:
      return "test";
    case ClientSplit::New:
      return "new";
  }
  return "?";
}

ClientSplit parse_split(std::string_view text) {
  if (text == "train") return ClientSplit::Train;
  if (text == "test") return ClientSplit::Test;
  if (text == "new") return ClientSplit::New;
  throw StoreError("unknown split '" + std::string(text) + "' (train, test or new)");
}

ClientStore::ClientStore(const std::filesystem::path& file) : db_(file) {
  db_.execute(kSchema);
  create_idempotency_table(db_);
  db_.prepare("INSERT INTO meta (key, value) VALUES ('schema_version', ?1) ON CONFLICT DO NOTHING")
      .bind(1, kSchemaVersion)
      .run();
  Statement version = db_.prepare("SELECT value FROM meta WHERE key = 'schema_version'");
  version.step();
  if (version.text(0) != kSchemaVersion) {
    throw StoreError(file.string() + ": client store of schema version " + version.text(0) +
                     ", this program reads version " + std::string(kSchemaVersion) +
                     " (rebuild it with `creditscore store build`)");
  }
}

void ClientStore::fail_client(std::int64_t id, const std::string& what) const {
  throw StoreError(db_.name() + ": client " + std::to_string(id) + ": " + what);
}

void ClientStore::set_meta(const StoreMeta& meta) {
  in_transaction(db_, [&] {
    // The stored vectors were cut by the old names: new names would make them unreadable.
    if (count() > 0 && meta.feature_names.size() != read_feature_names().size()) {
      throw StoreError(db_.name() + ": the store's clients have " +
                       std::to_string(read_feature_names().size()) + " features, not " +
                       std::to_string(meta.feature_names.size()) +
                       " (build a new store with `creditscore store build`)");
    }
    Statement put = db_.prepare(
        "INSERT INTO meta (key, value) VALUES (?1, ?2) "
        "ON CONFLICT (key) DO UPDATE SET value = excluded.value");
    const std::pair<std::string_view, std::string> entries[] = {
        {"feature_names", nlohmann::json(meta.feature_names).dump()},
        {"run_id", meta.run_id},
        {"built_at", meta.built_at},
        {"data_directory", meta.data_directory}};
    for (const auto& [key, value] : entries) {
      put.bind(1, key).bind(2, value).run();
      put.reset();
    }
  });
  feature_names_ = meta.feature_names;
}

StoreMeta ClientStore::meta() {
  StoreMeta meta;
  meta.feature_names = feature_names();
  Statement query = db_.prepare("SELECT key, value FROM meta");
  while (query.step()) {
    const std::string key = query.text(0);
    if (key == "run_id") meta.run_id = query.text(1);
    if (key == "built_at") meta.built_at = query.text(1);
    if (key == "data_directory") meta.data_directory = query.text(1);
  }
  return meta;
}

std::vector<std::string> ClientStore::read_feature_names() {
  Statement query = db_.prepare("SELECT value FROM meta WHERE key = 'feature_names'");
  if (!query.step()) {
    throw StoreError(db_.name() +
                     ": no feature names in meta (build it with `creditscore store build`)");
  }
  const std::string text = query.text(0);
  std::vector<std::string> names;
  try {
    const nlohmann::json document = nlohmann::json::parse(text);
    if (!document.is_array()) throw StoreError("not a JSON array");
    for (const nlohmann::json& name : document) {
      if (!name.is_string()) throw StoreError("holds " + name.dump() + ", not a name");
      names.push_back(name.get<std::string>());
    }
  } catch (const std::exception& error) {
    throw StoreError(db_.name() + ": meta feature_names: " + error.what());
  }
  return names;
}

const std::vector<std::string>& ClientStore::feature_names() {
  if (!feature_names_) feature_names_ = read_feature_names();
  return *feature_names_;
}

void ClientStore::put(std::span<const StoredClient> clients) {
  in_transaction(db_, [&] { write(clients); });
}

std::optional<std::int64_t> ClientStore::put_new(const StoredClient& client,
                                                 const IdempotencyKey* key) {
  std::optional<std::int64_t> earlier;
  in_transaction(db_, [&] {
    if (key) earlier = earlier_resource(db_, *key);
    if (earlier) return;
    Statement taken = db_.prepare("SELECT 1 FROM clients WHERE id = ?1");
    if (taken.bind(1, client.id).step()) {
      throw StoreError(db_.name() + ": client " + std::to_string(client.id) +
                           " is taken, by another server's new application: try again",
                       ErrorKind::Conflict);
    }
    write(std::span(&client, 1));
    if (key) remember_resource(db_, *key, client.id);
  });
  return earlier;
}

std::int64_t ClientStore::next_free_id() {
  Statement last = db_.prepare("SELECT COALESCE(MAX(id), 0) + 1 FROM clients");
  last.step();
  return last.integer(0);
}

std::optional<std::int64_t> ClientStore::saved_with(const IdempotencyKey& key) {
  std::optional<std::int64_t> earlier;
  in_transaction(db_, [&] { earlier = earlier_resource(db_, key); });
  return earlier;
}

void ClientStore::write(std::span<const StoredClient> clients) {
  const std::size_t cols = feature_names().size();
  for (const StoredClient& client : clients) {
    if (client.features.size() != cols) {
      fail_client(client.id, "has " + std::to_string(client.features.size()) +
                                 " feature values, the store has " + std::to_string(cols) +
                                 " feature names");
    }
  }
  Statement insert = db_.prepare(
      "INSERT INTO clients (" + std::string(kClientColumns) +
      ") VALUES (?1, ?2, ?3, ?4, ?5, strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), ?6, ?7, ?8) "
      "ON CONFLICT (id) DO UPDATE SET split = excluded.split, target = excluded.target, "
      "probability = excluded.probability, run_id = excluded.run_id, "
      "updated_at = excluded.updated_at, features = excluded.features, "
      "application = excluded.application, summary = excluded.summary");
  Statement keep_history = db_.prepare(
      "INSERT INTO posted_history (id, tables) VALUES (?1, ?2) "
      "ON CONFLICT (id) DO UPDATE SET tables = excluded.tables");
  for (const StoredClient& client : clients) {
    insert.bind(1, client.id).bind(2, split_name(client.split));
    if (client.target) {
      insert.bind(3, static_cast<std::int64_t>(*client.target));
    } else {
      insert.bind_null(3);
    }
    if (client.probability) {
      insert.bind(4, *client.probability);
    } else {
      insert.bind_null(4);
    }
    insert.bind(5, client.run_id).bind_blob(6, std::as_bytes(std::span(client.features)));
    insert.bind(7, client.application).bind(8, client.summary);
    insert.run();
    insert.reset();
    if (!client.posted_history.empty()) {
      keep_history.bind(1, client.id).bind(2, client.posted_history).run();
      keep_history.reset();
    }
  }
}

nlohmann::json ClientStore::check_json_object(std::int64_t id, std::string_view column,
                                              const std::string& text) const {
  nlohmann::json document;
  try {
    document = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    fail_client(id, std::string(column) + " is not JSON: " + error.what());
  }
  if (!document.is_object()) fail_client(id, std::string(column) + " is not a JSON object");
  return document;
}

int ClientStore::read_target(std::int64_t id, std::int64_t value) const {
  if (value != 0 && value != 1) fail_client(id, "target " + std::to_string(value) + ", not 0 or 1");
  return static_cast<int>(value);
}

std::vector<float> ClientStore::read_features(std::int64_t id, std::span<const std::byte> blob) {
  const std::size_t cols = feature_names().size();
  if (blob.size() != cols * sizeof(float)) {
    fail_client(id, "features hold " + std::to_string(blob.size()) + " bytes, expected " +
                        std::to_string(cols * sizeof(float)) + " (" + std::to_string(cols) +
                        " float32 values)");
  }
  std::vector<float> values(cols);
  if (cols > 0) std::memcpy(values.data(), blob.data(), blob.size());
  return values;
}

std::optional<StoredClient> ClientStore::find(std::int64_t id) {
  Statement query =
      db_.prepare("SELECT " + std::string(kClientColumns) + " FROM clients WHERE id = ?1");
  query.bind(1, id);
  if (!query.step()) return std::nullopt;
  StoredClient client;
  client.id = id;
  try {
    client.split = parse_split(query.text(1));
  } catch (const StoreError& error) {
    fail_client(id, error.what());
  }
  if (!query.is_null(2)) client.target = read_target(id, query.integer(2));
  if (!query.is_null(3)) client.probability = query.real(3);
  client.run_id = query.text(4);
  client.updated_at = query.text(5);
  client.features = read_features(id, query.blob(6));
  client.application = query.text(7);
  client.summary = query.text(8);
  check_json_object(id, "application", client.application);
  check_json_object(id, "summary", client.summary);
  Statement history = db_.prepare("SELECT tables FROM posted_history WHERE id = ?1");
  if (history.bind(1, id).step()) {
    client.posted_history = history.text(0);
    check_json_object(id, "posted history", client.posted_history);
  }
  return client;
}

ClientPage ClientStore::list(std::size_t offset, std::size_t limit, std::string_view query) {
  for (char c : query) {
    if (c < '0' || c > '9') {
      throw StoreError("client id search '" + std::string(query) + "': digits only",
                       ErrorKind::InvalidInput);
    }
  }
  // Range by range, each counted and read in the id index: a page costs the same at any offset.
  Statement count_range = db_.prepare("SELECT count(*) FROM clients WHERE id BETWEEN ?1 AND ?2");
  Statement ids_in_range = db_.prepare(
      "SELECT id FROM clients WHERE id BETWEEN ?1 AND ?2 ORDER BY id LIMIT ?3 OFFSET ?4");
  ClientPage page;
  std::vector<std::int64_t> ids;
  std::size_t skip = offset;
  for (const auto& [low, high] : prefix_ranges(query)) {
    count_range.bind(1, low).bind(2, high);
    count_range.step();
    const auto in_range = static_cast<std::size_t>(count_range.integer(0));
    count_range.reset();
    page.total += in_range;
    if (skip >= in_range) {
      skip -= in_range;
      continue;
    }
    if (ids.size() == limit) continue;
    ids_in_range.bind(1, low).bind(2, high);
    ids_in_range.bind(3, static_cast<std::int64_t>(std::min(limit - ids.size(), in_range)));
    ids_in_range.bind(4, static_cast<std::int64_t>(skip));
    while (ids_in_range.step()) ids.push_back(ids_in_range.integer(0));
    ids_in_range.reset();
    skip = 0;
  }

  Statement read =
      db_.prepare("SELECT split, probability, target, application FROM clients WHERE id = ?1");
  for (const std::int64_t id : ids) {
    read.reset();
    read.bind(1, id);
    if (!read.step()) continue;  // removed by another process meanwhile
    ClientRow row;
    row.id = id;
    try {
      row.split = parse_split(read.text(0));
    } catch (const StoreError& error) {
      fail_client(id, error.what());
    }
    if (!read.is_null(1)) row.probability = read.real(1);
    if (!read.is_null(2)) row.target = read_target(id, read.integer(2));
    const nlohmann::json application = check_json_object(id, "application", read.text(3));
    auto number = [&](const char* field) -> std::optional<double> {
      const auto found = application.find(field);
      if (found == application.end() || found->is_null()) return std::nullopt;
      if (!found->is_number())
        fail_client(id, std::string("application ") + field + " is not a number");
      return found->get<double>();
    };
    row.amt_credit = number("AMT_CREDIT");
    row.amt_income_total = number("AMT_INCOME_TOTAL");
    const auto type = application.find("NAME_CONTRACT_TYPE");
    if (type != application.end() && !type->is_null()) {
      if (!type->is_string()) fail_client(id, "application NAME_CONTRACT_TYPE is not text");
      row.name_contract_type = type->get<std::string>();
    }
    page.rows.push_back(std::move(row));
  }
  return page;
}

std::size_t ClientStore::count() {
  Statement query = db_.prepare("SELECT count(*) FROM clients");
  query.step();
  return static_cast<std::size_t>(query.integer(0));
}

std::vector<CurrentClient> ClientStore::current_clients(const std::string& since,
                                                        const std::string& until) {
  Statement query = db_.prepare(
      "SELECT id, substr(updated_at, 1, 7) FROM clients WHERE split <> 'train' AND (?1 = '' OR "
      "updated_at >= ?1) AND (?2 = '' OR updated_at < ?2) ORDER BY id");
  query.bind(1, since).bind(2, until);
  std::vector<CurrentClient> clients;
  while (query.step()) clients.push_back({query.integer(0), query.text(1)});
  return clients;
}

void ClientStore::record_outcomes(std::span<const Outcome> outcomes) {
  in_transaction(db_, [&] {
    Statement split = db_.prepare("SELECT split FROM clients WHERE id = ?1");
    Statement update = db_.prepare("UPDATE clients SET target = ?1 WHERE id = ?2");
    for (const Outcome& outcome : outcomes) {
      split.reset();
      split.bind(1, outcome.client_id);
      if (!split.step()) throw not_found("no client " + std::to_string(outcome.client_id));
      if (parse_split(split.text(0)) == ClientSplit::Train) {
        throw conflict("client " + std::to_string(outcome.client_id) +
                       " is a training client: its outcome is already known");
      }
      if (outcome.target != 0 && outcome.target != 1) {
        throw invalid_input("client " + std::to_string(outcome.client_id) + ": outcome " +
                            std::to_string(outcome.target) + ", not 0 (repaid) or 1 (defaulted)");
      }
      update.reset();
      update.bind(1, static_cast<std::int64_t>(outcome.target)).bind(2, outcome.client_id).run();
    }
  });
}

StoredMatrix ClientStore::load_all() {
  StoredMatrix matrix;
  matrix.names = feature_names();
  const std::size_t cols = matrix.cols();
  const std::size_t rows = count();
  matrix.ids.reserve(rows);
  matrix.splits.reserve(rows);
  matrix.targets.reserve(rows);
  matrix.probabilities.reserve(rows);
  matrix.values.resize(rows * cols);
  Statement query =
      db_.prepare("SELECT id, split, target, probability, features FROM clients ORDER BY id");
  std::size_t r = 0;
  while (query.step()) {
    const std::int64_t id = query.integer(0);
    // Another process may add clients between the count and this read.
    if (r == rows) matrix.values.resize((r + 1) * cols);
    const std::span<const std::byte> blob = query.blob(4);
    if (blob.size() != cols * sizeof(float)) read_features(id, blob);  // throws, naming the client
    if (cols > 0) std::memcpy(matrix.values.data() + r * cols, blob.data(), blob.size());
    try {
      matrix.splits.push_back(parse_split(query.text(1)));
    } catch (const StoreError& error) {
      fail_client(id, error.what());
    }
    matrix.targets.push_back(query.is_null(2)
                                 ? kUnknownTarget
                                 : static_cast<std::int8_t>(read_target(id, query.integer(2))));
    matrix.probabilities.push_back(query.is_null(3) ? std::nan("") : query.real(3));
    matrix.ids.push_back(id);
    ++r;
  }
  matrix.values.resize(r * cols);
  return matrix;
}

}  // namespace creditscore::store
