// Slows password guessing: after `max_failures` failed logins for one user name, or from one
// address, within `window`, further logins of that name or from that address are refused until
// the oldest of those failures leaves the window (429 with Retry-After), whatever the password.
#pragma once

#include <chrono>
#include <deque>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace creditscore::server {

class LoginThrottle {
 public:
  using Clock = std::chrono::steady_clock;

  explicit LoginThrottle(std::size_t max_failures = 5,
                         std::chrono::seconds window = std::chrono::minutes(15));

  // How long `user` from `address` must wait before trying again; nullopt when they may.
  std::optional<std::chrono::seconds> wait(const std::string& user, const std::string& address,
                                           Clock::time_point now = Clock::now());
  void failed(const std::string& user, const std::string& address,
              Clock::time_point now = Clock::now());
  // A success forgets the user's failures (not the address's: one address may guess many names).
  void succeeded(const std::string& user);

 private:
  std::optional<std::chrono::seconds> wait_for(const std::string& key, Clock::time_point now);

  std::size_t max_failures_;
  std::chrono::seconds window_;
  std::mutex lock_;
  std::unordered_map<std::string, std::deque<Clock::time_point>>
      failures_;  // by "user:" or "address:"
};

}  // namespace creditscore::server
