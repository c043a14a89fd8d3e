// Random clients and XGBoost models trained on them, to hold our explanations against XGBoost's.
#pragma once

#include <cmath>
#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "model/xgboost.h"

namespace creditscore::explain {

// rows × features values, a share of them missing; some features take few distinct values so
// that clients often sit exactly on a split threshold. Labels follow a logistic law with a few
// interactions, shifted so that about `positive_rate` of the labels are 1.
struct RandomClients {
  std::size_t rows, features;
  std::vector<float> x, y;

  RandomClients(std::size_t rows_, std::size_t features_, double missing_rate, double positive_rate,
                std::uint64_t seed)
      : rows(rows_), features(features_) {
    std::mt19937_64 random(seed);
    std::normal_distribution<float> normal;
    std::uniform_real_distribution<double> uniform;
    std::vector<double> weight(features);
    for (double& w : weight) w = normal(random);
    const double shift = std::log(positive_rate / (1 - positive_rate));
    for (std::size_t r = 0; r < rows; ++r) {
      double score = shift;
      float previous = 0;
      for (std::size_t f = 0; f < features; ++f) {
        float value = normal(random);
        if (f % 3 == 1) value = std::round(value * 2);
        score += weight[f] * value + 0.5 * value * previous;
        previous = value;
        x.push_back(uniform(random) < missing_rate ? std::nanf("") : value);
      }
      y.push_back(uniform(random) < 1 / (1 + std::exp(-score)) ? 1.f : 0.f);
    }
  }
  model::MatrixView view() const { return {x.data(), rows, features}; }
  std::span<const float> row(std::size_t r) const { return {x.data() + r * features, features}; }
};

using Parameters = std::vector<std::pair<std::string, std::string>>;

// A booster of `rounds` rounds on `clients` (on `labels` rather than theirs when given), with the
// given XGBoost parameters.
inline model::Booster train(const RandomClients& clients, int rounds, const Parameters& parameters,
                            std::span<const float> labels = {}) {
  model::DMatrix matrix(clients.view(), labels.empty() ? clients.y : labels);
  model::Booster booster(matrix);
  booster.set_param("nthread", "1");
  for (const auto& [name, value] : parameters) booster.set_param(name, value);
  for (int round = 0; round < rounds; ++round) booster.update(round, matrix);
  return booster;
}

}  // namespace creditscore::explain
