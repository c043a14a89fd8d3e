#include "cli/training.h"

#include <iostream>

#include "app/training_pipeline.h"
#include "cli/command_line_observer.h"
#include "cli/training_report.h"

namespace creditscore::cli {

void run_training(const TrainOptions& options) {
  app::TrainingRequest request{options.data, options.models, options.config, options.promote,
                               options.database};
  request.config.weighting = model::class_weighting_from_string(options.weighting);
  request.config.costs = {options.cost_ratio, 1.0};
  CommandLineObserver observer(std::cout);
  const app::TrainedRun run = app::train_and_record(request, observer);
  print_training_report(std::cout, run.result, run.oracle);
  std::cout << "\nRun " << run.run_id << ": bundle written to " << run.bundle.string() << "\n";
  if (run.promoted) {
    std::cout << "Now served (promoted " << (options.promote ? "as asked" : "as the first model")
              << ")\n";
  } else {
    std::cout << "Serve it with: creditscore promote " << run.run_id << " --models "
              << options.models.string() << "\n";
  }
}

}  // namespace creditscore::cli
