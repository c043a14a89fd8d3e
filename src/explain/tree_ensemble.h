// The trees of an XGBoost gbtree model, read from XGBoost's JSON model format into flat arrays:
// each tree's reachable nodes in breadth-first order, with what path-dependent SHAP needs, the
// cover of every node relative to its parent's.
#pragma once

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json_fwd.hpp>
#include <span>
#include <stdexcept>
#include <string_view>
#include <vector>

#include "common/error.h"

namespace creditscore::explain {

// The JSON is not an XGBoost model: names the field, tree and node at fault.
class ModelFormatError : public Error {
 public:
  explicit ModelFormatError(const std::string& message) : Error(ErrorKind::Corrupt, message) {}
};

// A valid XGBoost model outside what this engine explains exactly (categorical splits, dart or
// gblinear boosters, several outputs, an objective of unknown link...): says which feature.
class UnsupportedModel : public Error {
 public:
  explicit UnsupportedModel(const std::string& message) : Error(ErrorKind::Unsupported, message) {}
};

// What any XGBoost model (gbtree, dart, gblinear) takes in and gives out, from its JSON.
struct ModelShape {
  std::size_t features;
  std::size_t outputs;  // classes or targets; 1 for a binary classifier
};
// Throws ModelFormatError.
ModelShape model_shape(const nlohmann::json& model);

// XGBoost's model JSON parsed; a ModelFormatError when it is not JSON.
nlohmann::json parse_model_json(std::string_view model_json);

struct Split {
  float threshold;
  std::int32_t feature;
  std::uint32_t node;          // the split's own node
  std::uint32_t default_left;  // 1 when a missing (NaN) value goes left

  // XGBoost's numerical split: left when x < threshold in float, NaN follows the default.
  bool goes_left(float x) const { return (x < threshold) | (std::isnan(x) & (default_left != 0)); }
};

class TreeEnsemble {
 public:
  // One tree, breadth-first: node 0 is the root, and the children of the r-th split in that
  // order are nodes 2r + 1 (left) and 2r + 2 (right).
  struct Tree {
    std::span<const Split> splits;
    std::span<const double> cover_ratio;  // per node: its cover / its parent's, in float as XGBoost
    std::span<const double> leaf_value;   // per node: the leaf's value, 0 at a split
    std::span<const std::int32_t> split;  // per node: its rank among the splits, -1 at a leaf
  };

  // Throws ModelFormatError or UnsupportedModel.
  static TreeEnsemble from_json(std::string_view model_json);
  static TreeEnsemble from_parsed_json(const nlohmann::json& model);

  std::size_t num_features() const { return num_features_; }
  std::size_t num_trees() const { return split_begin_.size() - 1; }
  // The margin before any tree: base_score through the objective's link (logit for logistic).
  double base_margin() const { return base_margin_; }
  Tree tree(std::size_t t) const;
  // The largest number of nodes of a tree.
  std::size_t max_nodes() const { return max_nodes_; }

  // The raw score of one row of num_features() values: base margin + the leaf of every tree,
  // summed in float in tree order as XGBoost does, so that it is XGBoost's margin to the bit.
  double predict_margin(std::span<const float> row) const;

 private:
  std::size_t num_features_ = 0;
  double base_margin_ = 0;
  std::size_t max_nodes_ = 0;
  // All trees one after the other; tree t's are [*_begin_[t], *_begin_[t + 1]).
  std::vector<Split> splits_;
  std::vector<double> cover_ratio_, leaf_value_;
  std::vector<std::int32_t> split_of_;  // per node: its rank among the splits, -1 at a leaf
  std::vector<std::size_t> split_begin_{0}, node_begin_{0};
};

}  // namespace creditscore::explain
