#include "features/feature_plan.h"

#include <cctype>
#include <map>
#include <set>
#include <stdexcept>

#include "common/error.h"
#include "features/category_labels.h"

namespace creditscore::features {
namespace {

using tables::TableId;
using A = Aggregate;

struct AggregationSpec {
  std::string column;
  std::vector<Aggregate> aggregates;
};

// The kernel's aggregations, table by table.
const std::vector<AggregationSpec> kBureauAggregations = {
    {"DAYS_CREDIT", {A::Min, A::Max, A::Mean, A::Var}},
    {"DAYS_CREDIT_ENDDATE", {A::Min, A::Max, A::Mean}},
    {"DAYS_CREDIT_UPDATE", {A::Mean}},
    {"CREDIT_DAY_OVERDUE", {A::Max, A::Mean}},
    {"AMT_CREDIT_MAX_OVERDUE", {A::Mean}},
    {"AMT_CREDIT_SUM", {A::Max, A::Mean, A::Sum}},
    {"AMT_CREDIT_SUM_DEBT", {A::Max, A::Mean, A::Sum}},
    {"AMT_CREDIT_SUM_OVERDUE", {A::Mean}},
    {"AMT_CREDIT_SUM_LIMIT", {A::Mean, A::Sum}},
    {"AMT_ANNUITY", {A::Max, A::Mean}},
    {"CNT_CREDIT_PROLONG", {A::Sum}},
    {"MONTHS_BALANCE_MIN", {A::Min}},
    {"MONTHS_BALANCE_MAX", {A::Max}},
    {"MONTHS_BALANCE_SIZE", {A::Mean, A::Sum}}};
const std::vector<AggregationSpec> kPreviousAggregations = {
    {"AMT_ANNUITY", {A::Min, A::Max, A::Mean}},
    {"AMT_APPLICATION", {A::Min, A::Max, A::Mean}},
    {"AMT_CREDIT", {A::Min, A::Max, A::Mean}},
    {"APP_CREDIT_PERC", {A::Min, A::Max, A::Mean, A::Var}},
    {"AMT_DOWN_PAYMENT", {A::Min, A::Max, A::Mean}},
    {"AMT_GOODS_PRICE", {A::Min, A::Max, A::Mean}},
    {"HOUR_APPR_PROCESS_START", {A::Min, A::Max, A::Mean}},
    {"RATE_DOWN_PAYMENT", {A::Min, A::Max, A::Mean}},
    {"DAYS_DECISION", {A::Min, A::Max, A::Mean}},
    {"CNT_PAYMENT", {A::Mean, A::Sum}}};
const std::vector<AggregationSpec> kPosAggregations = {
    {"MONTHS_BALANCE", {A::Max, A::Mean, A::Size}},
    {"SK_DPD", {A::Max, A::Mean}},
    {"SK_DPD_DEF", {A::Max, A::Mean}}};
const std::vector<AggregationSpec> kInstallmentAggregations = {
    {"NUM_INSTALMENT_VERSION", {A::NUnique}},
    {"DPD", {A::Max, A::Mean, A::Sum}},
    {"DBD", {A::Max, A::Mean, A::Sum}},
    {"PAYMENT_PERC", {A::Max, A::Mean, A::Sum, A::Var}},
    {"PAYMENT_DIFF", {A::Max, A::Mean, A::Sum, A::Var}},
    {"AMT_INSTALMENT", {A::Max, A::Mean, A::Sum}},
    {"AMT_PAYMENT", {A::Min, A::Max, A::Mean, A::Sum}},
    {"DAYS_ENTRY_PAYMENT", {A::Max, A::Mean, A::Sum}}};

// Labels of the columns that history_frame.h derives.
const std::map<std::string, Label> kDerivedLabels = {
    {"MONTHS_BALANCE_MIN", {"Plus ancien mois suivi", "Oldest month tracked"}},
    {"MONTHS_BALANCE_MAX", {"Plus récent mois suivi", "Latest month tracked"}},
    {"MONTHS_BALANCE_SIZE", {"Mois suivis", "Months tracked"}},
    {"APP_CREDIT_PERC", {"Montant demandé / accordé", "Amount asked / granted"}},
    {"PAYMENT_PERC", {"Part de l'échéance payée", "Share of the instalment paid"}},
    {"PAYMENT_DIFF", {"Reste dû sur l'échéance", "Amount of the instalment left unpaid"}},
    {"DPD", {"Jours de retard de paiement", "Days paid late"}},
    {"DBD", {"Jours de paiement en avance", "Days paid early"}}};

const std::map<std::string, Label> kScopeLabels = {
    {"BURO_", {"crédits déclarés au bureau", "credits reported to the bureau"}},
    {"ACTIVE_", {"crédits en cours au bureau", "active bureau credits"}},
    {"CLOSED_", {"crédits clos au bureau", "closed bureau credits"}},
    {"PREV_", {"demandes précédentes", "previous applications"}},
    {"APPROVED_", {"demandes précédentes accordées", "approved previous applications"}},
    {"REFUSED_", {"demandes précédentes refusées", "refused previous applications"}},
    {"POS_", {"mois de prêts en magasin ou espèces", "months of POS and cash loans"}},
    {"INSTAL_", {"échéances passées", "past instalments"}},
    {"CC_", {"mois de carte de crédit", "months of credit card"}}};

const std::map<Aggregate, Label> kAggregateLabels = {
    {A::Min, {"Minimum", "Minimum"}},
    {A::Max, {"Maximum", "Maximum"}},
    {A::Mean, {"Moyenne", "Mean"}},
    {A::Sum, {"Total", "Total"}},
    {A::Var, {"Variance", "Variance"}},
    {A::Size, {"Nombre", "Count"}},
    {A::NUnique, {"Valeurs distinctes", "Distinct values"}}};

class PlanBuilder {
 public:
  explicit PlanBuilder(const LearnedCategories& categories) : categories_(categories) {}

