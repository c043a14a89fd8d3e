// What /metrics tells Prometheus: requests by route and status, a latency histogram per route,
// and which model is live. Routes are the patterns (/api/v1/clients/{id}), never raw paths, so
// the number of series stays bounded.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "app/explanation_cache.h"

namespace creditscore::server {

class Metrics {
 public:
  static constexpr std::array<double, 11> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0};

  void observe(const std::string& route, int status, double seconds);
  // A request counted without its latency: one the server answered before any route.
  void count(const std::string& route, int status);
  void set_model(const std::string& run_id);
  // The Prometheus text exposition format, version 0.0.4.
  std::string text() const;
  // The explanation cache's counters, in the same format.
  static std::string cache_text(const app::ExplanationCache::Counts& counts);

 private:
  struct Latency {
    std::array<std::uint64_t, kBuckets.size()> buckets{};  // cumulative at render time
    std::uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex lock_;
  std::map<std::pair<std::string, int>, std::uint64_t> requests_;
  std::map<std::string, Latency> latency_;
  std::string model_;
  std::uint64_t reloads_ = 0;
};

}  // namespace creditscore::server
