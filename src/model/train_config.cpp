#include "model/train_config.h"

#include <algorithm>
#include <stdexcept>

#include "common/error.h"
#include "common/parallel.h"
#include "model/xgboost.h"

namespace creditscore::model {
namespace {

std::string number(double value) {
  std::string text = std::to_string(value);
  text.erase(text.find_last_not_of('0') + 1);
  if (text.back() == '.') text.pop_back();
  return text;
}

void require(bool condition, const std::string& message) {
  if (!condition) throw invalid_input(message);
}

}  // namespace

std::map<std::string, std::string> xgboost_params(const TrainConfig& config, std::size_t defaulters,
                                                  std::size_t clients) {
  const TreeParams& t = config.trees;
  const int threads = config.threads > 0 ? config.threads : static_cast<int>(thread_budget());
  std::map<std::string, std::string> params = {
      {"objective", "binary:logistic"},
      {"eta", number(t.learning_rate)},
      {"max_depth", std::to_string(t.max_depth)},
      {"min_child_weight", number(t.min_child_weight)},
      {"subsample", number(t.subsample)},
      {"colsample_bytree", number(t.colsample_bytree)},
      {"lambda", number(t.reg_lambda)},
      {"alpha", number(t.reg_alpha)},
      {"gamma", number(t.gamma)},
      {"seed", std::to_string(config.seed % 2147483647)},
      {"nthread", std::to_string(std::max(1, threads))},
  };
  params.merge(quantization_params(t.max_bin));
  // Starting from the default rate (XGBoost starts from 0.5) keeps the probabilities of models
  // stopped early calibrated, and comparable from one fold to the next.
  if (config.weighting == ClassWeighting::Balanced && defaulters > 0) {
    params["scale_pos_weight"] =
        number(static_cast<double>(clients - defaulters) / static_cast<double>(defaulters));
  } else if (defaulters > 0 && defaulters < clients) {
    params["base_score"] = number(static_cast<double>(defaulters) / static_cast<double>(clients));
  }
  if (!config.monotone_constraints.empty()) {
    std::string constraints = "(";
    for (int c : config.monotone_constraints)
      constraints += (constraints.size() > 1 ? "," : "") + std::to_string(c);
    params["monotone_constraints"] = constraints + ")";
  }
  return params;
}

void validate(const TrainConfig& config) {
  const TreeParams& t = config.trees;
  require(t.learning_rate > 0 && t.learning_rate <= 1, "--learning-rate must be in (0, 1]");
  require(t.max_depth >= 1 && t.max_depth <= 16, "--max-depth must be in [1, 16]");
  require(t.min_child_weight >= 0, "--min-child-weight must be >= 0");
  require(t.subsample > 0 && t.subsample <= 1, "--subsample must be in (0, 1]");
  require(t.colsample_bytree > 0 && t.colsample_bytree <= 1, "--colsample must be in (0, 1]");
  require(t.reg_lambda >= 0 && t.reg_alpha >= 0 && t.gamma >= 0,
          "regularisation (lambda, alpha, gamma) must be >= 0");
  require(t.max_bin >= 2 && t.max_bin <= 1024, "--max-bin must be in [2, 1024]");
  require(config.folds >= 2 && config.folds <= 20, "--folds must be in [2, 20]");
  require(config.max_rounds >= 1, "--max-rounds must be >= 1");
  require(config.early_stopping_rounds >= 1, "--early-stopping must be >= 1");
  require(config.final_rounds >= 0, "--final-rounds must be >= 0");
  require(config.search_minutes >= 0, "--search-minutes must be >= 0");
  require(config.max_search_trials >= 1, "--search-trials must be >= 1");
  require(config.costs.false_negative_cost > 0 && config.costs.false_positive_cost > 0,
          "--cost-ratio must be > 0");
  require(config.threads >= 0, "--threads must be >= 0");
}

const char* to_string(ClassWeighting weighting) {
  return weighting == ClassWeighting::None ? "none" : "balanced";
}

ClassWeighting class_weighting_from_string(const std::string& text) {
  if (text == "none") return ClassWeighting::None;
  if (text == "balanced") return ClassWeighting::Balanced;
  throw invalid_input("--weighting must be none or balanced, not '" + text + "'");
}

}  // namespace creditscore::model
