#include "app/recourse.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <limits>
#include <map>

#include "app/client_features.h"
#include "app/document.h"
#include "app/posted_client.h"
#include "common/error.h"
#include "explain/margin_path.h"

namespace creditscore::app {

const ChangeableField kChangeableFields[3] = {
    {"AMT_CREDIT", "lower: a smaller credit, or a larger down payment for the same goods"},
    {kTermField, "longer or shorter, within the products' range; AMT_ANNUITY is amount ÷ term"},
    {"AMT_GOODS_PRICE", "lower, AMT_CREDIT falling in proportion: a cheaper purchase"},
};

namespace {

using explain::Language;
using explain::MarginSteps;
using explain::MovingFeature;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
// Options of one kind tried against the real model before the kind gives up: the step function
// is exact but for float rounding at a step's very edge.
constexpr std::size_t kTriesPerKind = 4;

double logit(double p) {
  return std::log(p / (1 - p));
}

// A raw field along a path: scale · x^power, a constant when power is 0.
struct Form {
  double scale;
  int power;
};
using PathForms = std::map<std::string, Form>;

double quantile(const model::ModelBundle& bundle, const std::string& feature, double level) {
  for (const model::FeatureDistribution& distribution : bundle.reference) {
    if (distribution.name != feature || distribution.quantiles.empty()) continue;
    for (std::size_t q = 0; q < std::size(model::kQuantileLevels); ++q) {
      if (model::kQuantileLevels[q] == level) return distribution.quantiles[q];
    }
  }
  throw unsupported("recourse: the model bundle has no distribution of " + feature +
                    " to take the products' range from");
}

class Search {
 public:
  Search(const explain::ServedModel& model, const nlohmann::json& application,
         std::span<const float> features, std::int64_t id)
      : model_(model),
        application_(application),
        features_(features),
        id_(id),
        range_(product_range(model.bundle())),
        cut_(logit(model.threshold())) {
    const explain::TreeEnsemble* trees = model.explainer().trees();
    if (trees == nullptr) {
      throw unsupported(
          "recourse reads the model's trees, and this model is explained by "
          "XGBoost: " +
          model.explainer().fallback_reason());
    }
    for (const auto& value : model.catalog().plan().application.values)
      value_feature_[value.column] = value.output;
    current_ = {raw("AMT_CREDIT"), raw("AMT_ANNUITY"), raw("AMT_GOODS_PRICE")};
    // Every path moves some of these three fields, and only the features made of them.
    std::vector<std::size_t> may_move;
    for (const auto& placed : feature_forms(
             {{"AMT_CREDIT", {1, 1}}, {"AMT_ANNUITY", {1, 1}}, {"AMT_GOODS_PRICE", {1, 1}}}))
      may_move.push_back(placed.first);
    trees_.emplace(*trees, features_, may_move);
    if (!(current_.amount > 0 && current_.annuity > 0)) {
      throw invalid_input(
          "AMT_CREDIT and AMT_ANNUITY: recourse needs an application with a "
          "positive amount and annuity");
    }
  }

  Recourse run() {
    Recourse result{
        current_, model_.probability(features_), model_.threshold(), range_, {}, {}, {}, false, 0};
    if (result.refused()) {
      find_options(result);
    } else {
      find_largest_granted(result);
    }
    return result;
  }

 private:
  double raw(const std::string& column) const {
    const auto found = value_feature_.find(column);
    if (found == value_feature_.end())
      throw unsupported("recourse: the model has no feature " + column);
    return features_[found->second];
  }
  double term0() const { return current_.term(); }

