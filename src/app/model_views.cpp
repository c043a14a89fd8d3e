#include "app/model_views.h"

#include "common/error.h"

namespace creditscore::app {

GlobalView global_explanation(const Service& service) {
  auto model = service.model();
  if (model->bundle().global_explanation.is_null()) {
    throw not_found("model " + model->bundle().run_id + " has no global explanation");
  }
  explain::GlobalExplanation global =
      explain::global_explanation_from_json(model->bundle().global_explanation);
  return {std::move(model), std::move(global)};
}

RunsView list_runs(const Service& service) {
  RunsView view{service.model()->bundle().run_id, {}, {}};
  if (service.registry()) {
    store::RunRegistry registry(*service.registry());
    if (const auto current = registry.served()) view.served = current->id;
    view.runs = registry.list();
  }
  return view;
}

}  // namespace creditscore::app
