// GET /predict?numeroClient=ID answers exactly as the first version's Flask API did:
//   [probability_of_default, {"0": {"0": shap_0, "1": shap_1, ...}}, expected_value]
// (a pandas DataFrame's to_dict() of the SHAP values, features in model order, then the
// explainer's expected value on the margin's scale) but with the SHAP values of the client
// asked for; the first version returned row 0's whoever was asked.
#include <algorithm>
#include <charconv>
#include <string_view>

#include "app/client_views.h"
#include "server/rendered_answers.h"
#include "server/routes.h"

namespace creditscore::server {
namespace {

// Written by hand into one buffer sized for the longest answer: this is the hottest route, its ~750
// numbers are most of its cost, and appending each number's text to a string cost a third more
// than writing it in place. SHAP values go out at the model's own precision, float32 (XGBoost's
// trees and contributions are float32): no digits of noise, fewer bytes, and about a fifth more
// answers per second under load.
std::string flask_answer(double probability, std::span<const double> shap, double base) {
  constexpr std::size_t kLongestDouble = 24, kLongestFloat = 15, kLongestIndex = 20;
  std::string out(2 * kLongestDouble + 16 + shap.size() * (kLongestIndex + kLongestFloat + 4), ' ');
  char* at = out.data();
  char* const end = out.data() + out.size();
  const auto text = [&](std::string_view piece) { at = std::copy(piece.begin(), piece.end(), at); };
  const auto number = [&](auto value) { at = std::to_chars(at, end, value).ptr; };
  text("[");
  number(probability);
  text(",{\"0\":{");
  for (std::size_t f = 0; f < shap.size(); ++f) {
    text(f > 0 ? ",\"" : "\"");
    number(f);
    text("\":");
    number(static_cast<float>(shap[f]));
  }
  text("}},");
  number(base);
  text("]");
  out.resize(static_cast<std::size_t>(at - out.data()));
  return out;
}

}  // namespace

void add_legacy_routes(Router& router, app::Service& service) {
  // ~12 KB each, ~18 MB in all with the explanations they hold.
  auto answers = std::make_shared<RenderedAnswers>(1024);
  router.get("/predict", [&service, answers](const Request& request) {
    request.required_query("numeroClient", "the client's SK_ID_CURR");
    const std::int64_t id = request.query_integer("numeroClient", 0, INT64_MIN, INT64_MAX);
    const app::ClientShap client = app::client_shap(service, id);
    const auto text = answers->text(id, client.shap, [&] {
      const std::span<const double> values = client.shap->values;
      return flask_answer(client.shap->probability, values.first(client.model->num_features()),
                          values.back());
    });
    Reply reply = Reply::of_type(*text, "application/json");
    reply.client_id = id;
    return reply;
  });
}

}  // namespace creditscore::server