  // The features that the raw fields of `forms` move, with their own forms: the values of the
  // application plan and the ratios made of them.
  std::vector<std::pair<std::size_t, Form>> feature_forms(const PathForms& forms) const {
    std::vector<std::pair<std::size_t, Form>> placed;
    const auto form_of = [&](const std::string& column) -> Form {
      const auto found = forms.find(column);
      return found != forms.end() ? found->second : Form{raw(column), 0};
    };
    const features::ApplicationPlan& plan = model_.catalog().plan().application;
    for (const auto& value : plan.values) {
      if (forms.count(value.column) > 0) placed.emplace_back(value.output, forms.at(value.column));
    }
    for (const auto& ratio : plan.ratios) {
      if (forms.count(ratio.numerator) == 0 && forms.count(ratio.denominator) == 0) continue;
      const Form numerator = form_of(ratio.numerator), denominator = form_of(ratio.denominator);
      // As the builder's safe_ratio: missing when either is missing or the divisor is 0.
      const bool missing =
          std::isnan(numerator.scale) || std::isnan(denominator.scale) || denominator.scale == 0;
      placed.emplace_back(ratio.output, missing ? Form{kNaN, 0}
                                                : Form{numerator.scale / denominator.scale,
                                                       numerator.power - denominator.power});
    }
    return placed;
  }

  // The margin along the path where the raw fields of `forms` move and all else stays.
  MarginSteps steps(const PathForms& forms, double lo, double hi) const {
    std::vector<float> row(features_.begin(), features_.end());
    std::vector<MovingFeature> moving;
    for (const auto& [feature, form] : feature_forms(forms)) {
      const bool constant = form.power == 0 || form.scale == 0 || std::isnan(form.scale);
      if (constant) {
        row[feature] = static_cast<float>(form.scale);
      } else {
        moving.push_back({feature, form.scale, form.power});
      }
    }
    return trees_->margin_along(row, moving, lo, hi);
  }

  PathForms amount_path(double term) const {
    return {{"AMT_CREDIT", {1, 1}}, {"AMT_ANNUITY", {1 / term, 1}}};
  }
  // The margin as the amount falls from the current one to the range's least, at `term` months;
  // computed once per term (options and the lowest risk both read it).
  const MarginSteps& amount_steps(double term) {
    auto found = amount_steps_.find(term);
    if (found == amount_steps_.end()) {
      found =
          amount_steps_.emplace(term, steps(amount_path(term), range_.min_amount, current_.amount))
              .first;
    }
    return found->second;
  }
  PathForms cheaper_path(double term) const {
    return {{"AMT_CREDIT", {1, 1}},
            {"AMT_ANNUITY", {1 / term, 1}},
            {"AMT_GOODS_PRICE", {current_.goods_price / current_.amount, 1}}};
  }
  Loan amount_loan(double amount, double term) const {
    return {amount, annuity_for(amount, term), current_.goods_price};
  }
  Loan term_loan(double term) const {
    return {current_.amount, annuity_for(current_.amount, term), current_.goods_price};
  }
  Loan cheaper_loan(double amount, double term) const {
    return {amount, annuity_for(amount, term),
            std::round(current_.goods_price * amount / current_.amount)};
  }

  // The real model's probability of the application rebuilt with `loan`.
  double probability(const Loan& loan) const {
    const BuiltClient built = build_edited_client(
        model_, application_, option_changes({ChangeKind::Amount, loan, 0, 0}, current_), id_,
        features_);
    return model_.probability(built.features);
  }

  double change(double amount, double term) const {
    return std::abs(amount - current_.amount) / current_.amount +
           std::abs(term - term0()) / term0();
  }
  double change(const Loan& loan) const { return change(loan.amount, loan.term()); }

  // The largest whole amounts below the current one that the steps grant, one per granted step,
  // nearest first.
  std::vector<double> granted_amounts(const MarginSteps& steps) const {
    std::vector<double> amounts;
    for (std::size_t i = steps.margins.size(); i-- > 0 && amounts.size() < kTriesPerKind;) {
      const double amount = std::ceil(steps.edges[i + 1]) - 1;
      if (steps.margins[i] < cut_ && amount >= steps.edges[i]) amounts.push_back(amount);
    }
    return amounts;
  }

  // A loan of `kind` at amount `x` (its term kept, or `term` for a change of term).
  Loan loan_of(ChangeKind kind, double x, double term) const {
    switch (kind) {
      case ChangeKind::Term:
        return term_loan(term);
      case ChangeKind::CheaperPurchase:
        return cheaper_loan(x, term);
      case ChangeKind::Amount:
      case ChangeKind::AmountAndTerm:
        break;
    }
    return amount_loan(x, term);
  }

