#include "server/authenticator.h"

#include <algorithm>
#include <cctype>

#include "server/http_error.h"

namespace creditscore::server {
namespace {

std::string_view trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  return text;
}

bool same_letters(std::string_view a, std::string_view b) {
  return std::ranges::equal(a, b, [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) ==
           std::tolower(static_cast<unsigned char>(y));
  });
}

}  // namespace

std::string cookie_value(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const std::size_t end = std::min(header.find(';'), header.size());
    const std::string_view pair = trimmed(header.substr(0, end));
    const std::size_t equals = pair.find('=');
    if (equals != std::string_view::npos && trimmed(pair.substr(0, equals)) == name)
      return std::string(trimmed(pair.substr(equals + 1)));
    header.remove_prefix(std::min(end + 1, header.size()));
  }
  return "";
}

std::string bearer_token(std::string_view header) {
  header = trimmed(header);
  constexpr std::string_view kScheme = "bearer ";
  if (header.size() <= kScheme.size() || !same_letters(header.substr(0, kScheme.size()), kScheme))
    return "";
  return std::string(trimmed(header.substr(kScheme.size())));
}

Authenticator::Authenticator(const std::filesystem::path& store, Settings settings)
    : settings_(settings), reader_(store), writer_(store) {}

void Authenticator::refresh(std::int64_t now) {
  // The store's version is read when the signal moved, and at least once a second for what the
  // signal cannot see (a writer killed before raising it, an edit by hand); on every request
  // where there is no signal.
  if (const auto signal = reader_.change_signal()) {
    const auto read_at = std::chrono::steady_clock::now();
    if (version_ >= 0 && *signal == signal_seen_ &&
        read_at - version_read_at_ < std::chrono::seconds(1))
      return;
    signal_seen_ = *signal;
    version_read_at_ = read_at;
  }
  const std::int64_t version = reader_.version();
  if (version == version_) return;
  tokens_.clear();
  for (auto& [hash, token] : reader_.live_tokens(now)) tokens_.emplace(hash, std::move(token));
  users_.clear();
  for (store::User& user : reader_.users()) users_.emplace(user.name, std::move(user));
  sessions_.clear();
  for (auto& [hash, session] : reader_.live_sessions(now)) sessions_.emplace(hash, session);
  std::erase_if(last_seen_, [&](const auto& seen) { return !sessions_.contains(seen.first); });
  version_ = version;
}

std::optional<Caller> Authenticator::identify(const HttpRequest& request) {
  const std::string token = bearer_token(request.authorization);
  const std::string session = cookie_value(request.cookie, kSessionCookie);
  if (token.empty() && session.empty()) return std::nullopt;
  const std::int64_t now = store::unix_now();
  const std::lock_guard hold(lock_);
  refresh(now);
  return token.empty() ? by_session(session, now) : by_token(token, now);
}

std::optional<Caller> Authenticator::by_token(std::string_view secret, std::int64_t now) {
  const auto found = tokens_.find(store::token_hash(secret));
  if (found == tokens_.end()) return std::nullopt;
  const store::Token& token = found->second;
  if (token.revoked || (token.expires_at && *token.expires_at <= now)) return std::nullopt;
  return Caller{token.name, token.role, ""};
}

std::optional<Caller> Authenticator::by_session(std::string_view secret, std::int64_t now) {
  std::string hash = store::token_hash(secret);
  const auto found = sessions_.find(hash);
  if (found == sessions_.end() || found->second.expires_at <= now) return std::nullopt;
  // A session first seen by this process (opened before a restart) starts its idle time now.
  std::int64_t& seen = last_seen_.try_emplace(hash, now).first->second;
  if (now - seen > settings_.session_idle.count()) return std::nullopt;
  const auto user = users_.find(found->second.user);
  if (user == users_.end() || user->second.disabled) return std::nullopt;
  seen = now;
  return Caller{user->second.name, user->second.role, std::move(hash)};
}

Authenticator::Login Authenticator::login(const std::string& user, const std::string& password,
                                          const std::string& address) {
  if (const auto wait = throttle_.wait(user, address)) {
    throw HttpError(429,
                    "too many failed logins for this name or from this address: try again in " +
                        std::to_string(wait->count()) + " s",
                    {{"Retry-After", std::to_string(wait->count())}});
  }
  const std::lock_guard hold(login_lock_);
  const auto found = writer_.authenticate(user, password);
  if (!found) {
    throttle_.failed(user, address);
    throw HttpError(401, "wrong user name or password");
  }
  throttle_.succeeded(user);
  const std::int64_t now = store::unix_now();
  const std::int64_t expires_at = now + settings_.session_lifetime.count();
  std::string secret = writer_.open_session(found->name, now, expires_at);
  return {Caller{found->name, found->role, store::token_hash(secret)}, std::move(secret),
          expires_at};
}

void Authenticator::logout(const Caller& caller) {
  if (caller.session_hash.empty()) return;
  const std::lock_guard hold(login_lock_);
  writer_.close_session(caller.session_hash);
}

}  // namespace creditscore::server
