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

}  // namespace

double MovingFeature::at(double x) const {
  return scale * std::pow(x, power);
}

std::size_t MarginSteps::step_at(double x) const {
  const auto after = std::upper_bound(edges.begin(), edges.end(), x);
  const auto step = static_cast<std::size_t>(std::max<std::ptrdiff_t>(after - edges.begin(), 1));
  return std::min(step - 1, margins.size() - 1);
}

PathTrees::PathTrees(const TreeEnsemble& trees, std::span<const float> row,
                     std::span<const std::size_t> may_move)
    : may_move_(trees.num_features(), false), constant_(trees.base_margin()) {
  if (row.size() != trees.num_features()) {
    throw std::invalid_argument("PathTrees: the row has " + std::to_string(row.size()) +
                                " features, the model " + std::to_string(trees.num_features()));
  }
  for (const std::size_t feature : may_move) {
    if (feature >= may_move_.size())
      throw std::invalid_argument("PathTrees: feature " + std::to_string(feature) +
                                  " is out of range");
    may_move_[feature] = true;
  }
  for (std::size_t t = 0; t < trees.num_trees(); ++t) {
    const std::int32_t root = fold(trees.tree(t), 0, row, may_move_);
    if (nodes_[static_cast<std::size_t>(root)].split.feature < 0) {
      constant_ += nodes_.back().leaf;
      nodes_.pop_back();
    } else {
      roots_.push_back(root);
    }
  }
}

// Copies the nodes of `tree` under `node` that `row` does not decide, children after parents.
std::int32_t PathTrees::fold(const TreeEnsemble::Tree& tree, std::size_t node,
                             std::span<const float> row, const std::vector<bool>& may_move) {
  const std::int32_t r = tree.split[node];
  if (r < 0) {
    nodes_.push_back({{0, -1, 0, 0}, -1, -1, tree.leaf_value[node]});
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }
  const Split& split = tree.splits[r];
  if (!may_move[static_cast<std::size_t>(split.feature)])
    return fold(tree, 2 * r + (split.goes_left(row[split.feature]) ? 1 : 2), row, may_move);
  const auto at = static_cast<std::int32_t>(nodes_.size());
  nodes_.push_back({split, -1, -1, 0});
  const std::int32_t left = fold(tree, 2 * r + 1, row, may_move);
  const std::int32_t right = fold(tree, 2 * r + 2, row, may_move);
  nodes_[at].left = left;
  nodes_[at].right = right;
  return at;
}

class PathTrees::Walker {
 public:
  Walker(const PathTrees& trees, std::span<const float> row, std::span<const MovingFeature> moving)
      : trees_(trees), row_(row), moving_of_(trees.may_move_.size(), -1), moving_(moving) {
    if (row.size() != trees.may_move_.size()) {
      throw std::invalid_argument("margin_along: the row has " + std::to_string(row.size()) +
                                  " features, the model " + std::to_string(trees.may_move_.size()));
    }
    for (std::size_t m = 0; m < moving.size(); ++m) {
      if (moving[m].feature >= trees.may_move_.size() || !trees.may_move_[moving[m].feature] ||
          moving[m].power == 0 || !std::isfinite(moving[m].scale) || moving[m].scale == 0) {
        throw std::invalid_argument("margin_along: moving feature " +
                                    std::to_string(moving[m].feature) + " is invalid");
      }
      moving_of_[moving[m].feature] = static_cast<int>(m);
    }
  }

  // Adds (x, ±leaf) events for every leaf under `n` reached by some x in `interval`; a leaf
  // reached by the whole path adds to `constant` instead, keeping the events to sort few.
  void walk(std::int32_t n, Interval interval, bool whole,
            std::vector<std::pair<double, double>>& events, double& constant) const {
    const Node& node = trees_.nodes_[static_cast<std::size_t>(n)];
    const Split& split = node.split;
    if (split.feature < 0) {
      if (whole) {
        constant += node.leaf;
      } else {
        events.emplace_back(interval.lo, node.leaf);
        events.emplace_back(interval.hi, -node.leaf);
      }
      return;
    }
    const int m = moving_of_[static_cast<std::size_t>(split.feature)];
    if (m < 0) {
      walk(split.goes_left(row_[split.feature]) ? node.left : node.right, interval, whole, events,
           constant);
      return;
    }
    const Crossing at = crossing(moving_[static_cast<std::size_t>(m)], split.threshold);
    const Interval below{interval.lo, std::min(interval.hi, at.x)};
    const Interval above{std::max(interval.lo, at.x), interval.hi};
    const Interval left = at.growing ? below : above, right = at.growing ? above : below;
    if (!left.empty()) walk(node.left, left, whole && right.empty(), events, constant);
    if (!right.empty()) walk(node.right, right, whole && left.empty(), events, constant);
  }

 private:
  const PathTrees& trees_;
  std::span<const float> row_;
  std::vector<int> moving_of_;
  std::span<const MovingFeature> moving_;
};

MarginSteps PathTrees::margin_along(std::span<const float> row,
                                    std::span<const MovingFeature> moving, double lo,
                                    double hi) const {
  if (!(lo > 0 && lo < hi && std::isfinite(hi))) {
    throw std::invalid_argument("margin_along: the interval [" + std::to_string(lo) + ", " +
                                std::to_string(hi) + ") is empty or not within x > 0");
  }
  const Walker walker(*this, row, moving);
  std::vector<std::pair<double, double>> events;
  double margin = constant_;
  for (const std::int32_t root : roots_) walker.walk(root, {lo, hi}, true, events, margin);
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

MarginSteps margin_along(const TreeEnsemble& trees, std::span<const float> row,
                         std::span<const MovingFeature> moving, double lo, double hi) {
  std::vector<std::size_t> features;
  for (const MovingFeature& m : moving) {
    if (m.feature >= trees.num_features()) {
      throw std::invalid_argument("margin_along: moving feature " + std::to_string(m.feature) +
                                  " is invalid");
    }
    features.push_back(m.feature);
  }
  return PathTrees(trees, row, features).margin_along(row, moving, lo, hi);
}

}  // namespace creditscore::explain