  struct Candidate {
    double amount, term;
  };

  // The first of `candidates` (nearest first) that the real model grants; where the amount moves,
  // the next whole amount below is tried too (a step's very edge is float's to decide).
  std::optional<RecourseOption> first_granted(ChangeKind kind,
                                              const std::vector<Candidate>& candidates) const {
    for (const Candidate& candidate : candidates) {
      for (double lower : {0.0, 1.0}) {
        if (lower > 0 && kind == ChangeKind::Term) break;
        const Loan loan = loan_of(kind, candidate.amount - lower, candidate.term);
        const double p = probability(loan);
        if (p < model_.threshold()) return RecourseOption{kind, loan, p, change(loan)};
      }
    }
    return std::nullopt;
  }

  // The candidates of least change, at most kTriesPerKind of them, least first.
  std::vector<Candidate> least_changes(std::vector<Candidate> candidates) const {
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
      return change(a.amount, a.term) < change(b.amount, b.term);
    });
    if (candidates.size() > kTriesPerKind) candidates.resize(kTriesPerKind);
    return candidates;
  }

  void find_options(Recourse& result) {
    std::vector<RecourseOption> found;
    const double lo = range_.min_amount, top = current_.amount;
    const bool may_lower = top > lo + 1;
    std::optional<RecourseOption> by_amount, by_term;
    if (may_lower) {
      std::vector<Candidate> candidates;
      for (double amount : granted_amounts(amount_steps(term0())))
        candidates.push_back({amount, term0()});
      by_amount = first_granted(ChangeKind::Amount, candidates);
    }

    const double first_term = std::ceil(range_.min_term), last_term = std::floor(range_.max_term);
    if (first_term <= last_term) {
      const MarginSteps by_months =
          steps({{"AMT_ANNUITY", {current_.amount, -1}}}, first_term, last_term + 0.5);
      std::vector<double> terms;
      for (double n = first_term; n <= last_term; ++n) {
        if (by_months.margins[by_months.step_at(n)] < cut_ && n != term0()) terms.push_back(n);
      }
      std::sort(terms.begin(), terms.end(),
                [&](double a, double b) { return std::abs(a - term0()) < std::abs(b - term0()); });
      std::vector<Candidate> candidates;
      for (std::size_t i = 0; i < terms.size() && i < kTriesPerKind; ++i)
        candidates.push_back({current_.amount, terms[i]});
      by_term = first_granted(ChangeKind::Term, candidates);

      // Both: worth proposing only where it asks less of the amount than the amount alone and
      // less of the term than the term alone.
      if (may_lower) {
        std::vector<Candidate> both;
        for (double n = first_term; n <= last_term; ++n) {
          const auto amounts = granted_amounts(amount_steps(n));
          if (amounts.empty()) continue;
          const bool less_amount = !by_amount || by_amount->loan.amount < amounts.front();
          const bool less_term =
              !by_term || std::abs(by_term->loan.term() - term0()) > std::abs(n - term0());
          if (less_amount && less_term) both.push_back({amounts.front(), n});
        }
        if (auto option = first_granted(ChangeKind::AmountAndTerm, least_changes(both)))
          found.push_back(*option);
      }
    }
    if (may_lower && current_.goods_price > 0) {
      // At the client's term or another, nearest first: a term farther than the least change
      // found cannot give a smaller one.
      std::vector<double> terms = {term0()};
      for (double n = first_term; n <= last_term; ++n) {
        if (n != term0()) terms.push_back(n);
      }
      std::stable_sort(terms.begin(), terms.end(), [&](double a, double b) {
        return std::abs(a - term0()) < std::abs(b - term0());
      });
      std::vector<Candidate> candidates;
      double least = std::numeric_limits<double>::infinity();
      for (double n : terms) {
        if (change(current_.amount, n) >= least) break;
        const auto amounts = granted_amounts(steps(cheaper_path(n), lo, top));
        if (amounts.empty()) continue;
        candidates.push_back({amounts.front(), n});
        least = std::min(least, change(amounts.front(), n));
      }
      // Worth proposing only where it changes less than lowering the amount and keeping the
      // price does.
      const auto cheaper = first_granted(ChangeKind::CheaperPurchase, least_changes(candidates));
      const auto not_larger = [&](const RecourseOption& o) { return o.change <= cheaper->change; };
      // (`found` holds the amount-and-term option so far.)
      if (cheaper && (!by_amount || !not_larger(*by_amount)) &&
          std::none_of(found.begin(), found.end(), not_larger))
        found.push_back(*cheaper);
    }
    if (by_amount) found.push_back(*by_amount);
    if (by_term) found.push_back(*by_term);
    std::sort(found.begin(), found.end(),
              [](const RecourseOption& a, const RecourseOption& b) { return a.change < b.change; });
    if (found.size() > kMaxRecourseOptions) found.resize(kMaxRecourseOptions);
    result.options = std::move(found);
    if (result.options.empty()) result.lowest = lowest_reachable();
  }

