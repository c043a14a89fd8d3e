#include "cli/scoring.h"

#include <iostream>

#include "cli/command_line_observer.h"
#include "cli/number_format.h"
#include "cli/served_bundle.h"
#include "cli/text_table.h"

namespace creditscore::cli {

void run_scoring(const ScoreOptions& options) {
  const std::filesystem::path bundle =
      chosen_bundle(options.model, options.models, options.database);
  CommandLineObserver observer(std::cout);
  app::BatchScoringRequest request = options.request;
  request.bundle = bundle;
  request.train_clients = options.clients == "train";
  const app::BatchScores scores = app::score_to_file(request, observer);

  std::cout << "\nScored with " << scores.run_id << " (" << bundle.string() << ")\n\n";
  TextTable table({"measure", "value"});
  table.add_row({"clients", format_count(scores.clients)});
  table.add_row({"decision threshold", format_fixed(scores.threshold, 3)});
  table.add_row(
      {"refused", format_count(scores.refused) + " (" +
                      format_percent(scores.clients ? static_cast<double>(scores.refused) /
                                                          static_cast<double>(scores.clients)
                                                    : 0,
                                     1) +
                      ")"});
  table.add_row({"mean probability of default", format_fixed(scores.mean_probability, 4)});
  table.add_row({"written to", request.out.string()});
  table.print(std::cout);
}

}  // namespace creditscore::cli
