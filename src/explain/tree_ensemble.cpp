#include "explain/tree_ensemble.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <system_error>
#include <type_traits>
#include <utility>

#include "common/error.h"

namespace creditscore::explain {
namespace {

using nlohmann::json;

[[noreturn]] void malformed(const std::string& where, const std::string& what) {
  throw ModelFormatError("model JSON: " + where + ": " + what);
}

const json& member(const json& object, const std::string& where, const char* key) {
  if (!object.is_object()) malformed(where, "expected an object");
  const auto found = object.find(key);
  if (found == object.end()) malformed(where, std::string("missing \"") + key + "\"");
  return *found;
}

const std::string& text(const json& object, const std::string& where, const char* key) {
  const std::string* value = member(object, where, key).get_ptr<const std::string*>();
  if (value == nullptr) malformed(where, std::string(key) + ": expected a string");
  return *value;
}

// XGBoost writes its parameters as strings: "num_feature": "700", "base_score": "5E-1".
template <typename Number>
Number parameter(const json& object, const std::string& where, const char* key) {
  const json& value = member(object, where, key);
  const std::string* digits = value.get_ptr<const std::string*>();
  Number number{};
  if (digits == nullptr) malformed(where, std::string(key) + ": expected a number in a string");
  const char* end = digits->data() + digits->size();
  const auto parsed = std::from_chars(digits->data(), end, number);
  if (parsed.ec != std::errc() || parsed.ptr != end) {
    malformed(where, std::string(key) + ": \"" + *digits + "\" is not a number");
  }
  return number;
}

template <typename Number>
std::vector<Number> numbers(const json& tree, const std::string& where, const char* key,
                            std::size_t count) {
  const json& array = member(tree, where, key);
  if (!array.is_array() || array.size() != count) {
    malformed(where, std::string(key) + ": expected an array of " + std::to_string(count) +
                         " numbers (num_nodes)");
  }
  std::vector<Number> values;
  values.reserve(count);
  for (const json& value : array) {
    // default_left is 0/1 in XGBoost 1.x and may be written as booleans by other versions.
    const bool number = std::is_integral_v<Number> ? value.is_number_integer() : value.is_number();
    if (!number && !value.is_boolean()) {
      malformed(where, std::string(key) + ": expected numbers");
    }
    values.push_back(value.get<Number>());
  }
  return values;
}

// base_score is on the prediction's scale; the trees add up on the margin's scale.
double link(const std::string& objective, double base_score) {
  if (objective == "binary:logistic" || objective == "reg:logistic") {
    return std::log(base_score / (1 - base_score));
  }
  if (objective == "count:poisson" || objective == "reg:gamma" || objective == "reg:tweedie") {
    return std::log(base_score);
  }
  if (objective == "binary:logitraw" || objective == "reg:squarederror" ||
      objective == "reg:pseudohubererror") {
    return base_score;
  }
  throw UnsupportedModel("objective \"" + objective + "\": its base margin is not known here");
}

// A tree's arrays as XGBoost writes them, indexed by XGBoost's node id.
struct JsonTree {
  std::string where;
  std::size_t nodes;
  std::vector<std::int64_t> left, right, feature, split_type;
  std::vector<float> condition, cover;
  std::vector<int> default_left;

  JsonTree(const json& tree, std::string where_)
      : where(std::move(where_)),
        nodes(parameter<std::size_t>(member(tree, where, "tree_param"), where, "num_nodes")),
        left(numbers<std::int64_t>(tree, where, "left_children", nodes)),
        right(numbers<std::int64_t>(tree, where, "right_children", nodes)),
        feature(numbers<std::int64_t>(tree, where, "split_indices", nodes)),
        // Models older than categorical splits have no split_type: all their splits are numerical.
        split_type(tree.contains("split_type")
                       ? numbers<std::int64_t>(tree, where, "split_type", nodes)
                       : std::vector<std::int64_t>(nodes, 0)),
        condition(numbers<float>(tree, where, "split_conditions", nodes)),
        cover(numbers<float>(tree, where, "sum_hessian", nodes)),
        default_left(numbers<int>(tree, where, "default_left", nodes)) {
    if (nodes == 0) malformed(where, "a tree without nodes");
    if (nodes > std::numeric_limits<std::int32_t>::max()) malformed(where, "too many nodes");
  }

