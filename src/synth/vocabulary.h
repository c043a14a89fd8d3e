// A categorical column's values with their shares in the Kaggle data, to draw from.
#pragma once

#include <string_view>
#include <vector>

#include "synth/random.h"

namespace creditscore::synth {

struct Vocabulary {
  std::vector<std::string_view> values;
  std::vector<double> weights;

  Vocabulary(std::initializer_list<std::pair<std::string_view, double>> entries) {
    for (const auto& [value, weight] : entries) {
      values.push_back(value);
      weights.push_back(weight);
    }
  }
  std::string_view draw(Random& random) const { return values[random.pick(weights)]; }
};

}  // namespace creditscore::synth