  // A new concept; `scope` and `column` choose its client wording.
  std::size_t begin_concept(Concept::Kind kind, const std::string& scope, const std::string& column,
                            Label label) {
    std::string key = scope + column;
    if (!concept_keys_.insert(key).second) throw internal_error("concept defined twice: " + key);
    ClientWording wording = client_wording(scope, column, label);
    plan_.concepts.push_back({std::move(key), kind, std::move(label), {}, 0, std::move(wording)});
    return plan_.concepts.size() - 1;
  }

  std::size_t add(std::string name, TableId table, std::string description, Label label,
                  std::size_t concept_index) {
    if (!names_.insert(name).second) throw internal_error("feature defined twice: " + name);
    const std::size_t feature = plan_.features.size();
    // An application field's own unit; history features take theirs below.
    const DisplayUnit unit = display_unit(table, name);
    plan_.features.push_back(
        {std::move(name), table, std::move(description), std::move(label), concept_index, unit});
    Concept& group = plan_.concepts.at(concept_index);
    if (group.members.empty()) group.headline = feature;
    group.members.push_back(feature);
    return feature;
  }

  Label column_or_derived_label(TableId table, const std::string& column) const {
    const auto derived = kDerivedLabels.find(column);
    if (derived != kDerivedLabels.end()) return derived->second;
    if (column.starts_with("STATUS_") && column.ends_with("_MEAN")) {
      const std::string status = column.substr(7, column.size() - 12);
      return {"Part des mois au statut " + status, "Share of months with status " + status};
    }
    return column_label(table, column);
  }

  // One feature per learned value (and for missing, and for unseen values when `with_other`).
  OneHot one_hot(TableId table, const std::string& column, const std::string& prefix,
                 const std::string& name_suffix, const std::string& scope_fr,
                 const std::string& scope_en, bool with_other) {
    OneHot hot{column, categories_.of(table, column), plan_.features.size(), std::nullopt,
               std::nullopt};
    const Label& label = column_label(table, column);
    const std::string file = tables::schema_of(table).file_name;
    const std::size_t group =
        scope_en.empty()
            ? begin_concept(Concept::Kind::Category, prefix, column, label)
            : begin_concept(Concept::Kind::Shares, prefix, column,
                            {label.fr + " (" + scope_fr + ")", label.en + " (" + scope_en + ")"});
    auto add_value = [&](const std::string& part, const std::string& value_fr,
                         const std::string& value_en, const std::string& rule) {
      const std::size_t feature =
          add(prefix + column + "_" + part + name_suffix, table,
              (scope_en.empty() ? "1 when " : "share of the client's " + scope_en + " whose ") +
                  column + " in " + file + " is " + rule + (scope_en.empty() ? ", else 0" : ""),
              {(scope_fr.empty() ? "" : "Part des " + scope_fr + " avec ") + label.fr + " : " +
                   value_fr,
               (scope_en.empty() ? "" : "Share of " + scope_en + " with ") + label.en + ": " +
                   value_en},
              group);
      // A history's share of rows in a category reads in percent; an application's one-hot as
      // yes or no.
      plan_.features[feature].unit = scope_en.empty() ? DisplayUnit::YesNo : DisplayUnit::Share;
      return feature;
    };
    for (const std::string& value : hot.categories.values) {
      const Label words = category_label(value);
      add_value(name_part(value), words.fr, words.en, "'" + value + "'");
    }
    if (hot.categories.has_missing)
      hot.missing_output = add_value("nan", "non renseigné", "not given", "empty");
    if (with_other)
      hot.other_output =
          add_value("other", "autre valeur", "other value", "a value unseen in training");
    return hot;
  }

