// A small learnable problem for the model tests: clients whose default depends on two of four
// features through a known logistic law, and quick training settings.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

#include "model/train_config.h"
#include "model/xgboost.h"

namespace creditscore::model {

struct Problem {
  static constexpr std::size_t kCols = 4;
  std::size_t rows;
  std::vector<float> x;
  std::vector<float> y;
  std::vector<double> true_p;
  explicit Problem(std::size_t n, std::uint64_t seed = 3) : rows(n) {
    std::mt19937_64 random(seed);
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<double> uniform;
    for (std::size_t r = 0; r < n; ++r) {
      float f[4] = {normal(random), normal(random), normal(random), normal(random)};
      x.insert(x.end(), f, f + 4);
      const double p = 1.0 / (1.0 + std::exp(-(-2.5 + 1.5 * f[0] - 1.0 * f[1] * f[1])));
      true_p.push_back(p);
      y.push_back(uniform(random) < p ? 1.f : 0.f);
    }
  }
  MatrixView view() const { return {x.data(), rows, kCols}; }
};

inline TrainConfig quick_config() {
  TrainConfig config;
  config.folds = 3;
  config.max_rounds = 300;
  config.early_stopping_rounds = 20;
  config.trees.learning_rate = 0.1;
  config.trees.max_depth = 3;
  config.threads = 1;
  return config;
}

}  // namespace creditscore::model
