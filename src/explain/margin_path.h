// A tree ensemble's margin along a one-parameter path, exactly: some features move with x > 0 as
// scale · x^power (a credit amount, a term in months, and the ratios made of them), the others
// stay. Each tree is then a step function of x, changing only where a moving feature crosses one
// of its splits; their sum is found by walking every tree once over the whole interval, not by
// trying values. What recourse searches ("which amount would be granted?") in microseconds.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "explain/tree_ensemble.h"

namespace creditscore::explain {

struct MovingFeature {
  std::size_t feature;
  double scale;  // > 0 or < 0, finite
  int power;     // not 0
  double at(double x) const;
};

// The margin on [lo, hi): margins[i] between edges[i] and edges[i + 1]; edges start at lo and end
// at hi. Values at an edge itself are the float rounding's to decide: callers check a chosen x
// with the model.
struct MarginSteps {
  std::vector<double> edges;
  std::vector<double> margins;
  std::size_t step_at(double x) const;  // the step holding x, for lo <= x < hi
};

// The ensemble for one row, with every feature but those that `may_move` read from it once: each
// tree reduced to its splits on those features, and the trees without any summed into a constant.
// Many paths of the same row are then walked over a few nodes each instead of every tree.
class PathTrees {
 public:
  // Throws std::invalid_argument for a feature out of range.
  PathTrees(const TreeEnsemble& trees, std::span<const float> row,
            std::span<const std::size_t> may_move);

  // `row` gives the features of may_move that stay on this path (the others were read by the
  // constructor, and moving ones are ignored). Throws std::invalid_argument for an empty interval
  // or a moving feature out of range or not in may_move.
  MarginSteps margin_along(std::span<const float> row, std::span<const MovingFeature> moving,
                           double lo, double hi) const;

 private:
  struct Node {
    Split split;  // feature -1 at a leaf
    std::int32_t left, right;
    double leaf;
  };
  std::int32_t fold(const TreeEnsemble::Tree& tree, std::size_t node, std::span<const float> row,
                    const std::vector<bool>& may_move);
  class Walker;

  std::vector<Node> nodes_;
  std::vector<std::int32_t> roots_;  // of the trees with a split on a feature that may move
  std::vector<bool> may_move_;
  double constant_;  // the base margin and the trees without such a split
};

// The same for a single path: `row` gives the features that stay (its moving ones are ignored).
MarginSteps margin_along(const TreeEnsemble& trees, std::span<const float> row,
                         std::span<const MovingFeature> moving, double lo, double hi);

}  // namespace creditscore::explain
