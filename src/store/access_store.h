// Who may use the server, in the store's database: people (advisors, analysts, admins) with an
// Argon2id password hash, and machines with an API token kept only as its SHA-256.
//
//   users   name, role, password_hash, disabled, created_at
//   tokens  name, role, token_hash, expires_at (Unix seconds, null: never), revoked, created_at
//   sessions  session_hash, user, created_at, expires_at (Unix seconds): the dashboard's logins
//   access_version  one number that triggers raise on every change to the three tables above
//
// What each role may do is the server's route table; here a role is only a name.
#pragma once

#include <array>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "store/access_signal.h"
#include "store/database.h"

namespace creditscore::store {

enum class Role { Advisor, Analyst, Admin, System };
inline constexpr std::array<Role, 4> kRoles = {Role::Advisor, Role::Analyst, Role::Admin,
                                               Role::System};

std::string_view role_name(Role role);  // "advisor", "analyst", "admin", "system"
// Throws an invalid_input Error listing the roles when `text` is none of them.
Role parse_role(std::string_view text);

struct User {
  std::string name;
  Role role = Role::Advisor;
  bool disabled = false;
  std::string created_at;  // ISO 8601 UTC
};

struct Token {
  std::string name;
  Role role = Role::System;
  std::optional<std::int64_t> expires_at;  // Unix seconds
  bool revoked = false;
  std::string created_at;
};

struct Session {
  std::string user;
  std::int64_t created_at = 0;  // Unix seconds
  std::int64_t expires_at = 0;  // Unix seconds: the absolute limit
};

// Passwords shorter than this are refused.
inline constexpr std::size_t kMinPasswordLength = 12;

// Throws an invalid_input Error when `name` is no valid user name or `role` is no person's role,
// before a password is asked for.
void check_new_user(std::string_view name, Role role);

class AccessStore {
 public:
  // Opens the store database `file`, adding the two tables when they are not there yet.
  explicit AccessStore(const std::filesystem::path& file);

  // Names are 1 to 64 letters, digits, '.', '_', '-' or '@'; an invalid_input Error says so, a
  // conflict Error when the name is taken, a not_found Error when it is unknown.
  void add_user(std::string_view name, Role role, std::string_view password);
  void set_password(std::string_view name, std::string_view password);
  void disable_user(std::string_view name);
  std::vector<User> users();
  // The user whose password this is, unless disabled. An unknown name costs the same time as a
  // wrong password, so that the answer's delay does not tell which names exist.
  std::optional<User> authenticate(std::string_view name, std::string_view password);
  std::optional<User> find_user(std::string_view name);

  // A new token's secret, shown once: only its hash is kept.
  std::string create_token(std::string_view name, Role role,
                           std::optional<std::int64_t> expires_at);
  void revoke_token(std::string_view name);
  std::vector<Token> tokens();
  // Every token that may still be used at `now` (Unix seconds), by the SHA-256 of its secret.
  std::vector<std::pair<std::string, Token>> live_tokens(std::int64_t now);

  // A new session of `user` until `expires_at`; returns its secret, of which only the SHA-256 is
  // kept (token_hash). Sessions expired at `now` are removed on the way.
  std::string open_session(std::string_view user, std::int64_t now, std::int64_t expires_at);
  void close_session(std::string_view session_hash);
  // Every session still open at `now`, by the hash of its secret.
  std::vector<std::pair<std::string, Session>> live_sessions(std::int64_t now);

  // A number that changes whenever a user, token or session changes, in any process: what was
  // read from the three tables is still true while it stays the same.
  std::int64_t version();
  // On an SQLite store, a number raised in memory shared by every process on this machine after
  // each change made through this class (AccessSignal): reading it costs no query. nullopt on
  // PostgreSQL, where servers on other machines change the tables too.
  std::optional<std::uint64_t> change_signal();

 private:
  AccessSignal* signal();  // nullptr on PostgreSQL
  void changed();          // after a change is committed

  Database db_;
  std::optional<AccessSignal> signal_;
};

// Now in Unix seconds, as tokens and sessions give their times.
std::int64_t unix_now();

// The SHA-256 of a token's secret, as the store keeps it.
std::string token_hash(std::string_view secret);

}  // namespace creditscore::store
