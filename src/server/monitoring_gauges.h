// The monitor's headline figures as Prometheus gauges on /metrics: the PSI of the features the
// model uses most, dataset drift, the refusal rate now and out of fold, and the disparate-impact
// ratio of each group. The full report takes from milliseconds to seconds with the clients, and
// Prometheus scrapes every few seconds: the report is kept and made again when older than
// kRefresh or made for another model.
#pragma once

#include <chrono>
#include <mutex>
#include <string>

#include "app/drift_monitor.h"

namespace creditscore::app {
class Service;
}

namespace creditscore::server {

class MonitoringGauges {
 public:
  static constexpr std::chrono::seconds kRefresh{60};
  static constexpr std::size_t kFeatures = 10;  // the most important ones

  // A comment line instead of gauges when the monitor cannot run (no current client, a model
  // trained before drift was monitored).
  std::string text(app::Service& service);
  // The gauges of one report, in Prometheus' text format.
  static std::string text_of(const app::DriftReport& report);

 private:
  std::mutex lock_;
  std::string run_id_, text_;
  std::chrono::steady_clock::time_point made_;
};

}  // namespace creditscore::server
