#include "server/monitoring_gauges.h"

#include <algorithm>
#include <sstream>

#include "app/service.h"
#include "common/error.h"

namespace creditscore::server {
namespace {

void gauge(std::ostringstream& out, const char* name, const char* help) {
  out << "# HELP " << name << ' ' << help << "\n# TYPE " << name << " gauge\n";
}

// A label value as the text format wants it: feature names carry the data's category names.
std::string label(const std::string& value) {
  std::string escaped;
  for (const char c : value) {
    if (c == '\n') {
      escaped += "\\n";
      continue;
    }
    if (c == '\\' || c == '"') escaped += '\\';
    escaped += c;
  }
  return escaped;
}

}  // namespace

std::string MonitoringGauges::text_of(const app::DriftReport& report) {
  std::ostringstream out;
  std::vector<const app::DriftedFeature*> important;
  for (const app::DriftedFeature& f : report.features) important.push_back(&f);
  std::stable_sort(important.begin(), important.end(),
                   [](const auto* a, const auto* b) { return a->importance > b->importance; });
  important.resize(std::min(kFeatures, important.size()));
  gauge(out, "creditscore_feature_psi",
        "Population stability index of the features the model uses most, current clients "
        "against training (above 0.25: significant).");
  for (const app::DriftedFeature* f : important)
    out << "creditscore_feature_psi{feature=\"" << label(f->drift.name) << "\"} " << f->drift.psi
        << '\n';
  gauge(out, "creditscore_dataset_drift",
        "1 when enough of the features the model uses most drifted.");
  out << "creditscore_dataset_drift " << (report.dataset_drift ? 1 : 0) << '\n';
  gauge(out, "creditscore_drift_share", "Share of the features the model uses most that drifted.");
  out << "creditscore_drift_share " << report.drift_share << '\n';
  gauge(out, "creditscore_refusal_rate",
        "Share of clients the model refuses, now (current clients) and out of fold.");
  out << "creditscore_refusal_rate{clients=\"current\"} " << report.refusal_rate_now << '\n'
      << "creditscore_refusal_rate{clients=\"out_of_fold\"} " << report.refusal_rate_before << '\n';
  gauge(out, "creditscore_disparate_impact_ratio",
        "A group's approval rate over the most approved group's, current clients (below 0.8: "
        "the four-fifths rule is not met). Groups too small for the figure are left out.");
  for (const model::AttributeFairness& a : report.fairness.attributes) {
    for (const model::GroupFairness& g : a.groups) {
      if (!g.disparate_impact) continue;
      out << "creditscore_disparate_impact_ratio{attribute=\"" << model::attribute_name(a.attribute)
          << "\",group=\"" << g.name << "\"} " << *g.disparate_impact << '\n';
    }
  }
  return out.str();
}

std::string MonitoringGauges::text(app::Service& service) {
  const std::lock_guard hold(lock_);
  const std::string run_id = service.model()->bundle().run_id;
  const auto now = std::chrono::steady_clock::now();
  if (run_id != run_id_ || text_.empty() || now - made_ >= kRefresh) {
    try {
      text_ = text_of(app::monitor_drift(service, {}));
    } catch (const Error& error) {
      text_ = "# creditscore monitoring unavailable: " + std::string(error.what()) + "\n";
    }
    run_id_ = run_id;
    made_ = now;
  }
  return text_;
}

}  // namespace creditscore::server
