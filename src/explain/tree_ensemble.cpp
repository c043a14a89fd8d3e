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
                            std::size_t count, const char* why = "num_nodes") {
  const json& array = member(tree, where, key);
  if (!array.is_array() || array.size() != count) {
    malformed(where, std::string(key) + ": expected an array of " + std::to_string(count) +
                         " numbers (" + why + ")");
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
    // Read by XGBoost alone, which trusts their lengths.
    for (const char* key : {"parents", "loss_changes", "base_weights"})
      (void)numbers<float>(tree, where, key, nodes);
    for (const std::int64_t type : split_type)
      if (type != 0 && type != 1) malformed(where, "split_type " + std::to_string(type));
    check_categories(tree);
  }

  std::string node(std::int64_t id) const { return where + " node " + std::to_string(id); }

 private:
  // A categorical split's categories, as XGBoost reads them without checking: categories_nodes
  // lists the categorical splits in order, the k-th having categories_sizes[k] categories from
  // categories_segments[k] on.
  void check_categories(const json& tree) const {
    std::vector<std::int64_t> categorical;
    for (std::size_t id = 0; id < nodes; ++id)
      if (split_type[id] == 1) categorical.push_back(static_cast<std::int64_t>(id));
    if (categorical.empty() && !tree.contains("categories_nodes")) return;  // an older model
    const auto splits = numbers<std::int64_t>(tree, where, "categories_nodes", categorical.size(),
                                              "the categorical splits");
    if (splits != categorical) malformed(where, "categories_nodes: not the categorical splits");
    const char* each = "one a categorical split";
    const auto from =
        numbers<std::int64_t>(tree, where, "categories_segments", splits.size(), each);
    const auto count = numbers<std::int64_t>(tree, where, "categories_sizes", splits.size(), each);
    const std::size_t total = member(tree, where, "categories").size();
    const auto categories = numbers<std::int64_t>(tree, where, "categories", total);
    for (std::size_t k = 0; k < splits.size(); ++k) {
      if (from[k] < 0 || count[k] <= 0 ||
          static_cast<std::uint64_t>(from[k]) + static_cast<std::uint64_t>(count[k]) > total) {
        malformed(where, "categorical split " + std::to_string(splits[k]) +
                             ": its categories are out of range");
      }
    }
    for (const std::int64_t category : categories)
      if (category < 0 || category > kMaxCategory) malformed(where, "a category out of range");
  }
  // XGBoost sizes a bit set by the largest category.
  static constexpr std::int64_t kMaxCategory = 1 << 24;
};

// A tree's nodes reachable from the root, breadth-first, checked on the way.
struct BreadthFirst {
  std::string unsupported;  // the first thing explained only by XGBoost, "" when none
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
      if ((!std::isfinite(cover) || cover < 0 || (!leaf && cover == 0)) && unsupported.empty()) {
        unsupported = tree.node(id) + ": cover (sum_hessian) " + std::to_string(cover) +
                      "; path-dependent SHAP weighs branches by their positive covers";
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
      if (tree.split_type[id] != 0 && unsupported.empty())
        unsupported = tree.node(id) + ": categorical split";
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

// A gbtree model's trees, checked where XGBoost's loader trusts them: it reads num_trees entries
// of tree_info and places each tree by its id.
const json& tree_list(const json& gbtree, const ModelShape& shape) {
  const std::string where = "gradient_booster model";
  const json& trees = member(gbtree, where, "trees");
  if (!trees.is_array()) malformed(where, "trees: expected an array");
  const auto declared = parameter<std::size_t>(member(gbtree, where, "gbtree_model_param"),
                                               "gbtree_model_param", "num_trees");
  if (declared != trees.size()) {
    malformed("gbtree_model_param", "num_trees " + std::to_string(declared) + " for " +
                                        std::to_string(trees.size()) + " trees");
  }
  for (const std::int64_t output :
       numbers<std::int64_t>(gbtree, where, "tree_info", trees.size())) {
    if (output < 0 || static_cast<std::size_t>(output) >= shape.outputs)
      malformed(where, "tree_info: output " + std::to_string(output) + " out of range");
  }
  for (std::size_t t = 0; t < trees.size(); ++t) {
    const std::string tree = "tree " + std::to_string(t);
    const json& id = member(trees[t], tree, "id");
    if (!id.is_number_integer() || id.get<std::int64_t>() != static_cast<std::int64_t>(t))
      malformed(tree, "id: expected " + std::to_string(t));
  }
  return trees;
}

// A dart model: a gbtree model inside, and one weight a tree.
const json& dart_trees(const json& inner, const json& weights, const ModelShape& shape) {
  const json& trees = tree_list(member(inner, "gbtree", "model"), shape);
  if (!weights.is_array() || weights.size() != trees.size())
    malformed("gradient_booster", "weight_drop: expected one weight a tree");
  for (const json& weight : weights)
    if (!weight.is_number()) malformed("gradient_booster", "weight_drop: expected numbers");
  return trees;
}

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
  if (name != "gbtree" && name != "dart") {
    malformed("gradient_booster", "booster \"" + name + "\": only tree models are read here");
  }
  // The whole model is checked before any of it is found unsupported: XGBoost, which explains
  // what this code does not, trusts what it loads.
  std::string unsupported;
  const auto unsupported_if = [&](bool condition, const std::string& what) {
    if (condition && unsupported.empty()) unsupported = what;
  };
  unsupported_if(name == "dart", "booster \"dart\": only gbtree models are explained here");
  unsupported_if(shape.outputs > 1, std::to_string(shape.outputs) +
                                        " outputs: only single-output models are explained here");
  const json& trees = name == "dart"
                          ? dart_trees(member(booster, "gradient_booster", "gbtree"),
                                       member(booster, "gradient_booster", "weight_drop"), shape)
                          : tree_list(member(booster, "gradient_booster", "model"), shape);
  const std::string& objective = text(member(learner, "learner", "objective"), "objective", "name");
  const std::string params_where = "learner_model_param";
  const float base_score = parameter<float>(member(learner, "learner", "learner_model_param"),
                                            params_where, "base_score");

  TreeEnsemble ensemble;
  try {
    ensemble.base_margin_ = link(objective, base_score);
  } catch (const UnsupportedModel& error) {
    unsupported_if(true, error.what());
  }
  if (unsupported.empty() && !std::isfinite(ensemble.base_margin_)) {
    malformed(params_where,
              "base_score " + std::to_string(base_score) + " out of the range of " + objective);
  }
  ensemble.num_features_ = shape.features;
  for (std::size_t t = 0; t < trees.size(); ++t) {
    const JsonTree tree(trees[t], "tree " + std::to_string(t));
    const BreadthFirst nodes(tree, ensemble.num_features_);
    unsupported_if(!nodes.unsupported.empty(), nodes.unsupported);
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
  if (!unsupported.empty()) throw UnsupportedModel(unsupported);
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
