// Who is calling: an `Authorization: Bearer TOKEN` header or the dashboard's session cookie,
// checked against the store's tokens, users and sessions. They are kept in memory, so that a
// request's check is a lookup of its secret's SHA-256, and read again whenever the store's access
// version moves: a user disabled, a token revoked or a session closed, by this server or by the
// command line, is refused from the next request on. On SQLite, the version is read only when the
// store's change signal moved (AccessSignal), a load from shared memory.
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/access_policy.h"
#include "server/http_message.h"
#include "server/login_throttle.h"
#include "store/access_store.h"

namespace creditscore::server {

inline constexpr std::string_view kSessionCookie = "creditscore_session";

class Authenticator {
 public:
  struct Settings {
    std::chrono::seconds session_idle = std::chrono::minutes(30);  // without a request
    std::chrono::seconds session_lifetime = std::chrono::hours(12);
  };

  Authenticator(const std::filesystem::path& store, Settings settings);

  // The caller the request's credentials name; nullopt when it carries none, or none valid now.
  std::optional<Caller> identify(const HttpRequest& request);

  struct Login {
    Caller caller;
    std::string secret;       // the session cookie's value
    std::int64_t expires_at;  // Unix seconds
  };
  // Opens a session. Throws an HttpError: 401 with the same words for an unknown user, a wrong
  // password or a disabled user; 429 with Retry-After while the name or address is throttled.
  Login login(const std::string& user, const std::string& password, const std::string& address);
  void logout(const Caller& caller);

  const Settings& settings() const { return settings_; }

 private:
  void refresh(std::int64_t now);  // with lock_ held
  std::optional<Caller> by_token(std::string_view secret, std::int64_t now);
  std::optional<Caller> by_session(std::string_view secret, std::int64_t now);

  Settings settings_;
  LoginThrottle throttle_;
  std::mutex lock_;  // the reader and what it read
  store::AccessStore reader_;
  std::int64_t version_ = -1;
  std::uint64_t signal_seen_ = 0;  // the store's change signal when version_ was read
  std::chrono::steady_clock::time_point version_read_at_;
  std::unordered_map<std::string, store::Token> tokens_;      // live, by hash
  std::unordered_map<std::string, store::Session> sessions_;  // open, by hash
  std::unordered_map<std::string, store::User> users_;        // by name
  std::unordered_map<std::string, std::int64_t> last_seen_;   // by session hash
  std::mutex login_lock_;  // logins hash passwords one at a time: Argon2id takes 19 MiB each
  store::AccessStore writer_;
};

// The value of cookie `name` in a Cookie header, "" when absent.
std::string cookie_value(std::string_view header, std::string_view name);
// The token of an "Authorization: Bearer TOKEN" header, "" when it is not one.
std::string bearer_token(std::string_view header);

}  // namespace creditscore::server
