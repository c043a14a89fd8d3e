#include "server/login_throttle.h"

#include <algorithm>

namespace creditscore::server {
namespace {

// Failures kept before the ones out of their window are swept: names tried at random stay bounded.
constexpr std::size_t kSweepAbove = 100000;

}  // namespace

LoginThrottle::LoginThrottle(std::size_t max_failures, std::chrono::seconds window)
    : max_failures_(max_failures), window_(window) {}

std::optional<std::chrono::seconds> LoginThrottle::wait(const std::string& user,
                                                        const std::string& address,
                                                        Clock::time_point now) {
  const std::lock_guard hold(lock_);
  const auto by_user = wait_for("user:" + user, now);
  const auto by_address = wait_for("address:" + address, now);
  if (!by_user) return by_address;
  if (!by_address) return by_user;
  return std::max(*by_user, *by_address);
}

std::optional<std::chrono::seconds> LoginThrottle::wait_for(const std::string& key,
                                                            Clock::time_point now) {
  const auto found = failures_.find(key);
  if (found == failures_.end()) return std::nullopt;
  std::deque<Clock::time_point>& times = found->second;
  while (!times.empty() && now - times.front() >= window_) times.pop_front();
  if (times.empty()) {
    failures_.erase(found);
    return std::nullopt;
  }
  if (times.size() < max_failures_) return std::nullopt;
  const auto left = times.front() + window_ - now;
  // Rounded up: a client that waits what it is told is let in.
  return std::chrono::ceil<std::chrono::seconds>(left);
}

void LoginThrottle::failed(const std::string& user, const std::string& address,
                           Clock::time_point now) {
  const std::lock_guard hold(lock_);
  if (failures_.size() > kSweepAbove) {
    std::erase_if(failures_,
                  [&](const auto& entry) { return now - entry.second.back() >= window_; });
  }
  for (const std::string& key : {"user:" + user, "address:" + address}) {
    std::deque<Clock::time_point>& times = failures_[key];
    times.push_back(now);
    // Only the last max_failures matter for the wait: memory stays bounded under a flood.
    while (times.size() > max_failures_) times.pop_front();
  }
}

void LoginThrottle::succeeded(const std::string& user) {
  const std::lock_guard hold(lock_);
  failures_.erase("user:" + user);
}

}  // namespace creditscore::server