  void history(TableId table, const std::string& main_prefix,
               const std::vector<AggregationSpec>& aggregations,
               const std::vector<std::string>& share_columns,
               const std::vector<std::pair<std::string, std::string>>& filtered_scopes,
               const std::string& filter_column, bool with_count) {
    HistoryPlan history{table, {}, std::nullopt};
    history.scopes.push_back(numeric_scope(table, main_prefix, "", "", aggregations));
    const Label& main_scope = kScopeLabels.at(main_prefix);
    for (const std::string& column : share_columns) {
      history.scopes.front().shares.push_back(
          one_hot(table, column, main_prefix, "_MEAN", main_scope.fr, main_scope.en, false));
    }
    for (const auto& [prefix, value] : filtered_scopes) {
      history.scopes.push_back(numeric_scope(table, prefix, filter_column, value, aggregations));
    }
    if (with_count) {
      const Label& scope = kScopeLabels.at(main_prefix);
      const Label label = {"Nombre de " + scope.fr, "Number of " + scope.en};
      history.count_output =
          add(main_prefix + "COUNT", table,
              "number of the client's rows in " + tables::schema_of(table).file_name, label,
              begin_concept(Concept::Kind::Count, main_prefix, "COUNT", label));
    }
    plan_.history.push_back(std::move(history));
  }

  Scope numeric_scope(TableId table, const std::string& prefix, const std::string& filter_column,
                      const std::string& filter_value,
                      const std::vector<AggregationSpec>& aggregations) {
    Scope scope{prefix, filter_column, filter_value, {}, {}};
    const Label& scope_label = kScopeLabels.at(prefix);
    const std::string rows = filter_column.empty()
                                 ? "the client's rows of " + tables::schema_of(table).file_name
                                 : "the client's rows of " + tables::schema_of(table).file_name +
                                       " with " + filter_column + " = " + filter_value;
    for (const AggregationSpec& spec : aggregations) {
      NumericAggregation aggregation{spec.column, {}};
      const Label column = column_or_derived_label(table, spec.column);
      const std::size_t group = begin_concept(
          Concept::Kind::Aggregates, prefix, spec.column,
          {column.fr + " (" + scope_label.fr + ")", column.en + " (" + scope_label.en + ")"});
      for (Aggregate aggregate : spec.aggregates) {
        const Label& word = kAggregateLabels.at(aggregate);
        const std::string name = prefix + spec.column + "_" + std::string(suffix(aggregate));
        const std::size_t feature = add(name, table,
                                        std::string(suffix(aggregate)) + " of " + spec.column +
                                            " over " + rows + " (missing values skipped)",
                                        {word.fr + " : " + column.fr + " (" + scope_label.fr + ")",
                                         word.en + ": " + column.en + " (" + scope_label.en + ")"},
                                        group);
        if (aggregate == A::Mean) plan_.concepts[group].headline = feature;
        // The least, most, mean or total of amounts is an amount; a variance or count is not.
        const bool same_unit = aggregate == A::Min || aggregate == A::Max || aggregate == A::Mean ||
                               aggregate == A::Sum;
        if (same_unit && display_unit(table, spec.column) == DisplayUnit::Amount)
          plan_.features[feature].unit = DisplayUnit::Amount;
        aggregation.outputs.emplace_back(aggregate, feature);
      }
      scope.numeric.push_back(std::move(aggregation));
    }
    return scope;
  }

  FeaturePlan finish() && { return std::move(plan_); }
  FeaturePlan& plan() { return plan_; }

