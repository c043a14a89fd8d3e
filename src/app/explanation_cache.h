// The SHAP values and probability of stored clients under the live model, kept for the clients
// asked for most recently. A stored client's features never change while the server runs (an edited
// or new application is scored apart, or saved under a new id), so its exact explanation is
// computed once per model instead of on every request. Bounded: the least recently asked client
// goes first. A value computed by another model than the one asked for is never returned.
// Thread-safe.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "explain/served_model.h"

namespace creditscore::app {

class ExplanationCache {
 public:
  struct Explained {
    std::vector<double> values;  // SHAP per feature on the margin's scale, then the base value
    double probability;          // of default, as the model predicts it
  };
  using Explanation = std::shared_ptr<const Explained>;
  struct Counts {
    std::uint64_t hits = 0;
    std::uint64_t misses = 0;
    std::size_t clients = 0;  // held now
    std::size_t capacity = 0;
  };

  // Holds at most `capacity` clients; 0 holds none (every request computes).
  explicit ExplanationCache(std::size_t capacity) : capacity_(capacity) {}

  // The explanation of stored client `id`, whose features are `row`, under `model`. Its
  // probability is `held` when the caller has it already (the population's), else computed.
  Explanation explanation(const std::shared_ptr<const explain::ServedModel>& model, std::int64_t id,
                          std::span<const float> row, std::optional<double> held = std::nullopt);
  Counts counts() const;

 private:
  using Entry = std::pair<std::int64_t, Explanation>;

  const std::size_t capacity_;
  mutable std::mutex lock_;
  std::weak_ptr<const explain::ServedModel> model_;  // whose values are held
  std::list<Entry> recent_;                          // most recently asked first
  std::unordered_map<std::int64_t, std::list<Entry>::iterator> where_;
  std::uint64_t hits_ = 0, misses_ = 0;
};

}  // namespace creditscore::app
