#include "app/loan_terms.h"

#include <cmath>
#include <optional>
#include <string>

#include "common/error.h"

namespace creditscore::app {

namespace {

std::optional<double> number_at(const nlohmann::json& fields, const char* name) {
  const auto found = fields.find(name);
  if (found == fields.end() || !found->is_number()) return std::nullopt;
  return found->get<double>();
}

}  // namespace

double annuity_for(double amount, double term_months) {
  return std::round(amount / term_months * 100) / 100;
}

nlohmann::json with_annuity_following(const nlohmann::json& application,
                                      const nlohmann::json& changes) {
  if (!changes.is_object()) throw invalid_input("changes: expected an object of fields");
  nlohmann::json applied = changes;
  std::optional<double> term;
  if (applied.contains(kTermField)) {
    term = number_at(applied, kTermField);
    if (!term || !(*term > 0 && *term <= kMaxTermMonths)) {
      throw invalid_input(std::string("changes.") + kTermField +
                          ": expected a number of months above 0 and at most " +
                          std::to_string(static_cast<int>(kMaxTermMonths)) + ", got " +
                          applied[kTermField].dump());
    }
    applied.erase(kTermField);
  }
  if (applied.contains("AMT_ANNUITY")) return applied;
  const auto amount = applied.contains("AMT_CREDIT") ? number_at(applied, "AMT_CREDIT")
                                                     : number_at(application, "AMT_CREDIT");
  if (!term) {
    const auto was_amount = number_at(application, "AMT_CREDIT");
    const auto was_annuity = number_at(application, "AMT_ANNUITY");
    const bool amount_changed = applied.contains("AMT_CREDIT");
    if (amount_changed && was_amount && was_annuity && *was_annuity > 0)
      term = Loan{*was_amount, *was_annuity, 0}.term();
  }
  if (term && amount) applied["AMT_ANNUITY"] = annuity_for(*amount, *term);
  return applied;
}

}  // namespace creditscore::app