  // Over every amount and term within the range, the loan of lowest probability.
  RecourseOption lowest_reachable() {
    Loan best = current_;
    double best_margin = std::numeric_limits<double>::infinity();
    const double lo = range_.min_amount, top = current_.amount;
    if (top > lo + 1) {
      for (double n = std::ceil(range_.min_term); n <= std::floor(range_.max_term); ++n) {
        const MarginSteps& path = amount_steps(n);
        for (std::size_t i = 0; i < path.margins.size(); ++i) {
          const double amount = std::ceil(path.edges[i]);
          if (path.margins[i] < best_margin && amount < path.edges[i + 1]) {
            best_margin = path.margins[i];
            best = amount_loan(amount, n);
          }
        }
      }
    }
    return {ChangeKind::AmountAndTerm, best, probability(best), change(best)};
  }

  void find_largest_granted(Recourse& result) const {
    const double top = range_.max_amount;
    if (current_.amount >= top) {
      result.largest_granted = {ChangeKind::Amount, current_, result.probability, 0};
      result.largest_is_range_max = true;
      return;
    }
    const MarginSteps path = steps(amount_path(term0()), current_.amount, top);
    double largest = std::floor(top);
    result.largest_is_range_max = true;
    for (std::size_t i = 0; i < path.margins.size(); ++i) {
      if (path.margins[i] >= cut_) {
        largest = std::ceil(path.edges[i]) - 1;
        result.largest_is_range_max = false;
        break;
      }
    }
    for (double amount : {largest, largest - 1}) {
      if (amount < current_.amount) break;
      const Loan loan = amount_loan(amount, term0());
      const double p = probability(loan);
      if (p < model_.threshold()) {
        result.largest_granted = {ChangeKind::Amount, loan, p, change(loan)};
        return;
      }
    }
    result.largest_granted = {ChangeKind::Amount, current_, result.probability, 0};
    result.largest_is_range_max = false;
  }

  const explain::ServedModel& model_;
  const nlohmann::json& application_;
  std::span<const float> features_;
  std::int64_t id_;
  ProductRange range_;
  double cut_;  // the margin at the threshold: granted below it
  std::optional<explain::PathTrees> trees_;
  std::map<std::string, std::size_t> value_feature_;
  Loan current_{};
  std::map<double, MarginSteps> amount_steps_;
};

std::string months(double term) {
  return std::to_string(std::lround(term));
}

nlohmann::json loan_json(const Loan& loan) {
  return {{"amount", loan.amount},
          {"annuity", loan.annuity},
          {"term_months", std::round(loan.term() * 10) / 10},
          {"goods_price",
           std::isnan(loan.goods_price) ? nlohmann::json() : nlohmann::json(loan.goods_price)}};
}

nlohmann::json option_json(const RecourseOption& option, const Loan& current, bool granted) {
  nlohmann::json out = loan_json(option.loan);
  out["kind"] = change_kind_name(option.kind);
  out["changes"] = option_changes(option, current);
  out["probability"] = option.probability;
  out["decision"] = granted ? "granted" : "refused";
  out["change"] = option.change;
  out["sentence"] = {{"fr", option_sentence(option, current, Language::French)},
                     {"en", option_sentence(option, current, Language::English)}};
  return out;
}

}  // namespace

