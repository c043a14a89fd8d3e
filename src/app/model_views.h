// What an analyst reads of the models: the live model's global explanation and the registry's
// runs, beside the one that is live.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "app/service.h"
#include "explain/global_explanation.h"
#include "store/run_registry.h"

namespace creditscore::app {

struct GlobalView {
  std::shared_ptr<const explain::ServedModel> model;
  explain::GlobalExplanation global;
};

struct RunsView {
  std::string live;    // the run answering now
  std::string served;  // the run the registry serves; empty when the server follows none
  std::vector<store::RunRecord> runs;  // newest first
};

// not_found when the live model's bundle has no global explanation.
GlobalView global_explanation(const Service& service);
RunsView list_runs(const Service& service);

}  // namespace creditscore::app
