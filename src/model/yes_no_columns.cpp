#include "model/yes_no_columns.h"

#include <algorithm>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "common/error.h"

namespace creditscore::model {

std::vector<std::size_t> find_yes_no_columns(std::span<const float> features, std::size_t cols,
                                             std::span<const int> monotone_constraints) {
  if (!monotone_constraints.empty() && monotone_constraints.size() != cols) {
    throw internal_error("yes/no columns: " + std::to_string(monotone_constraints.size()) +
                         " monotone constraints for " + std::to_string(cols) + " columns");
  }
  if (cols == 0) return {};
  std::vector<char> yes_no(cols, 1);
  for (std::size_t at = 0; at + cols <= features.size(); at += cols) {
    for (std::size_t c = 0; c < cols; ++c)
      yes_no[c] &= features[at + c] == 0.0f || features[at + c] == 1.0f;
  }
  std::vector<std::size_t> columns;
  for (std::size_t c = 0; c < cols; ++c) {
    if (yes_no[c] && (monotone_constraints.empty() || monotone_constraints[c] == 0))
      columns.push_back(c);
  }
  return columns;
}

void hide_noes(std::span<float> features, std::size_t cols, std::span<const std::size_t> columns) {
  if (columns.empty()) return;
  for (std::size_t at = 0; at + cols <= features.size(); at += cols) {
    for (const std::size_t c : columns) {
      if (features[at + c] == 0.0f) features[at + c] = std::nanf("");
    }
  }
}

namespace {

// What XGBoost keeps of each node of a tree, apart from its parent.
constexpr const char* kNodeFields[] = {"base_weights",   "default_left", "left_children",
                                       "right_children", "loss_changes", "split_conditions",
                                       "split_indices",  "split_type",   "sum_hessian"};

// Trades the places of two nodes with their subtrees: XGBoost finds a right child next to the
// left one (it goes to left + 1 when a value is not below the split), so a split's sides are
// turned around by moving its children's contents, not by re-pointing at them.
void swap_nodes(nlohmann::json& tree, int a, int b) {
  for (const char* field : kNodeFields) {
    if (tree.contains(field)) std::swap(tree[field].at(a), tree[field].at(b));
  }
  nlohmann::json& parents = tree.at("parents");
  for (const int node : {a, b}) {
    const int left = tree["left_children"][node].get<int>();
    if (left < 0) continue;  // a leaf
    parents.at(left) = node;
    parents.at(tree["right_children"][node].get<int>()) = node;
  }
}

void write_back_tree(nlohmann::json& tree, std::span<const std::size_t> columns) {
  if (!tree.at("categories_nodes").empty()) {
    throw internal_error("yes/no columns: a tree of categorical splits");
  }
  const std::size_t nodes = tree.at("left_children").size();
  for (const char* field : kNodeFields) {
    if (tree.contains(field) && tree[field].size() != nodes) {
      throw internal_error(std::string("yes/no columns: a tree of ") + std::to_string(nodes) +
                           " nodes with " + std::to_string(tree[field].size()) + " " + field);
    }
  }
  for (std::size_t node = 0; node < nodes; ++node) {
    const int left = tree["left_children"][node].get<int>();
    if (left < 0) continue;  // a leaf
    const auto feature = tree["split_indices"][node].get<std::size_t>();
    if (!std::binary_search(columns.begin(), columns.end(), feature)) continue;
    const int right = tree["right_children"][node].get<int>();
    if (right != left + 1)
      throw internal_error("yes/no columns: a right child apart from the left");
    const bool yes_left = 1.0f < tree["split_conditions"][node].get<float>();
    const bool no_left = tree["default_left"][node].get<int>() != 0;
    if (yes_left == no_left) {
      throw internal_error("yes/no columns: tree node " + std::to_string(node) +
                           " sends yeses and noes of feature " + std::to_string(feature) +
                           " the same way");
    }
    if (yes_left) swap_nodes(tree, left, right);
    tree["split_conditions"][node] = 0.5f;
    tree["default_left"][node] = 1;
  }
}

}  // namespace

std::string write_back_noes(std::string_view model_json, std::span<const std::size_t> columns) {
  if (columns.empty()) return std::string(model_json);
  nlohmann::json model = nlohmann::json::parse(model_json, nullptr, false);
  const nlohmann::json::json_pointer trees_at("/learner/gradient_booster/model/trees");
  if (model.is_discarded() || !model.contains(trees_at) || !model[trees_at].is_array()) {
    throw internal_error("yes/no columns: not a tree model of XGBoost's JSON format");
  }
  try {
    for (nlohmann::json& tree : model[trees_at]) write_back_tree(tree, columns);
  } catch (const nlohmann::json::exception& error) {
    throw internal_error(std::string("yes/no columns: a malformed tree: ") + error.what());
  }
  return model.dump();
}

}  // namespace creditscore::model
