#include "server/metrics.h"

#include <sstream>

namespace creditscore::server {

void Metrics::observe(const std::string& route, int status, double seconds) {
  const std::lock_guard hold(lock_);
  ++requests_[{route, status}];
  Latency& latency = latency_[route];
  for (std::size_t b = 0; b < kBuckets.size(); ++b) {
    if (seconds <= kBuckets[b]) {
      ++latency.buckets[b];
      break;
    }
  }
  ++latency.count;
  latency.sum += seconds;
}

void Metrics::count(const std::string& route, int status) {
  const std::lock_guard hold(lock_);
  ++requests_[{route, status}];
}

void Metrics::set_model(const std::string& run_id) {
  const std::lock_guard hold(lock_);
  if (!model_.empty()) ++reloads_;
  model_ = run_id;
}

std::string Metrics::text() const {
  const std::lock_guard hold(lock_);
  std::ostringstream out;
  out << "# HELP creditscore_http_requests_total HTTP requests answered, by route and status.\n"
         "# TYPE creditscore_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "creditscore_http_requests_total{route=\"" << key.first << "\",status=\"" << key.second
        << "\"} " << count << '\n';
  }
  out << "# HELP creditscore_http_request_duration_seconds Time to answer, by route.\n"
         "# TYPE creditscore_http_request_duration_seconds histogram\n";
  for (const auto& [route, latency] : latency_) {
    std::uint64_t cumulative = 0;
    for (std::size_t b = 0; b < kBuckets.size(); ++b) {
      cumulative += latency.buckets[b];
      out << "creditscore_http_request_duration_seconds_bucket{route=\"" << route << "\",le=\""
          << kBuckets[b] << "\"} " << cumulative << '\n';
    }
    out << "creditscore_http_request_duration_seconds_bucket{route=\"" << route
        << "\",le=\"+Inf\"} " << latency.count << '\n'
        << "creditscore_http_request_duration_seconds_sum{route=\"" << route << "\"} "
        << latency.sum << '\n'
        << "creditscore_http_request_duration_seconds_count{route=\"" << route << "\"} "
        << latency.count << '\n';
  }
  out << "# HELP creditscore_model_info The model being served.\n"
         "# TYPE creditscore_model_info gauge\n"
         "creditscore_model_info{run_id=\""
      << model_ << "\"} 1\n"
      << "# HELP creditscore_model_reloads_total Models switched to while running.\n"
         "# TYPE creditscore_model_reloads_total counter\n"
         "creditscore_model_reloads_total "
      << reloads_ << '\n';
  return out.str();
}

std::string Metrics::cache_text(const app::ExplanationCache::Counts& counts) {
  std::ostringstream out;
  out << "# HELP creditscore_explanation_cache_requests_total Explanations of stored clients "
         "asked for, by whether the live model's values were held.\n"
         "# TYPE creditscore_explanation_cache_requests_total counter\n"
         "creditscore_explanation_cache_requests_total{result=\"hit\"} "
      << counts.hits << "\ncreditscore_explanation_cache_requests_total{result=\"miss\"} "
      << counts.misses
      << "\n# HELP creditscore_explanation_cache_clients Stored clients whose explanation is "
         "held.\n"
         "# TYPE creditscore_explanation_cache_clients gauge\n"
         "creditscore_explanation_cache_clients "
      << counts.clients
      << "\n# HELP creditscore_explanation_cache_capacity Most clients the cache holds.\n"
         "# TYPE creditscore_explanation_cache_capacity gauge\n"
         "creditscore_explanation_cache_capacity "
      << counts.capacity << '\n';
  return out.str();
}

}  // namespace creditscore::server
