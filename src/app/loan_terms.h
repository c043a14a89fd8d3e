// How a credit's amount, monthly annuity and term hold together, one rule for every place that
// changes one of them (the what-if, recourse): the term in months is amount ÷ annuity, as the
// products' range is counted, and at a new amount or term the annuity is amount ÷ term, rounded
// to the cent, so that the client's own cost of credit per month is kept.
#pragma once

#include <nlohmann/json.hpp>

namespace creditscore::app {

struct Loan {
  double amount;
  double annuity;
  double goods_price;  // NaN when the application gives none
  double term() const { return amount / annuity; }
};

double annuity_for(double amount, double term_months);

// The what-if's name for the term in months among an application's fields.
inline constexpr const char* kTermField = "term";
// The longest term a what-if may try, in months.
inline constexpr double kMaxTermMonths = 600;

// `changes` to `application` (both {FIELD: value}) as they apply: a "term" in months is replaced
// by the annuity it gives, and a new amount alone keeps the application's term. An annuity the
// changes give themselves wins. Throws an invalid_input Error naming "changes.term" when the term
// is not a number of months within (0, kMaxTermMonths].
nlohmann::json with_annuity_following(const nlohmann::json& application,
                                      const nlohmann::json& changes);

}  // namespace creditscore::app
