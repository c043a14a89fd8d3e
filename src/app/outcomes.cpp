#include "app/outcomes.h"

#include <charconv>
#include <fstream>
#include <string>

#include "app/service.h"
#include "common/error.h"

namespace creditscore::app {

void record_outcomes(Service& service, std::span<const store::Outcome> outcomes) {
  service.with_store([&](store::ClientStore& s) {
    s.record_outcomes(outcomes);
    return 0;
  });
  service.population().set_outcomes(outcomes);
}

int outcome_from_json(const nlohmann::json& body) {
  const auto outcome = body.is_object() ? body.find("outcome") : body.end();
  if (!body.is_object() || outcome == body.end() || !outcome->is_string() ||
      (*outcome != "repaid" && *outcome != "defaulted")) {
    throw invalid_input("outcome: say \"repaid\" or \"defaulted\"");
  }
  return *outcome == "defaulted" ? 1 : 0;
}

const char* outcome_name(int target) {
  return target == 1 ? "defaulted" : "repaid";
}

std::vector<store::Outcome> read_outcomes_csv(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw invalid_input(file.string() + ": cannot be read");
  const auto fail = [&](std::size_t line, const std::string& what) {
    return invalid_input(file.string() + ":" + std::to_string(line) + ": " + what);
  };
  std::string text;
  std::getline(in, text);
  if (!text.empty() && text.back() == '\r') text.pop_back();
  if (text != "SK_ID_CURR,TARGET")
    throw fail(1, "the header must be SK_ID_CURR,TARGET, not \"" + text + "\"");
  std::vector<store::Outcome> outcomes;
  for (std::size_t line = 2; std::getline(in, text); ++line) {
    if (!text.empty() && text.back() == '\r') text.pop_back();
    if (text.empty()) continue;
    const auto comma = text.find(',');
    store::Outcome outcome{0, -1};
    const char* end = text.data() + text.size();
    const auto id =
        std::from_chars(text.data(), text.data() + std::min(comma, text.size()), outcome.client_id);
    if (comma == std::string::npos || id.ec != std::errc() || id.ptr != text.data() + comma)
      throw fail(line, "SK_ID_CURR must be a whole number, in \"" + text + "\"");
    const auto target = std::from_chars(text.data() + comma + 1, end, outcome.target);
    if (target.ec != std::errc() || target.ptr != end ||
        (outcome.target != 0 && outcome.target != 1))
      throw fail(line, "TARGET must be 0 (repaid) or 1 (defaulted), in \"" + text + "\"");
    outcomes.push_back(outcome);
  }
  if (outcomes.empty()) throw invalid_input(file.string() + ": no outcome in it");
  return outcomes;
}

}  // namespace creditscore::app