ProductRange product_range(const model::ModelBundle& bundle) {
  // Term = credit ÷ annuity = 1 / PAYMENT_RATE: its bounds come from the rate's, swapped.
  return {quantile(bundle, "AMT_CREDIT", 0.01), quantile(bundle, "AMT_CREDIT", 0.99),
          1 / quantile(bundle, "PAYMENT_RATE", 0.99), 1 / quantile(bundle, "PAYMENT_RATE", 0.01)};
}

const char* change_kind_name(ChangeKind kind) {
  switch (kind) {
    case ChangeKind::Amount:
      return "amount";
    case ChangeKind::Term:
      return "term";
    case ChangeKind::AmountAndTerm:
      return "amount_and_term";
    case ChangeKind::CheaperPurchase:
      return "cheaper_purchase";
  }
  return "amount";
}

Recourse find_recourse(const explain::ServedModel& model, const nlohmann::json& application,
                       std::span<const float> features, std::int64_t id) {
  const auto start = std::chrono::steady_clock::now();
  Recourse result = Search(model, application, features, id).run();
  result.milliseconds =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return result;
}

Recourse client_recourse(Service& service, std::int64_t id) {
  const auto stored = service.with_store([&](store::ClientStore& s) { return s.find(id); });
  const auto row = service.population().features(id);
  if (!stored || !row) throw not_found("no client " + std::to_string(id));
  return find_recourse(*service.model(), nlohmann::json::parse(stored->application), *row, id);
}

Recourse posted_recourse(Service& service, const nlohmann::json& body) {
  const auto model = service.model();
  const std::int64_t id = service.population().next_id();
  const BuiltClient built = build_client(*model, posted_client(body, id));
  return find_recourse(*model, body.at("application"), built.features, id);
}

nlohmann::json option_changes(const RecourseOption& option, const Loan& current) {
  nlohmann::json changes = {{"AMT_CREDIT", option.loan.amount},
                            {"AMT_ANNUITY", option.loan.annuity}};
  if (!std::isnan(current.goods_price) && option.loan.goods_price != current.goods_price)
    changes["AMT_GOODS_PRICE"] = option.loan.goods_price;
  return changes;
}

std::string option_sentence(const RecourseOption& option, const Loan& current, Language language) {
  const Loan& loan = option.loan;
  const std::string amount = explain::format_money(loan.amount, language),
                    was = explain::format_money(current.amount, language);
  const std::string annuity = explain::format_money(loan.annuity, language),
                    term = months(loan.term());
  const std::string granted = say(language, "accordé", "granted");
  switch (option.kind) {
    case ChangeKind::Amount:
      return say(language,
                 "Un crédit de " + amount + " au lieu de " + was + ", sur " + term +
                     " mois : mensualité " + annuity + ", " + granted + ".",
                 "A credit of " + amount + " instead of " + was + ", over " + term +
                     " months: repayments of " + annuity + " a month, " + granted + ".");
    case ChangeKind::Term:
      return say(language,
                 "Le même crédit de " + amount + " sur " + term + " mois au lieu de " +
                     months(current.term()) + " : mensualité " + annuity + " au lieu de " +
                     explain::format_money(current.annuity, language) + ", " + granted + ".",
                 "The same credit of " + amount + " over " + term + " months instead of " +
                     months(current.term()) + ": repayments of " + annuity + " instead of " +
                     explain::format_money(current.annuity, language) + ", " + granted + ".");
    case ChangeKind::AmountAndTerm:
      return say(language,
                 "Un crédit de " + amount + " au lieu de " + was + ", sur " + term +
                     " mois au lieu de " + months(current.term()) + " : mensualité " + annuity +
                     ", " + granted + ".",
                 "A credit of " + amount + " instead of " + was + ", over " + term +
                     " months instead of " + months(current.term()) + ": repayments of " + annuity +
                     " a month, " + granted + ".");
    case ChangeKind::CheaperPurchase: {
      const std::string was_term = months(current.term());
      const bool new_term = term != was_term;
      return say(
          language,
          "Un achat de " + explain::format_money(loan.goods_price, language) + " au lieu de " +
              explain::format_money(current.goods_price, language) + ", financé par un crédit de " +
              amount + " sur " + term + " mois" + (new_term ? " au lieu de " + was_term : "") +
              " : mensualité " + annuity + ", " + granted + ".",
          "A purchase of " + explain::format_money(loan.goods_price, language) + " instead of " +
              explain::format_money(current.goods_price, language) + ", financed by a credit of " +
              amount + " over " + term + " months" + (new_term ? " instead of " + was_term : "") +
              ": repayments of " + annuity + " a month, " + granted + ".");
    }
  }
  return {};
}

