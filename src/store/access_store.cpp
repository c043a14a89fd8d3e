#include "store/access_store.h"

#include <array>
#include <chrono>

#include "common/error.h"
#include "model/checksum.h"
#include "store/password_hash.h"

namespace creditscore::store {
namespace {

constexpr std::array<std::string_view, 4> kRoleNames = {"advisor", "analyst", "admin", "system"};

constexpr std::string_view kSchema = R"sql(
CREATE TABLE IF NOT EXISTS users (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  disabled INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS tokens (
  name TEXT PRIMARY KEY,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  expires_at INTEGER,
  revoked INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);
CREATE TABLE IF NOT EXISTS sessions (
  session_hash TEXT PRIMARY KEY,
  "user" TEXT NOT NULL REFERENCES users (name) ON DELETE CASCADE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS access_version (n INTEGER NOT NULL);
INSERT INTO access_version SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM access_version);
)sql";

// Triggers raising access_version on every change to `table`, in each database's words.
std::string version_triggers(Dialect dialect, std::string_view table) {
  const std::string name(table);
  if (dialect == Dialect::PostgreSQL) {
    return "CREATE OR REPLACE FUNCTION raise_access_version() RETURNS trigger LANGUAGE plpgsql "
           "AS $$ BEGIN UPDATE access_version SET n = n + 1; RETURN NULL; END $$;\n"
           "CREATE OR REPLACE TRIGGER " +
           name + "_version AFTER INSERT OR UPDATE OR DELETE ON " + name +
           " FOR EACH STATEMENT EXECUTE FUNCTION raise_access_version();\n";
  }
  std::string sql;
  for (std::string_view change : {"INSERT", "UPDATE", "DELETE"}) {
    sql += "CREATE TRIGGER IF NOT EXISTS " + name + "_" + std::string(change) + "_version AFTER " +
           std::string(change) + " ON " + name +
           " BEGIN UPDATE access_version SET n = n + 1; END;\n";
  }
  return sql;
}

void check_name(std::string_view name, std::string_view what) {
  const bool valid_length = !name.empty() && name.size() <= 64;
  bool valid_characters = true;
  for (char c : name) {
    const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    valid_characters = valid_characters && (letter || c == '.' || c == '_' || c == '-' || c == '@');
  }
  if (!valid_length || !valid_characters) {
    throw invalid_input(std::string(what) + " name '" + std::string(name) +
                        "': use 1 to 64 letters, digits, '.', '_', '-' or '@'");
  }
}

void check_password(std::string_view password) {
  if (password.size() < kMinPasswordLength) {
    throw invalid_input("password: at least " + std::to_string(kMinPasswordLength) +
                        " characters (got " + std::to_string(password.size()) + ")");
  }
}

// A hash of no password anyone has: checked against when the user is unknown, so that an unknown
// name takes as long as a wrong password.
const std::string& decoy_hash() {
  static const std::string hash = hash_password(random_secret(16));
  return hash;
}

// Runs an UPDATE on one named row; a not_found Error when no row has that name.
void update_named(Database& db, std::string_view sql, std::string_view name,
                  std::string_view what) {
  db.prepare(sql).bind(1, name).run();
  if (db.changes() == 0) throw not_found("no " + std::string(what) + " named " + std::string(name));
}

}  // namespace

std::string_view role_name(Role role) {
  return kRoleNames[static_cast<std::size_t>(role)];
}

Role parse_role(std::string_view text) {
  for (std::size_t r = 0; r < kRoleNames.size(); ++r) {
    if (kRoleNames[r] == text) return static_cast<Role>(r);
  }
  throw invalid_input("role '" + std::string(text) +
                      "': expected advisor, analyst, admin or system");
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string token_hash(std::string_view secret) {
  return model::sha256_hex(secret);
}

AccessStore::AccessStore(const std::filesystem::path& file) : db_(file) {
  db_.execute(kSchema);
  for (std::string_view table : {"users", "tokens", "sessions"})
    db_.execute(version_triggers(db_.dialect(), table));
}

AccessSignal* AccessStore::signal() {
  // Opened on first use: a store only built or copied here leaves no signal file beside it.
  if (!signal_ && !is_postgresql(db_.location())) signal_.emplace(db_.location());
  return signal_ ? &*signal_ : nullptr;
}

void AccessStore::changed() {
  if (AccessSignal* raised = signal()) raised->raise();
}

std::optional<std::uint64_t> AccessStore::change_signal() {
  const AccessSignal* read = signal();
  return read ? std::optional(read->value()) : std::nullopt;
}

void check_new_user(std::string_view name, Role role) {
  check_name(name, "user");
  if (role == Role::System)
    throw invalid_input("role system is for machines: give them a token (creditscore tokens)");
}

void AccessStore::add_user(std::string_view name, Role role, std::string_view password) {
  check_new_user(name, role);
  check_password(password);
  if (find_user(name)) throw conflict("user " + std::string(name) + " already exists");
  db_.prepare("INSERT INTO users (name, role, password_hash) VALUES (?1, ?2, ?3)")
      .bind(1, name)
      .bind(2, role_name(role))
      .bind(3, hash_password(password))
      .run();
  changed();
}

void AccessStore::set_password(std::string_view name, std::string_view password) {
  check_password(password);
  if (!find_user(name)) throw not_found("no user named " + std::string(name));
  db_.prepare("UPDATE users SET password_hash = ?2 WHERE name = ?1")
      .bind(1, name)
      .bind(2, hash_password(password))
      .run();
  changed();
}

void AccessStore::disable_user(std::string_view name) {
  update_named(db_, "UPDATE users SET disabled = 1 WHERE name = ?1", name, "user");
  changed();
}

std::vector<User> AccessStore::users() {
  std::vector<User> users;
  Statement query = db_.prepare("SELECT name, role, disabled, created_at FROM users ORDER BY name");
  while (query.step()) {
    users.push_back(
        {query.text(0), parse_role(query.text(1)), query.integer(2) != 0, query.text(3)});
  }
  return users;
}

std::optional<User> AccessStore::find_user(std::string_view name) {
  Statement query =
      db_.prepare("SELECT name, role, disabled, created_at FROM users WHERE name = ?1");
  query.bind(1, name);
  if (!query.step()) return std::nullopt;
  return User{query.text(0), parse_role(query.text(1)), query.integer(2) != 0, query.text(3)};
}

std::optional<User> AccessStore::authenticate(std::string_view name, std::string_view password) {
  Statement query = db_.prepare(
      "SELECT name, role, disabled, created_at, password_hash FROM users WHERE name = ?1");
  query.bind(1, name);
  if (!query.step()) {
    password_matches(decoy_hash(), password);
    return std::nullopt;
  }
  User user{query.text(0), parse_role(query.text(1)), query.integer(2) != 0, query.text(3)};
  if (!password_matches(query.text(4), password) || user.disabled) return std::nullopt;
  return user;
}

std::string AccessStore::create_token(std::string_view name, Role role,
                                      std::optional<std::int64_t> expires_at) {
  check_name(name, "token");
  const std::string secret = "cs_" + random_secret(32);
  Statement exists = db_.prepare("SELECT 1 FROM tokens WHERE name = ?1");
  exists.bind(1, name);
  if (exists.step()) throw conflict("token " + std::string(name) + " already exists");
  Statement insert = db_.prepare(
      "INSERT INTO tokens (name, role, token_hash, expires_at) VALUES (?1, ?2, ?3, ?4)");
  insert.bind(1, name).bind(2, role_name(role)).bind(3, token_hash(secret));
  if (expires_at) {
    insert.bind(4, *expires_at);
  } else {
    insert.bind_null(4);
  }
  insert.run();
  changed();
  return secret;
}

void AccessStore::revoke_token(std::string_view name) {
  update_named(db_, "UPDATE tokens SET revoked = 1 WHERE name = ?1", name, "token");
  changed();
}

namespace {

Token token_of(const Statement& row) {
  return {row.text(0), parse_role(row.text(1)),
          row.is_null(2) ? std::nullopt : std::optional<std::int64_t>(row.integer(2)),
          row.integer(3) != 0, row.text(4)};
}

}  // namespace

std::vector<Token> AccessStore::tokens() {
  std::vector<Token> tokens;
  Statement query =
      db_.prepare("SELECT name, role, expires_at, revoked, created_at FROM tokens ORDER BY name");
  while (query.step()) tokens.push_back(token_of(query));
  return tokens;
}

std::vector<std::pair<std::string, Token>> AccessStore::live_tokens(std::int64_t now) {
  std::vector<std::pair<std::string, Token>> live;
  Statement query = db_.prepare(
      "SELECT name, role, expires_at, revoked, created_at, token_hash FROM tokens "
      "WHERE revoked = 0 AND (expires_at IS NULL OR expires_at > ?1)");
  query.bind(1, now);
  while (query.step()) live.emplace_back(query.text(5), token_of(query));
  return live;
}

std::string AccessStore::open_session(std::string_view user, std::int64_t now,
                                      std::int64_t expires_at) {
  const std::string secret = random_secret(32);
  in_transaction(db_, [&] {
    db_.prepare("DELETE FROM sessions WHERE expires_at <= ?1").bind(1, now).run();
    db_.prepare(
           "INSERT INTO sessions (session_hash, \"user\", created_at, expires_at) "
           "VALUES (?1, ?2, ?3, ?4)")
        .bind(1, token_hash(secret))
        .bind(2, user)
        .bind(3, now)
        .bind(4, expires_at)
        .run();
  });
  changed();
  return secret;
}

void AccessStore::close_session(std::string_view session_hash) {
  db_.prepare("DELETE FROM sessions WHERE session_hash = ?1").bind(1, session_hash).run();
  changed();
}

std::vector<std::pair<std::string, Session>> AccessStore::live_sessions(std::int64_t now) {
  std::vector<std::pair<std::string, Session>> live;
  Statement query = db_.prepare(
      "SELECT session_hash, \"user\", created_at, expires_at FROM sessions WHERE expires_at > ?1");
  query.bind(1, now);
  while (query.step())
    live.emplace_back(query.text(0), Session{query.text(1), query.integer(2), query.integer(3)});
  return live;
}

std::int64_t AccessStore::version() {
  Statement query = db_.prepare("SELECT n FROM access_version");
  return query.step() ? query.integer(0) : 0;
}

}  // namespace creditscore::store
