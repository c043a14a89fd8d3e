// What every use case shares: the live model (switched without a failed request), the clients in
// memory and in the store, and their explanations. Each use case (admission, client views,
// comparisons) takes its own locks; the service hands out none.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/explanation_cache.h"
#include "app/population.h"
#include "explain/served_model.h"
#include "store/client_changes.h"
#include "store/client_store.h"
#include "store/decision_log.h"

namespace creditscore::app {

class Service {
 public:
  // Loads the bundle and the store; throws (model::BundleError, store::StoreError, a conflict
  // Error) when either is unusable or they do not fit together. The
  // explanations of up to `cached_explanations` stored clients are kept.
  Service(const std::filesystem::path& bundle, const std::filesystem::path& store,
          std::optional<std::filesystem::path> registry, std::size_t cached_explanations);

  // The model to use for one whole request: a reload never changes it under the request.
  std::shared_ptr<const explain::ServedModel> model() const;
  std::filesystem::path bundle_path() const;
  // Switches to the bundle at `path` when it loads and reads the store's features; otherwise
  // throws and the current model keeps serving. Every client is scored by the new model aside,
  // while requests go on with the old one, then both are swapped in.
  void switch_model(const std::filesystem::path& path);
  // The registry of runs when the server follows one (--models), else nullopt.
  const std::optional<std::filesystem::path>& registry() const { return registry_; }

  Population& population() { return *population_; }
  const Population& population() const { return *population_; }
  // Holds in memory a client saved in the store, by this server or another sharing it.
  void take_saved_client(std::int64_t id);
  // Runs `use` with the store, one use at a time (one SQLite connection).
  template <typename Use>
  auto with_store(Use&& use) {
    const std::lock_guard hold(store_lock_);
    return use(store_);
  }
  // Runs `use` with the decisions, one use at a time (their own connection).
  template <typename Use>
  auto with_decisions(Use&& use) {
    const std::lock_guard hold(decisions_lock_);
    return use(decisions_);
  }
  // The SHAP values and probability of stored client `id` under `model` (features from
  // population()).
  ExplanationCache::Explanation stored_explanation(
      const std::shared_ptr<const explain::ServedModel>& model, std::int64_t id,
      std::span<const float> row) {
    return explanations_.explanation(model, id, row, population_->probability_under(*model, id));
  }
  const ExplanationCache& explanations() const { return explanations_; }

 private:
  mutable std::mutex model_lock_;
  std::shared_ptr<const explain::ServedModel> model_;
  std::filesystem::path bundle_path_;
  std::optional<std::filesystem::path> registry_;
  std::mutex store_lock_;
  store::ClientStore store_;
  std::mutex decisions_lock_;
  store::DecisionLog decisions_;
  std::unique_ptr<Population> population_;
  ExplanationCache explanations_;
  // Last, so that it stops listening before what it feeds goes.
  store::ClientChanges changes_;
};

}  // namespace creditscore::app