std::string recourse_summary(const Recourse& recourse, Language language) {
  if (recourse.refused()) {
    if (!recourse.options.empty()) {
      return say(language, "Ce qui mènerait à un accord :", "What would lead to acceptance:");
    }
    const Loan& loan = recourse.lowest->loan;
    return say(
        language,
        "Aucun changement du montant ou de la durée dans le cadre de nos produits ne mène "
        "à un accord. Le risque le plus bas atteint est de " +
            explain::format_number(std::round(recourse.lowest->probability * 1000) / 10, language) +
            " %, avec un crédit de " + explain::format_money(loan.amount, language) + " sur " +
            months(loan.term()) + " mois.",
        "No change of amount or term within our products leads to acceptance. The lowest "
        "risk reached is " +
            explain::format_number(std::round(recourse.lowest->probability * 1000) / 10, language) +
            " %, with a credit of " + explain::format_money(loan.amount, language) + " over " +
            months(loan.term()) + " months.");
  }
  const Loan& largest = recourse.largest_granted->loan;
  if (recourse.largest_is_range_max) {
    return say(
        language,
        "Accordé ; il le resterait jusqu'à " + explain::format_money(largest.amount, language) +
            ", le plus grand montant de nos produits, sur la même durée.",
        "Granted; it would stay so up to " + explain::format_money(largest.amount, language) +
            ", the largest amount of our products, over the same term.");
  }
  return say(language,
             "Accordé jusqu'à un crédit de " + explain::format_money(largest.amount, language) +
                 " sur " + months(largest.term()) + " mois (mensualité " +
                 explain::format_money(largest.annuity, language) +
                 ") ; au-delà, la demande serait refusée.",
             "Granted up to a credit of " + explain::format_money(largest.amount, language) +
                 " over " + months(largest.term()) + " months (repayments of " +
                 explain::format_money(largest.annuity, language) +
                 "); above it, the application would be "
                 "refused.");
}

nlohmann::json to_json(const Recourse& recourse) {
  nlohmann::json changeable = nlohmann::json::array();
  for (const ChangeableField& field : kChangeableFields)
    changeable.push_back({{"field", field.field}, {"direction", field.direction}});
  nlohmann::json options = nlohmann::json::array();
  for (const RecourseOption& option : recourse.options)
    options.push_back(option_json(option, recourse.current, true));
  const auto optional_option = [&](const std::optional<RecourseOption>& option, bool granted) {
    return option ? option_json(*option, recourse.current, granted) : nlohmann::json();
  };
  return {
      {"current", loan_json(recourse.current)},
      {"probability", recourse.probability},
      {"threshold", recourse.threshold},
      {"decision", recourse.refused() ? "refused" : "granted"},
      {"bounds",
       {{"amount", {{"min", recourse.range.min_amount}, {"max", recourse.range.max_amount}}},
        {"term_months", {{"min", recourse.range.min_term}, {"max", recourse.range.max_term}}},
        {"changeable", changeable}}},
      {"options", options},
      {"lowest", optional_option(recourse.lowest, false)},
      {"largest_granted", optional_option(recourse.largest_granted, true)},
      {"largest_is_range_max", recourse.largest_is_range_max},
      {"summary",
       {{"fr", recourse_summary(recourse, Language::French)},
        {"en", recourse_summary(recourse, Language::English)}}},
      {"milliseconds", recourse.milliseconds},
  };
}

}  // namespace creditscore::app
