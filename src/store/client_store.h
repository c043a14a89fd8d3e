// The clients the advisors work on, in SQLite: each client's raw application, a short summary of
// the history, the feature vector the model read and the probability it gave, for the history
// (split 'train', outcome known), the new applications ('test') and those posted later ('new').
//
//   meta     key/value: schema_version, feature_names (JSON array), run_id (the model that scored),
//            built_at, data_directory
//   clients  id (SK_ID_CURR), split, target, probability, run_id, updated_at, then the large
//            columns: features (float32 little endian, one per feature name), application (JSON
//            object, column -> number, text or null, in the file's order), summary (JSON object)
//   posted_history  id, tables: the history rows posted with an application (JSON object)
//
// The feature blob comes before the JSON so that reading every vector does not walk the JSON's
// overflow pages. Every read checks what it reads and throws StoreError naming the database, the
// client and what is wrong.
#pragma once

#include <cstdint>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "store/database.h"
#include "store/idempotency_keys.h"

namespace creditscore::store {

enum class ClientSplit { Train, Test, New };

std::string_view split_name(ClientSplit split);  // "train", "test", "new"
// Throws StoreError naming the text when it is none of those.
ClientSplit parse_split(std::string_view text);

struct StoredClient {
  std::int64_t id = 0;  // SK_ID_CURR
  ClientSplit split = ClientSplit::Train;
  std::optional<int>
      target;  // 1 = defaulted, 0 = repaid; known for 'train', for others once it arrives
  std::string application;  // JSON object text (see application_json.h)
  std::string summary;      // JSON object text (see history_summary.h)
  // The history rows posted with the application, as a JSON object text (file name -> rows);
  // empty for a client of the data set, whose rows are in its files. put() keeps it when given
  // and never removes it.
  std::string posted_history;
  std::vector<float> features;
  std::optional<double> probability;
  std::string run_id;      // the model that gave the probability
  std::string updated_at;  // ISO 8601 UTC; set by put(), ignored in what is given to it
};

struct StoreMeta {
  std::vector<std::string> feature_names;
  std::string run_id;
  std::string built_at;
  std::string data_directory;
};

// One line of the client list.
struct ClientRow {
  std::int64_t id = 0;
  ClientSplit split = ClientSplit::Train;
  std::optional<double> probability;
  std::optional<int> target;
  std::optional<double> amt_credit;
  std::optional<double> amt_income_total;
  std::string name_contract_type;  // empty when missing
};

struct ClientPage {
  std::vector<ClientRow> rows;
  std::size_t total = 0;  // clients matching the query, all pages together
};

inline constexpr std::int8_t kUnknownTarget = -1;

// Every client at once, for distributions and nearest neighbours.
struct Outcome {
  std::int64_t client_id;
  int target;  // 0 repaid, 1 defaulted
};

struct StoredMatrix {
  std::vector<std::string> names;
  std::vector<std::int64_t> ids;  // ascending
  std::vector<ClientSplit> splits;
  std::vector<std::int8_t> targets;   // 0, 1 or kUnknownTarget
  std::vector<double> probabilities;  // NaN when the client was never scored
  std::vector<float> values;          // rows x cols, row-major

  std::size_t rows() const { return ids.size(); }
  std::size_t cols() const { return names.size(); }
  std::span<const float> row(std::size_t r) const { return {values.data() + r * cols(), cols()}; }
};

// A client whose application is new, and when it was made or last updated.
struct CurrentClient {
  std::int64_t id = 0;
  std::string month;  // "YYYY-MM"
};

// One thread at a time; several processes may open the same file (SQLite's WAL).
class ClientStore {
 public:
  // Opens (creating if needed) the store. Throws StoreError when the file is not a database or
  // holds a store of another schema version.
  explicit ClientStore(const std::filesystem::path& file);

  const std::filesystem::path& location() const { return db_.location(); }

  // Replaces the meta data. The feature names fix the length of every client's vector; once
  // clients are stored, names of another count are refused with StoreError.
  void set_meta(const StoreMeta& meta);
  // Throws StoreError when the store has no meta data yet or it is malformed.
  StoreMeta meta();
  const std::vector<std::string>& feature_names();

  // Inserts or replaces the clients, all in one transaction. Throws StoreError naming the first
  // client whose vector does not have one value per feature name (then nothing is written).
  void put(std::span<const StoredClient> clients);
  // Saves a new client (an application just admitted), unless a request sent with `key` did
  // before: then writes nothing and gives the id that one saved. A key sent with another request
  // is an InvalidInput StoreError. An id already taken (by another server sharing the store) is
  // a Conflict StoreError: a new client never replaces one.
  std::optional<std::int64_t> put_new(const StoredClient& client,
                                      const IdempotencyKey* key = nullptr);
  // The smallest id above every stored client's: where a new application's number starts,
  // whichever server saved the last one.
  std::int64_t next_free_id();
  // The id a request sent with `key` saved, if one did (a key sent with another request is an
  // InvalidInput StoreError): a retry is answered without scoring it again.
  std::optional<std::int64_t> saved_with(const IdempotencyKey& key);
  std::optional<StoredClient> find(std::int64_t id);
  // A page of clients ordered by id. `query` keeps the ids that start with those digits (empty:
  // all); anything but digits is refused with StoreError naming it.
  ClientPage list(std::size_t offset, std::size_t limit, std::string_view query = {});
  std::size_t count();
  StoredMatrix load_all();
  // The clients that are not training ones, updated within [since, until) (ISO 8601 texts, "" for
  // no bound), by id, each with the month of its application ("2026-12").
  std::vector<CurrentClient> current_clients(const std::string& since, const std::string& until);
  // The outcomes of past applications that were not training ones (TARGET: 0 repaid, 1
  // defaulted), all in one transaction: a not_found Error for an unknown client, a conflict one
  // for a training client, and then nothing is written.
  void record_outcomes(std::span<const Outcome> outcomes);

 private:
  [[noreturn]] void fail_client(std::int64_t id, const std::string& what) const;
  // The parsed document; throws StoreError naming the client when it is not a JSON object.
  nlohmann::json check_json_object(std::int64_t id, std::string_view column,
                                   const std::string& text) const;
  int read_target(std::int64_t id, std::int64_t value) const;
  std::vector<float> read_features(std::int64_t id, std::span<const std::byte> blob);
  std::vector<std::string> read_feature_names();
  // Within a transaction: checks every vector's length, then inserts or replaces the clients.
  void write(std::span<const StoredClient> clients);

  Database db_;
  std::optional<std::vector<std::string>> feature_names_;  // read once
};

}  // namespace creditscore::store
