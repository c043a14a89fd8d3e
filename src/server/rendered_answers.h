// The texts a route last rendered from clients' explanations, each kept beside the explanation it
// was rendered from. The first version's /predict writes ~750 numbers in shortest form, most of
// its cost under load, and machine callers ask about the same clients again and again.
// A fixed table of slots, one per client id modulo its size: no order to keep, one small lock per
// slot. A text is given back only for the very explanation it came from, held here so that its
// address cannot be reused: a new model or a recomputed explanation is rendered anew.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>

#include "app/explanation_cache.h"

namespace creditscore::server {

class RenderedAnswers {
 public:
  explicit RenderedAnswers(std::size_t slots)
      : slots_(std::make_unique<Slot[]>(slots)), size_(slots) {}

  // The text `render()` gives for `explanation` of client `id`, rendered now unless held.
  template <typename Render>
  std::shared_ptr<const std::string> text(std::int64_t id,
                                          const app::ExplanationCache::Explanation& explanation,
                                          Render&& render) {
    Slot& slot = slots_[static_cast<std::uint64_t>(id) % size_];
    {
      const std::lock_guard hold(slot.lock);
      if (slot.id == id && slot.from == explanation) return slot.text;
    }
    auto rendered = std::make_shared<const std::string>(render());
    const std::lock_guard hold(slot.lock);
    slot.id = id;
    slot.from = explanation;
    slot.text = rendered;
    return rendered;
  }

 private:
  struct Slot {
    std::mutex lock;
    std::int64_t id = 0;
    app::ExplanationCache::Explanation from;
    std::shared_ptr<const std::string> text;
  };
  std::unique_ptr<Slot[]> slots_;
  std::size_t size_;
};

}  // namespace creditscore::server
