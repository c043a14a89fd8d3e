#include "explain/margin_path.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <string>
#include <utility>

namespace creditscore::explain {
namespace {

struct Interval {
  double lo, hi;
  bool empty() const { return !(lo < hi); }
};

// The x where scale · x^power equals `threshold`, and whether the feature grows with x. Left of
// a split is value < threshold: for a growing feature x below the crossing, else above it.
struct Crossing {
  double x;  // 0 when every x > 0 is on one side; +inf likewise
  bool growing;
};

Crossing crossing(const MovingFeature& moving, double threshold) {
  const bool growing = (moving.scale > 0) == (moving.power > 0);
  const double ratio = threshold / moving.scale;
  if (ratio <= 0) {
    // scale · x^power never reaches the threshold: the feature is always above it (scale > 0) or
    // always below (scale < 0); put the crossing where that holds for every x > 0.
    const bool always_below = moving.scale < 0;
    return {always_below == growing ? std::numeric_limits<double>::infinity() : 0.0, growing};
  }
  return {std::pow(ratio, 1.0 / moving.power), growing};
}

class Walker {
 public:
  Walker(std::span<const float> row, std::span<const MovingFeature> moving,
         std::size_t num_features)
      : row_(row), moving_of_(num_features, -1), moving_(moving) {
    for (std::size_t m = 0; m < moving.size(); ++m) {
      if (moving[m].feature >= num_features || moving[m].power == 0 ||
          !std::isfinite(moving[m].scale) || moving[m].scale == 0) {
        throw std::invalid_argument("margin_along: moving feature " +
                                    std::to_string(moving[m].feature) + " is invalid");
      }
      moving_of_[moving[m].feature] = static_cast<int>(m);
    }
  }

  // Adds (x, ±leaf) events for every leaf of `tree` reached by some x in `interval`; a leaf
  // reached by the whole path adds to `constant` instead, keeping the events to sort few.
  void walk(const TreeEnsemble::Tree& tree, std::size_t node, Interval interval, bool whole,
            std::vector<std::pair<double, double>>& events, double& constant) const {
    const std::int32_t r = tree.split[node];
    if (r < 0) {
      if (whole) {
        constant += tree.leaf_value[node];
      } else {
        events.emplace_back(interval.lo, tree.leaf_value[node]);
        events.emplace_back(interval.hi, -tree.leaf_value[node]);
      }
      return;
    }
    const Split& split = tree.splits[r];
    const int m = moving_of_[static_cast<std::size_t>(split.feature)];
    if (m < 0) {
      walk(tree, 2 * r + (split.goes_left(row_[split.feature]) ? 1 : 2), interval, whole, events,
           constant);
      return;
    }
    const Crossing at = crossing(moving_[static_cast<std::size_t>(m)], split.threshold);
    const Interval below{interval.lo, std::min(interval.hi, at.x)};
    const Interval above{std::max(interval.lo, at.x), interval.hi};
    const Interval left = at.growing ? below : above, right = at.growing ? above : below;
    if (!left.empty()) walk(tree, 2 * r + 1, left, whole && right.empty(), events, constant);
    if (!right.empty()) walk(tree, 2 * r + 2, right, whole && left.empty(), events, constant);
  }

 private:
  std::span<const float> row_;
  std::vector<int> moving_of_;
  std::span<const MovingFeature> moving_;
};

}  // namespace

double MovingFeature::at(double x) const {
  return scale * std::pow(x, power);
}

std::size_t MarginSteps::step_at(double x) const {
  const auto after = std::upper_bound(edges.begin(), edges.end(), x);
  const auto step = static_cast<std::size_t>(std::max<std::ptrdiff_t>(after - edges.begin(), 1));
  return std::min(step - 1, margins.size() - 1);
}

MarginSteps margin_along(const TreeEnsemble& trees, std::span<const float> row,
                         std::span<const MovingFeature> moving, double lo, double hi) {
  if (!(lo > 0 && lo < hi && std::isfinite(hi))) {
    throw std::invalid_argument("margin_along: the interval [" + std::to_string(lo) + ", " +
                                std::to_string(hi) + ") is empty or not within x > 0");
  }
  const Walker walker(row, moving, trees.num_features());
  std::vector<std::pair<double, double>> events;
  double margin = trees.base_margin();
  for (std::size_t t = 0; t < trees.num_trees(); ++t)
    walker.walk(trees.tree(t), 0, {lo, hi}, true, events, margin);
  std::sort(events.begin(), events.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  MarginSteps steps;
  steps.edges.push_back(lo);
  steps.margins.push_back(margin);
  for (std::size_t e = 0; e < events.size();) {
    const double x = events[e].first;
    for (; e < events.size() && events[e].first == x; ++e) margin += events[e].second;
    if (x >= hi) break;
    if (x == lo) {
      steps.margins.back() = margin;
    } else {
      steps.edges.push_back(x);
      steps.margins.push_back(margin);
    }
  }
  steps.edges.push_back(hi);
  return steps;
}

}  // namespace creditscore::explain
