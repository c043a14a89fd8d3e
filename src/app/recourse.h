// What would change a decision, exactly: for a refused application, the smallest changes of the
// credit that the model would grant; for a granted one, the largest amount still granted. Only
// what the client and the lender can change for this application moves (kChangeableFields):
// the amount, the term, the price of the purchase. Age, family, history, external scores and
// employment never do.
//
// The model is a tree ensemble, so along each way of changing the credit its prediction is a step
// function (explain/margin_path.h), read exactly rather than sampled. Each option found is then
// rebuilt through the one feature builder and scored by the real model, and returned only if that
// model decides as the option claims.
//
// Amount, term and annuity hold together by app/loan_terms.h's rule.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "app/loan_terms.h"
#include "app/service.h"
#include "explain/reason_codes.h"
#include "explain/served_model.h"

namespace creditscore::app {

// What may change, and which way; shown by the API.
struct ChangeableField {
  const char* field;
  const char* direction;
};
extern const ChangeableField kChangeableFields[3];

// The lender's products: the amount and term a credit may have (default: the training clients'
// 1st and 99th percentiles of AMT_CREDIT and of credit ÷ annuity).
struct ProductRange {
  double min_amount, max_amount;
  double min_term, max_term;  // months
};
// Throws an unsupported Error when the bundle lacks the distributions it reads.
ProductRange product_range(const model::ModelBundle& bundle);

enum class ChangeKind { Amount, Term, AmountAndTerm, CheaperPurchase };
const char* change_kind_name(ChangeKind kind);

struct RecourseOption {
  ChangeKind kind;
  Loan loan;
  double probability;  // the real model's, on the rebuilt application
  double change;       // relative changes of amount and term, added
};

struct Recourse {
  Loan current;
  double probability;
  double threshold;
  ProductRange range;
  std::vector<RecourseOption> options;  // refused: at most kMaxRecourseOptions, smallest first
  // Refused with no option: the lowest probability any loan within the range reaches.
  std::optional<RecourseOption> lowest;
  // Granted: the largest amount still granted at the same term, and whether it is the range's
  // maximum rather than where the decision flips.
  std::optional<RecourseOption> largest_granted;
  bool largest_is_range_max = false;
  double milliseconds = 0;

  bool refused() const { return probability >= threshold; }
};
inline constexpr std::size_t kMaxRecourseOptions = 3;

// `application`: the application's fields as stored or posted; `features`: its feature vector
// (history features are kept). Throws an unsupported Error for a model whose trees we do not
// read, an invalid_input Error when the application has no positive amount and annuity.
Recourse find_recourse(const explain::ServedModel& model, const nlohmann::json& application,
                       std::span<const float> features, std::int64_t id);

// Stored client `id`, under the live model; not_found when there is none.
Recourse client_recourse(Service& service, std::int64_t id);
// A posted application ({"application", "history"}, see posted_client.h).
Recourse posted_recourse(Service& service, const nlohmann::json& body);

// The fields an option changes, as a what-if takes them.
nlohmann::json option_changes(const RecourseOption& option, const Loan& current);
// « Un crédit de 650 000 au lieu de 1 006 909, sur 48 mois : mensualité 16 200, accordé ».
std::string option_sentence(const RecourseOption& option, const Loan& current,
                            explain::Language language);
// "No change of amount or term within our products leads to acceptance", with the lowest
// probability, or the margin of a granted application, in words.
std::string recourse_summary(const Recourse& recourse, explain::Language language);

nlohmann::json to_json(const Recourse& recourse);

}  // namespace creditscore::app