  std::string node(std::int64_t id) const { return where + " node " + std::to_string(id); }
};

// A tree's nodes reachable from the root, breadth-first, checked on the way.
struct BreadthFirst {
  std::vector<Split> splits;
  std::vector<double> cover_ratio, leaf_value;
  std::vector<std::int32_t> split_of;

  BreadthFirst(const JsonTree& tree, std::size_t num_features) {
    std::vector<std::int64_t> order{0}, parent(tree.nodes, -1);  // XGBoost's node ids
    std::vector<bool> seen(tree.nodes, false);
    // Each split appends its two children: those of the r-th split land at 2r + 1 and 2r + 2.
    for (std::size_t node = 0; node < order.size(); ++node) {
      const std::int64_t id = order[node];
      if (seen[id]) malformed(tree.node(id), "reached twice: the children do not form a tree");
      seen[id] = true;
      const float cover = tree.cover[id];
      const std::int64_t left = tree.left[id], right = tree.right[id];
      const bool leaf = left == -1 && right == -1;
      if (!std::isfinite(cover) || cover < 0 || (!leaf && cover == 0)) {
        throw UnsupportedModel(tree.node(id) + ": cover (sum_hessian) " + std::to_string(cover) +
                               "; path-dependent SHAP weighs branches by their positive covers");
      }
      // In float, as XGBoost computes its zero fractions.
      cover_ratio.push_back(parent[id] < 0 ? 1.f : cover / tree.cover[parent[id]]);
      if (leaf) {
        leaf_value.push_back(tree.condition[id]);  // XGBoost keeps leaf values there
        split_of.push_back(-1);
        continue;
      }
      // XGBoost's own predictions take the right child to follow the left one.
      if (left <= 0 || right != left + 1 || right >= static_cast<std::int64_t>(tree.nodes)) {
        malformed(tree.node(id), "children " + std::to_string(left) + " and " +
                                     std::to_string(right) +
                                     " are not two consecutive nodes of the tree");
      }
      if (tree.split_type[id] != 0) throw UnsupportedModel(tree.node(id) + ": categorical split");
      const std::int64_t feature = tree.feature[id];
      if (feature < 0 || static_cast<std::size_t>(feature) >= num_features) {
        malformed(tree.node(id), "split feature " + std::to_string(feature) +
                                     " not below num_feature " + std::to_string(num_features));
      }
      leaf_value.push_back(0);
      split_of.push_back(static_cast<std::int32_t>(splits.size()));
      splits.push_back({tree.condition[id], static_cast<std::int32_t>(feature),
                        static_cast<std::uint32_t>(node),
                        static_cast<std::uint32_t>(tree.default_left[id] != 0)});
      parent[left] = parent[right] = id;
      order.push_back(left);
      order.push_back(right);
    }
  }
};

}  // namespace

json parse_model_json(std::string_view model_json) {
  try {
    return json::parse(model_json);
  } catch (const json::exception& error) {  // not JSON, or a number beyond a double
    throw ModelFormatError(std::string("model JSON: not valid JSON: ") + error.what());
  }
}

TreeEnsemble TreeEnsemble::from_json(std::string_view model_json) {
  return from_parsed_json(parse_model_json(model_json));
}

ModelShape model_shape(const json& model) {
  const json& params = member(member(model, "model", "learner"), "learner", "learner_model_param");
  const std::string where = "learner_model_param";
  const auto classes = parameter<std::size_t>(params, where, "num_class");  // 0 when binary
  const auto targets = params.contains("num_target")                        // since XGBoost 1.6
                           ? parameter<std::size_t>(params, where, "num_target")
                           : 1;
  return {parameter<std::size_t>(params, where, "num_feature"),
          std::max<std::size_t>({classes, targets, 1})};
}

TreeEnsemble TreeEnsemble::from_parsed_json(const json& model) {
  const ModelShape shape = model_shape(model);
  const json& learner = member(model, "model", "learner");
  const json& booster = member(learner, "learner", "gradient_booster");
  const std::string& name = text(booster, "gradient_booster", "name");
  if (name != "gbtree") {
    throw UnsupportedModel("booster \"" + name + "\": only gbtree models are explained here");
  }
  if (shape.outputs > 1) {
    throw UnsupportedModel(std::to_string(shape.outputs) +
                           " outputs: only single-output models are explained here");
  }
  const std::string& objective = text(member(learner, "learner", "objective"), "objective", "name");
  const std::string params_where = "learner_model_param";
  const float base_score = parameter<float>(member(learner, "learner", "learner_model_param"),
                                            params_where, "base_score");

  TreeEnsemble ensemble;
  ensemble.base_margin_ = link(objective, base_score);
  if (!std::isfinite(ensemble.base_margin_)) {
    malformed(params_where,
              "base_score " + std::to_string(base_score) + " out of the range of " + objective);
  }
  ensemble.num_features_ = shape.features;
  const json& trees = member(member(booster, "gradient_booster", "model"), "model", "trees");
  if (!trees.is_array()) malformed("model", "trees: expected an array");
  for (std::size_t t = 0; t < trees.size(); ++t) {
    const JsonTree tree(trees[t], "tree " + std::to_string(t));
    const BreadthFirst nodes(tree, ensemble.num_features_);
    ensemble.splits_.insert(ensemble.splits_.end(), nodes.splits.begin(), nodes.splits.end());
    ensemble.cover_ratio_.insert(ensemble.cover_ratio_.end(), nodes.cover_ratio.begin(),
                                 nodes.cover_ratio.end());
    ensemble.leaf_value_.insert(ensemble.leaf_value_.end(), nodes.leaf_value.begin(),
                                nodes.leaf_value.end());
    ensemble.split_of_.insert(ensemble.split_of_.end(), nodes.split_of.begin(),
                              nodes.split_of.end());
    ensemble.split_begin_.push_back(ensemble.splits_.size());
    ensemble.node_begin_.push_back(ensemble.cover_ratio_.size());
    ensemble.max_nodes_ = std::max(ensemble.max_nodes_, nodes.cover_ratio.size());
  }
  return ensemble;
}

double TreeEnsemble::predict_margin(std::span<const float> row) const {
  if (row.size() != num_features_) {
    throw internal_error("predict_margin: " + std::to_string(row.size()) + " values for " +
                         std::to_string(num_features_) + " features");
  }
  // In float, tree after tree, as XGBoost adds them: the same bits as its own prediction.
  auto margin = static_cast<float>(base_margin_);
  for (std::size_t t = 0; t < num_trees(); ++t) {
    const Tree nodes = tree(t);
    std::size_t node = 0;
    for (std::int32_t r = nodes.split[node]; r >= 0; r = nodes.split[node]) {
      const Split& split = nodes.splits[r];
      node = 2 * r + (split.goes_left(row[split.feature]) ? 1 : 2);
    }
    margin += static_cast<float>(nodes.leaf_value[node]);
  }
  return margin;
}

TreeEnsemble::Tree TreeEnsemble::tree(std::size_t t) const {
  const std::size_t splits = split_begin_[t], nodes = node_begin_[t];
  const std::size_t count = node_begin_[t + 1] - nodes;
  return {{splits_.data() + splits, split_begin_[t + 1] - splits},
          {cover_ratio_.data() + nodes, count},
          {leaf_value_.data() + nodes, count},
          {split_of_.data() + nodes, count}};
}

}  // namespace creditscore::explain
