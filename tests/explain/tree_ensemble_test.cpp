#include "explain/tree_ensemble.h"

#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "tests/explain/random_model.h"

namespace creditscore::explain {
namespace {

using nlohmann::json;

// A small binary:logistic model's JSON: 3 rounds of depth 3 on 4 features, some missing.
json small_model() {
  const RandomClients clients(200, 4, 0.2, 0.3, 5);
  return json::parse(
      train(clients, 3,
            {{"objective", "binary:logistic"}, {"max_depth", "3"}, {"base_score", "0.3"}})
          .to_json());
}

json& first_tree(json& model) {
  return model["learner"]["gradient_booster"]["model"]["trees"][0];
}

// Reading `model` throws an Error whose message contains `words`.
template <typename Error>
void expect_refused(const json& model, const std::string& words) {
  try {
    TreeEnsemble::from_parsed_json(model);
    ADD_FAILURE() << "accepted; expected " << words;
  } catch (const Error& error) {
    EXPECT_NE(std::string(error.what()).find(words), std::string::npos) << error.what();
  }
}

TEST(TreeEnsemble, ReadsTreesBreadthFirst) {
  const TreeEnsemble ensemble = TreeEnsemble::from_parsed_json(small_model());
  EXPECT_EQ(ensemble.num_features(), 4u);
  EXPECT_EQ(ensemble.num_trees(), 3u);
  EXPECT_NEAR(ensemble.base_margin(), std::log(0.3 / 0.7), 1e-7);
  for (std::size_t t = 0; t < ensemble.num_trees(); ++t) {
    const TreeEnsemble::Tree tree = ensemble.tree(t);
    ASSERT_EQ(tree.cover_ratio.size(), 2 * tree.splits.size() + 1);
    EXPECT_EQ(tree.cover_ratio[0], 1.0);
    for (std::size_t r = 0; r < tree.splits.size(); ++r) {
      const std::size_t node = tree.splits[r].node;
      EXPECT_EQ(tree.split[node], static_cast<std::int32_t>(r));
      EXPECT_LT(node, 2 * r + 1);  // parents come before their children
      // The children share their parent's cover, up to XGBoost's float sums.
      EXPECT_NEAR(tree.cover_ratio[2 * r + 1] + tree.cover_ratio[2 * r + 2], 1.0, 1e-5);
    }
  }
}

TEST(TreeEnsemble, PredictsXGBoostsMarginForEverySupportedObjective) {
  const RandomClients clients(300, 6, 0.25, 0.4, 9);
  std::vector<float> positive(clients.y);
  for (float& label : positive) label += 0.5f;  // gamma and tweedie want positive labels
  const struct {
    const char* objective;
    const char* base_score;
    bool positive_labels;
  } cases[] = {{"binary:logistic", "0.2", false},
               {"reg:logistic", "0.6", false},
               {"binary:logitraw", "0.4", false},
               {"reg:squarederror", "1.5", false},
               {"reg:pseudohubererror", "-2", false},
               {"count:poisson", "2", false},
               {"reg:gamma", "0.7", true},
               {"reg:tweedie", "1.3", true}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.objective);
    const model::Booster booster =
        train(clients, 5, {{"objective", c.objective}, {"base_score", c.base_score}},
              c.positive_labels ? positive : clients.y);
    const TreeEnsemble ensemble = TreeEnsemble::from_json(booster.to_json());
    const std::vector<double> margin =
        booster.predict(model::DMatrix(clients.view()), model::Prediction::Margin);
    for (std::size_t r = 0; r < clients.rows; ++r) {
      ASSERT_NEAR(ensemble.predict_margin(clients.row(r)), margin[r], 1e-5) << "row " << r;
    }
  }
}

TEST(TreeEnsemble, RefusesMalformedModelsNamingWhatIsWrong) {
  EXPECT_THROW(TreeEnsemble::from_json(std::string_view("{not json")), ModelFormatError);
  expect_refused<ModelFormatError>(json::object(), "missing \"learner\"");
  json model = small_model();

  json wrong = model;
  first_tree(wrong)["left_children"].erase(0);
  expect_refused<ModelFormatError>(wrong, "tree 0: left_children: expected an array of");

  wrong = model;
  first_tree(wrong)["left_children"][0] = 99;
  first_tree(wrong)["right_children"][0] = 100;
  expect_refused<ModelFormatError>(wrong, "tree 0 node 0: children 99 and 100 are not");

  wrong = model;
  first_tree(wrong)["right_children"][0] = first_tree(wrong)["left_children"][0];
  expect_refused<ModelFormatError>(wrong, "not two consecutive nodes");

  wrong = model;  // node 0's children are 1 and 2; send 1's to 1 and 2 as well
  first_tree(wrong)["left_children"][1] = 1;
  first_tree(wrong)["right_children"][1] = 2;
  expect_refused<ModelFormatError>(wrong, "reached twice");

  wrong = model;
  first_tree(wrong)["split_indices"][0] = 1000;
  expect_refused<ModelFormatError>(wrong, "tree 0 node 0: split feature 1000 not below");

  wrong = model;
  first_tree(wrong)["split_conditions"][1] = "0.5";
  expect_refused<ModelFormatError>(wrong, "split_conditions: expected numbers");

  // What XGBoost's loader trusts, found wrong before any fallback to it (it crashed on these).
  const auto trees_model = [&wrong]() -> json& {
    return wrong["learner"]["gradient_booster"]["model"];
  };
  wrong = model;
  trees_model()["gbtree_model_param"]["num_trees"] = "99";
  expect_refused<ModelFormatError>(wrong, "num_trees 99 for");
  first_tree(wrong)["sum_hessian"][0] = 0;  // unsupported as well: still refused as malformed
  expect_refused<ModelFormatError>(wrong, "num_trees 99 for");
  wrong = model;
  trees_model()["tree_info"].erase(0);
  expect_refused<ModelFormatError>(wrong, "tree_info: expected an array of");
  wrong = model;
  trees_model()["tree_info"][0] = 3;
  expect_refused<ModelFormatError>(wrong, "tree_info: output 3 out of range");
  wrong = model;
  first_tree(wrong)["id"] = 7;
  expect_refused<ModelFormatError>(wrong, "tree 0: id: expected 0");
  wrong = model;
  first_tree(wrong)["parents"].erase(0);
  expect_refused<ModelFormatError>(wrong, "tree 0: parents: expected an array of");
  wrong = model;
  first_tree(wrong)["split_type"][0] = 5;
  expect_refused<ModelFormatError>(wrong, "tree 0: split_type 5");

  wrong = model;
  wrong["learner"]["learner_model_param"]["num_feature"] = "four";
  expect_refused<ModelFormatError>(wrong, "num_feature: \"four\" is not a number");

  wrong = model;
  wrong["learner"]["learner_model_param"]["base_score"] = "1.5";
  expect_refused<ModelFormatError>(wrong, "base_score");
}

TEST(TreeEnsemble, RefusesWhatItDoesNotExplainExactly) {
  const json model = small_model();
  json other = model;
  first_tree(other)["split_type"][0] = 1;
  expect_refused<ModelFormatError>(other,
                                   "categories_nodes: expected an array of 1 numbers (the "
                                   "categorical splits)");
  first_tree(other)["categories_nodes"] = {1};
  expect_refused<ModelFormatError>(other, "categories_nodes: not the categorical splits");
  first_tree(other)["categories_nodes"] = {0};
  first_tree(other)["categories_segments"] = {0};
  first_tree(other)["categories_sizes"] = {1};
  first_tree(other)["categories"] = {2};
  expect_refused<UnsupportedModel>(other, "tree 0 node 0: categorical split");
  first_tree(other)["categories_sizes"] = {2};
  expect_refused<ModelFormatError>(other, "categorical split 0: its categories are out of range");

  other = model;
  first_tree(other)["sum_hessian"][0] = 0;
  expect_refused<UnsupportedModel>(other, "tree 0 node 0: cover");

  other = model;
  other["learner"]["objective"]["name"] = "survival:cox";
  expect_refused<UnsupportedModel>(other, "objective \"survival:cox\"");

  const RandomClients clients(200, 4, 0.2, 0.3, 5);
  expect_refused<UnsupportedModel>(json::parse(train(clients, 2, {{"booster", "dart"}}).to_json()),
                                   "booster \"dart\"");
  expect_refused<ModelFormatError>(
      json::parse(train(clients, 2, {{"booster", "gblinear"}}).to_json()),
      "booster \"gblinear\": only tree models are read here");
  std::vector<float> classes(clients.y);
  for (std::size_t r = 0; r < classes.size(); ++r) classes[r] += static_cast<float>(r % 2);
  expect_refused<UnsupportedModel>(
      json::parse(train(clients, 2, {{"objective", "multi:softprob"}, {"num_class", "3"}}, classes)
                      .to_json()),
      "3 outputs");
}

}  // namespace
}  // namespace creditscore::explain
