// The model: GET /api/v1/model (the card: version, threshold, metrics and curves, importance),
// /api/v1/model/global (mean |SHAP| and the (value, SHAP) samples of the summary and dependence
// plots), /api/v1/model/card (the instructions for use, PDF or Markdown) and /api/v1/runs (the
// registry's runs, when the server follows one).
#include "app/client_letter.h"
#include "app/document_markdown.h"
#include "app/document_pdf.h"
#include "app/model_card.h"
#include "app/model_views.h"
#include "common/error.h"
#include "server/json_views.h"
#include "server/routes.h"

namespace creditscore::server {

using nlohmann::json;

void add_model_routes(Router& router, app::Service& service) {
  router.get("/api/v1/model", [&service](const Request& request) {
    const auto top = static_cast<std::size_t>(request.query_integer("top", 30, 1, 1000));
    json body = model_json(*service.model(), top);
    body["bundle_path"] = service.bundle_path().string();
    return Reply(body);
  });

  router.get("/api/v1/model/global", [&service](const Request& request) {
    const auto top = static_cast<std::size_t>(request.query_integer("top", 20, 1, 100));
    const app::GlobalView view = app::global_explanation(service);
    const explain::GlobalExplanation& global = view.global;
    json features = json::array();
    for (std::size_t k = 0; k < std::min(top, global.dependence.size()); ++k) {
      const auto& d = global.dependence[k];
      const auto index = view.model->catalog().index_of(d.feature);
      if (!index) continue;
      json item = feature_json(*view.model, *index);
      item["mean_abs_shap"] = global.importance[k].mean_abs_shap;
      json values = json::array();
      for (float v : d.values) values.push_back(number_or_null(v));
      item["values"] = std::move(values);
      item["shap"] = d.shap;
      features.push_back(std::move(item));
    }
    return Reply(json{{"run_id", view.model->bundle().run_id},
                      {"sample_size", global.sample_size},
                      {"base_value", global.base_value},
                      {"features", features}});
  });

  router.get("/api/v1/model/card", [&service](const Request& request) {
    const std::string lang = request.query("lang").value_or("fr");
    const std::string format = request.query("format").value_or("pdf");
    if (format != "pdf" && format != "markdown")
      throw invalid_input("format=\"" + format + "\": say pdf or markdown");
    const auto model = service.model();
    const app::Document card = app::model_card(model->bundle(), true, app::parse_language(lang));
    const bool pdf = format == "pdf";
    Reply reply =
        pdf ? Reply::of_type(app::document_pdf(card), "application/pdf")
            : Reply::of_type(app::document_markdown(card), "text/markdown; charset=utf-8");
    reply.headers.emplace_back("Content-Disposition", "attachment; filename=\"model-card-" +
                                                          model->bundle().run_id + "-" + lang +
                                                          (pdf ? ".pdf\"" : ".md\""));
    return reply;
  });

  router.get("/api/v1/runs", [&service](const Request&) {
    const app::RunsView view = app::list_runs(service);
    json runs = json::array();
    for (const store::RunRecord& run : view.runs) {
      runs.push_back({{"id", run.id},
                      {"created_at", run.created_at},
                      {"data_directory", run.data_directory},
                      {"data_fingerprint", run.data_fingerprint},
                      {"params", json::parse(run.params_json)},
                      {"metrics", json::parse(run.metrics_json)},
                      {"timings", json::parse(run.timings_json)},
                      {"bundle_path", run.bundle_path}});
    }
    return Reply(json{{"live", view.live}, {"served", view.served}, {"runs", runs}});
  });
}

}  // namespace creditscore::server
