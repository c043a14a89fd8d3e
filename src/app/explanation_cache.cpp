#include "app/explanation_cache.h"

namespace creditscore::app {

ExplanationCache::Explanation ExplanationCache::explanation(
    const std::shared_ptr<const explain::ServedModel>& model, std::int64_t id,
    std::span<const float> row, std::optional<double> held) {
  {
    const std::lock_guard hold(lock_);
    // A live model is the one held only if it is the same object: two living models never share
    // an address, and a dead one's weak pointer locks to nothing. Just after a switch, a request
    // still on the old model may empty the cache once more: values are lost, never mixed.
    if (model_.lock() != model) {
      recent_.clear();
      where_.clear();
      model_ = model;
    }
    const auto found = where_.find(id);
    if (found != where_.end()) {
      ++hits_;
      recent_.splice(recent_.begin(), recent_, found->second);
      return found->second->second;
    }
    ++misses_;
  }
  // Computed without the lock: two requests missing the same client at once both compute it.
  auto computed = std::make_shared<Explained>(Explained{
      std::vector<double>(model->num_features() + 1), held ? *held : model->probability(row)});
  model->explainer().explain(row, computed->values);
  Explanation explained = std::move(computed);
  const std::lock_guard hold(lock_);
  if (capacity_ == 0 || model_.lock() != model || where_.contains(id)) return explained;
  recent_.emplace_front(id, explained);
  where_[id] = recent_.begin();
  if (recent_.size() > capacity_) {
    where_.erase(recent_.back().first);
    recent_.pop_back();
  }
  return explained;
}

ExplanationCache::Counts ExplanationCache::counts() const {
  const std::lock_guard hold(lock_);
  return {hits_, misses_, recent_.size(), capacity_};
}

}  // namespace creditscore::app
