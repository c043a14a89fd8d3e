#include "cli/training_report.h"

#include "cli/number_format.h"
#include "cli/text_table.h"

namespace creditscore::cli {
namespace {

std::string ratio(double ours, double reference) {
  return reference == 0 ? "-" : format_fixed(ours / reference, 3);
}

}  // namespace

void print_training_report(std::ostream& out, const model::TrainingResult& result,
                           const std::optional<model::Evaluation>& oracle) {
  const model::Evaluation& e = result.evaluation;
  out << "\nOut-of-fold quality over " << format_count(e.clients) << " clients ("
      << format_percent(static_cast<double>(e.defaulters) / static_cast<double>(e.clients), 2)
      << " defaults); a missed default costs " << format_fixed(e.costs.false_negative_cost, 0)
      << " x a refused good client\n\n";
  std::vector<std::string> header = {"measure", "model"};
  if (oracle) header.insert(header.end(), {"oracle", "model / oracle"});
  TextTable quality(header);
  auto row = [&](const std::string& name, double ours, double theirs, int decimals) {
    std::vector<std::string> cells = {name, format_fixed(ours, decimals)};
    if (oracle) cells.insert(cells.end(), {format_fixed(theirs, decimals), ratio(ours, theirs)});
    quality.add_row(cells);
  };
  const model::Evaluation& o = oracle ? *oracle : e;
  row("ROC AUC", e.roc_auc, o.roc_auc, 4);
  row("PR AUC", e.pr_auc, o.pr_auc, 4);
  row("Brier score", e.brier_score, o.brier_score, 4);
  row("calibration error", e.calibration_error, o.calibration_error, 4);
  row("decision threshold (least cost)", e.best.threshold, o.best.threshold, 3);
  row("cost per client at that threshold", e.best.cost_per_client, o.best.cost_per_client, 4);
  row("cost per client at 0.5", e.cost_at_half, o.cost_at_half, 4);
  quality.print(out);

  out << "\nFolds (early stopping on AUC)\n\n";
  TextTable folds({"fold", "best rounds", "AUC", "seconds"});
  for (std::size_t k = 0; k < result.cross_validation.folds.size(); ++k) {
    const model::FoldResult& fold = result.cross_validation.folds[k];
    folds.add_row({std::to_string(k + 1), std::to_string(fold.best_rounds),
                   format_fixed(fold.best_auc, 4), format_fixed(fold.seconds, 1)});
  }
  folds.print(out);

  if (result.trials.size() > 1) {
    out << "\nRandom search: " << result.trials.size() << " settings tried\n\n";
    TextTable trials({"trial", "depth", "min child", "subsample", "colsample", "lambda", "AUC",
                      "rounds", "seconds"});
    for (std::size_t k = 0; k < result.trials.size(); ++k) {
      const model::SearchTrial& t = result.trials[k];
      trials.add_row({std::to_string(k + 1), std::to_string(t.trees.max_depth),
                      format_fixed(t.trees.min_child_weight, 1), format_fixed(t.trees.subsample, 2),
                      format_fixed(t.trees.colsample_bytree, 2),
                      format_fixed(t.trees.reg_lambda, 2), format_fixed(t.out_of_fold_auc, 4),
                      std::to_string(t.rounds), format_fixed(t.seconds, 0)});
    }
    trials.print(out);
  }
  out << "\nFinal model: " << result.rounds << " rounds on every client, "
      << format_fixed(result.final_fit_seconds, 1) << " s (cross-validation "
      << format_fixed(result.cross_validation_seconds, 1) << " s)\n";
}

}  // namespace creditscore::cli
