// A tree ensemble's margin along a one-parameter path, exactly: some features move with x > 0 as
// scale · x^power (a credit amount, a term in months, and the ratios made of them), the others
// stay. Each tree is then a step function of x, changing only where a moving feature crosses one
// of its splits; their sum is found by walking every tree once over the whole interval, not by
// trying values. What recourse searches ("which amount would be granted?") in microseconds.
#pragma once

#include <cstddef>
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

// `row` gives the features that stay (its moving ones are ignored). Throws std::invalid_argument
// for an empty interval or a moving feature out of range.
MarginSteps margin_along(const TreeEnsemble& trees, std::span<const float> row,
                         std::span<const MovingFeature> moving, double lo, double hi);

}  // namespace creditscore::explain
