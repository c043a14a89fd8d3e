// `creditscore train`: learns a model from a data set, writes its bundle, records the run.
#include "cli/commands.h"
#include "cli/database_option.h"
#include "cli/training.h"

namespace creditscore::cli {

void register_train_command(CLI::App& app) {
  auto options = std::make_shared<TrainOptions>();
  model::TrainConfig& c = options->config;
  CLI::App* command = app.add_subcommand(
      "train",
      "Learn the probability of default from a data set's training clients with XGBoost\n"
      "(binary logistic, histogram method): stratified K-fold cross-validation with early "
      "stopping,\n"
      "out-of-fold metrics (ROC AUC, PR AUC, Brier score, calibration), the decision threshold\n"
      "that minimises the business cost (a granted credit that defaults costs --cost-ratio times "
      "a\n"
      "refused good client), then a final model on every client. Writes a model bundle under\n"
      "MODELS/RUN_ID and records the run in MODELS/registry.sqlite. On generated data the report\n"
      "sets the model beside the oracle (the true probabilities). Example:\n"
      "  creditscore train --data data --models models --search-minutes 10");
  command
      ->add_option("--data", options->data,
                   "Directory holding the Home Credit CSV files (history files may be absent)")
      ->capture_default_str();
  command->add_option("--models", options->models, "Directory of the bundles and the registry")
      ->capture_default_str();
  add_database_option(*command, options->database);
  command->add_option("--folds", c.folds, "Cross-validation folds")->capture_default_str();
  command->add_option("--max-rounds", c.max_rounds, "Most boosting rounds per fold")
      ->capture_default_str();
  command
      ->add_option("--early-stopping", c.early_stopping_rounds,
                   "Stop a fold after this many rounds without AUC gain")
      ->capture_default_str();
  command
      ->add_option("--final-rounds", c.final_rounds,
                   "Rounds of the final model (0: the folds' mean best round)")
      ->capture_default_str();
  command->add_option("--learning-rate", c.trees.learning_rate, "Shrinkage of each tree")
      ->capture_default_str();
  command->add_option("--max-depth", c.trees.max_depth, "Depth of each tree")
      ->capture_default_str();
  command->add_option("--min-child-weight", c.trees.min_child_weight, "Least hessian in a leaf")
      ->capture_default_str();
  command->add_option("--subsample", c.trees.subsample, "Share of clients per tree")
      ->capture_default_str();
  command->add_option("--colsample", c.trees.colsample_bytree, "Share of features per tree")
      ->capture_default_str();
  command
      ->add_option("--max-bin", c.trees.max_bin,
                   "Bins each feature is cut into: fewer learn faster, more split finer")
      ->capture_default_str();
  command
      ->add_option(
          "--weighting", options->weighting,
          "Class weighting: none (calibrated probabilities) or balanced (scale_pos_weight)")
      ->check(CLI::IsMember({"none", "balanced"}))
      ->capture_default_str();
  command
      ->add_option("--cost-ratio", options->cost_ratio,
                   "Cost of a missed default / cost of a refused good client")
      ->capture_default_str();
  command
      ->add_option("--search-minutes", c.search_minutes,
                   "Random search of tree settings for this long (0 = none)")
      ->capture_default_str();
  command->add_option("--search-trials", c.max_search_trials, "Most settings tried by the search")
      ->capture_default_str();
  command
      ->add_flag("--monotone,!--no-monotone", c.monotone,
                 "Constrain the amount, annuity, price, their ratios and the external scores to\n"
                 "move the risk one way only, each in the direction its rank correlation with\n"
                 "default shows (when clear, and as the business expects); --no-monotone leaves\n"
                 "them free")
      ->capture_default_str();
  command->add_option("--seed", c.seed, "Seed of folds, sampling and search")
      ->capture_default_str();
  command->add_option("--threads", c.threads, "XGBoost threads, 0 = all cores")
      ->capture_default_str();
  command->add_flag("--promote", options->promote,
                    "Serve the new model at once (the first model always is)");
  command->callback([options] { run_training(*options); });
}

}  // namespace creditscore::cli