 private:
  const LearnedCategories& categories_;
  FeaturePlan plan_;
  std::set<std::string> names_;
  std::set<std::string> concept_keys_;
};

void plan_application(PlanBuilder& builder) {
  const TableId table = TableId::ApplicationTrain;
  ApplicationPlan& application = builder.plan().application;
  for (const tables::ColumnSpec& column : tables::schema_of(table).columns) {
    if (column.kind != tables::ColumnKind::Number || column.name == "TARGET") continue;
    const std::string description =
        column.may_hold_no_date
            ? column.name + " of the application; 365243 (no such date) counts as missing"
            : column.name + " of the application, as given";
    const Label& label = column_label(table, column.name);
    application.values.push_back(
        {column.name,
         builder.add(column.name, table, description, label,
                     builder.begin_concept(Concept::Kind::Value, "", column.name, label))});
  }
  const struct {
    const char* name;
    const char* numerator;
    const char* denominator;
    Label label;
  } kRatios[] = {
      {"DAYS_EMPLOYED_PERC",
       "DAYS_EMPLOYED",
       "DAYS_BIRTH",
       {"Part de la vie passée dans l'emploi actuel", "Share of life in current job"}},
      {"INCOME_CREDIT_PERC",
       "AMT_INCOME_TOTAL",
       "AMT_CREDIT",
       {"Revenu / montant du crédit", "Income / credit amount"}},
      {"INCOME_PER_PERSON",
       "AMT_INCOME_TOTAL",
       "CNT_FAM_MEMBERS",
       {"Revenu par personne du foyer", "Income per family member"}},
      {"ANNUITY_INCOME_PERC",
       "AMT_ANNUITY",
       "AMT_INCOME_TOTAL",
       {"Mensualité / revenu", "Annuity / income"}},
      {"PAYMENT_RATE",
       "AMT_ANNUITY",
       "AMT_CREDIT",
       {"Mensualité / montant du crédit", "Annuity / credit amount"}},
  };
  for (const auto& ratio : kRatios) {
    application.ratios.push_back(
        {ratio.numerator, ratio.denominator,
         builder.add(ratio.name, table,
                     std::string(ratio.numerator) + " / " + ratio.denominator +
                         "; missing when either is missing or the divisor is 0",
                     ratio.label,
                     builder.begin_concept(Concept::Kind::Value, "", ratio.name, ratio.label))});
  }
  for (const tables::ColumnSpec& column : tables::schema_of(table).columns) {
    if (column.kind == tables::ColumnKind::Category) {
      application.one_hots.push_back(builder.one_hot(table, column.name, "", "", "", "", true));
    }
  }
}

}  // namespace

std::string name_part(const std::string& value) {
  std::string part;
  for (char c : value) part += std::isalnum(static_cast<unsigned char>(c)) != 0 ? c : '_';
  return part;
}

FeaturePlan make_plan(const LearnedCategories& categories) {
  PlanBuilder builder(categories);
  plan_application(builder);

  // Bureau: its monthly statuses (bureau_balance) first become columns of each credit.
  std::vector<AggregationSpec> bureau = kBureauAggregations;
  std::vector<std::string> bureau_shares = {"CREDIT_ACTIVE", "CREDIT_CURRENCY", "CREDIT_TYPE"};
  builder.history(TableId::Bureau, "BURO_", bureau, bureau_shares,
                  {{"ACTIVE_", "Active"}, {"CLOSED_", "Closed"}}, "CREDIT_ACTIVE", false);
  const CategoryList& statuses = categories.of(TableId::BureauBalance, "STATUS");
  Scope& buro = builder.plan().history.back().scopes.front();
  for (const std::string& status : statuses.values) {
    buro.numeric.push_back(
        builder
            .numeric_scope(TableId::Bureau, "BURO_", "", "",
                           {{"STATUS_" + name_part(status) + "_MEAN", {A::Mean}}})
            .numeric.front());
  }
  if (statuses.has_missing) {
    buro.numeric.push_back(
        builder.numeric_scope(TableId::Bureau, "BURO_", "", "", {{"STATUS_nan_MEAN", {A::Mean}}})
            .numeric.front());
  }

  std::vector<std::string> previous_shares;
  for (const tables::ColumnSpec& column : tables::schema_of(TableId::PreviousApplication).columns) {
    if (column.kind == tables::ColumnKind::Category) previous_shares.push_back(column.name);
  }
  builder.history(TableId::PreviousApplication, "PREV_", kPreviousAggregations, previous_shares,
                  {{"APPROVED_", "Approved"}, {"REFUSED_", "Refused"}}, "NAME_CONTRACT_STATUS",
                  false);
  builder.history(TableId::PosCashBalance, "POS_", kPosAggregations, {"NAME_CONTRACT_STATUS"}, {},
                  "", true);
  builder.history(TableId::InstallmentsPayments, "INSTAL_", kInstallmentAggregations, {}, {}, "",
                  true);
  std::vector<AggregationSpec> card;
  for (const tables::ColumnSpec& column : tables::schema_of(TableId::CreditCardBalance).columns) {
    if (column.kind == tables::ColumnKind::Number)
      card.push_back({column.name, {A::Min, A::Max, A::Mean, A::Sum, A::Var}});
  }
  builder.history(TableId::CreditCardBalance, "CC_", card, {"NAME_CONTRACT_STATUS"}, {}, "", true);
  return std::move(builder).finish();
}

}  // namespace creditscore::features
