#include "features/client_wording.h"

#include <algorithm>
#include <iterator>
#include <string>

namespace creditscore::features {
namespace {

struct Written {
  std::string_view key;  // scope + column
  Label label;
  Label unit;
};

// The concepts that most often decide a score, in the words of a letter to the client.
const Written kWritten[] = {
    {"EXT_SOURCE_1",
     {"Votre évaluation par un organisme extérieur (n°1)", "Your rating by an outside agency (#1)"},
     {}},
    {"EXT_SOURCE_2",
     {"Votre évaluation par un organisme extérieur (n°2)", "Your rating by an outside agency (#2)"},
     {}},
    {"EXT_SOURCE_3",
     {"Votre évaluation par un organisme extérieur (n°3)", "Your rating by an outside agency (#3)"},
     {}},
    {"DAYS_BIRTH", {"Votre âge", "Your age"}, {}},
    {"DAYS_EMPLOYED",
     {"Votre ancienneté dans votre emploi", "How long you have held your job"},
     {}},
    {"DAYS_EMPLOYED_PERC",
     {"Votre ancienneté dans votre emploi, rapportée à votre âge",
      "How long you have held your job, for your age"},
     {}},
    {"DAYS_ID_PUBLISH",
     {"La date de votre pièce d'identité", "The date of your identity document"},
     {}},
    {"DAYS_REGISTRATION",
     {"L'ancienneté de votre adresse déclarée", "How long your registered address has been yours"},
     {}},
    {"DAYS_LAST_PHONE_CHANGE",
     {"Votre dernier changement de téléphone", "Your last change of phone"},
     {}},
    {"AMT_CREDIT", {"Le montant du crédit demandé", "The amount of credit asked for"}, {}},
    {"AMT_ANNUITY", {"Le montant de vos mensualités", "The amount of your repayments"}, {}},
    {"AMT_GOODS_PRICE", {"Le prix du bien financé", "The price of the goods financed"}, {}},
    {"AMT_INCOME_TOTAL", {"Vos revenus", "Your income"}, {}},
    {"INCOME_CREDIT_PERC",
     {"Vos revenus, rapportés au montant du crédit", "Your income, for the amount of credit"},
     {}},
    {"INCOME_PER_PERSON",
     {"Vos revenus par personne du foyer", "Your income per person in your household"},
     {}},
    {"ANNUITY_INCOME_PERC",
     {"La part de vos revenus prise par les mensualités",
      "The share of your income your repayments take"},
     {}},
    {"PAYMENT_RATE",
     {"La durée de remboursement (mensualité rapportée au crédit)",
      "The repayment period (repayment for the credit)"},
     {}},
    {"NAME_CONTRACT_TYPE", {"Le type de crédit demandé", "The type of credit asked for"}, {}},
    {"NAME_EDUCATION_TYPE", {"Votre niveau d'études", "Your education"}, {}},
    {"NAME_INCOME_TYPE", {"La nature de vos revenus", "The kind of income you have"}, {}},
    {"OCCUPATION_TYPE", {"Votre profession", "Your occupation"}, {}},
    {"ORGANIZATION_TYPE", {"Le secteur de votre employeur", "Your employer's sector"}, {}},
    {"OWN_CAR_AGE", {"L'âge de votre voiture", "The age of your car"}, {}},
    {"FLAG_OWN_CAR", {"La possession d'une voiture", "Owning a car"}, {}},
    {"FLAG_OWN_REALTY", {"La propriété d'un logement", "Owning a home"}, {}},
    {"NAME_HOUSING_TYPE", {"Votre logement", "Your housing"}, {}},
    {"REGION_RATING_CLIENT", {"La région où vous habitez", "The region where you live"}, {}},
    {"REGION_RATING_CLIENT_W_CITY",
     {"La région et la ville où vous habitez", "The region and city where you live"},
     {}},
    {"INSTAL_DPD",
     {"Vos retards de paiement passés chez nous", "Your past late payments with us"},
     {"jours", "days"}},
    {"INSTAL_DBD",
     {"Vos paiements en avance chez nous", "Your past early payments with us"},
     {"jours", "days"}},
    {"INSTAL_PAYMENT_PERC",
     {"La part de vos échéances payée", "The share of your instalments you paid"},
     {}},
    {"INSTAL_PAYMENT_DIFF",
     {"Les sommes restées impayées sur vos échéances",
      "The amounts left unpaid on your instalments"},
     {}},
    {"INSTAL_AMT_PAYMENT",
     {"Le montant de vos remboursements passés", "The amount of your past repayments"},
     {}},
    {"INSTAL_DAYS_ENTRY_PAYMENT",
     {"La date de vos derniers remboursements", "When you last repaid"},
     {"jours", "days"}},
    {"POS_SK_DPD",
     {"Vos retards sur vos prêts en magasin ou en espèces",
      "Your late payments on store and cash loans"},
     {"jours", "days"}},
    {"POS_SK_DPD_DEF",
     {"Vos retards importants sur vos prêts en magasin ou en espèces",
      "Your serious late payments on store and cash loans"},
     {"jours", "days"}},
    {"POS_COUNT",
     {"Le nombre de mois de vos prêts en magasin ou en espèces",
      "How many months of store and cash loans you have had"},
     {}},
    {"BURO_CREDIT_DAY_OVERDUE",
     {"Vos retards en cours auprès d'autres établissements",
      "Your current arrears with other lenders"},
     {"jours", "days"}},
    {"BURO_DAYS_CREDIT",
     {"L'ancienneté de vos crédits auprès d'autres établissements",
      "How old your credits with other lenders are"},
     {}},
    {"BURO_AMT_CREDIT_SUM_DEBT",
     {"Vos dettes auprès d'autres établissements", "Your debts to other lenders"},
     {}},
    {"ACTIVE_AMT_CREDIT_SUM_DEBT",
     {"Vos dettes en cours auprès d'autres établissements", "Your current debts to other lenders"},
     {}},
    {"ACTIVE_AMT_CREDIT_SUM",
     {"Vos crédits en cours auprès d'autres établissements",
      "Your current credits with other lenders"},
     {}},
    {"ACTIVE_DAYS_CREDIT",
     {"L'ancienneté de vos crédits en cours ailleurs",
      "How old your current credits elsewhere are"},
     {}},
    {"CLOSED_DAYS_CREDIT",
     {"L'ancienneté de vos crédits remboursés ailleurs",
      "How old your repaid credits elsewhere are"},
     {}},
    {"PREV_CNT_PAYMENT",
     {"La durée de vos crédits précédents chez nous",
      "The length of your previous credits with us"},
     {}},
    {"PREV_NAME_CONTRACT_STATUS",
     {"L'issue de vos demandes précédentes chez nous",
      "How your previous applications with us ended"},
     {}},
    {"REFUSED_DAYS_DECISION",
     {"Vos demandes refusées récemment chez nous", "Your recently refused applications with us"},
     {}},
    {"APPROVED_CNT_PAYMENT",
     {"La durée de vos crédits accordés chez nous", "The length of your credits granted by us"},
     {}},
    {"CC_AMT_BALANCE", {"Le solde de votre carte de crédit", "Your credit card balance"}, {}},
    {"CC_CNT_DRAWINGS_CURRENT",
     {"L'usage de votre carte de crédit", "How much you use your credit card"},
     {}},
};

// Never a reason to a client: how the application was taken, anonymised building statistics,
// protected attributes.
constexpr std::string_view kNeverTold[] = {"HOUR_APPR_PROCESS_START",
                                           "WEEKDAY_APPR_PROCESS_START",
                                           "NFLAG_LAST_APPL_IN_DAY",
                                           "FLAG_LAST_APPL_PER_CONTRACT",
                                           "SELLERPLACE_AREA",
                                           "NUM_INSTALMENT_VERSION",
                                           "FLAG_MOBIL",
                                           "FLAG_EMP_PHONE",
                                           "FLAG_WORK_PHONE",
                                           "FLAG_CONT_MOBILE",
                                           "FLAG_PHONE",
                                           "FLAG_EMAIL",
                                           "CODE_GENDER",
                                           "NAME_FAMILY_STATUS",
                                           "CNT_CHILDREN",
                                           "CNT_FAM_MEMBERS",
                                           "NAME_TYPE_SUITE",
                                           "FONDKAPREMONT_MODE",
                                           "HOUSETYPE_MODE",
                                           "WALLSMATERIAL_MODE",
                                           "EMERGENCYSTATE_MODE",
                                           "TOTALAREA_MODE"};

bool never_told(std::string_view scope, std::string_view column) {
  if (std::find(std::begin(kNeverTold), std::end(kNeverTold), column) != std::end(kNeverTold))
    return true;
  // Which documents were ticked; the bureau's monthly status codes (C, X, 0 to 5), which mean
  // nothing to a client.
  if (column.starts_with("FLAG_DOCUMENT_") || column.starts_with("STATUS_")) return true;
  // The application's building statistics: a stem then _AVG, _MODE or _MEDI.
  return scope.empty() &&
         (column.ends_with("_AVG") || column.ends_with("_MODE") || column.ends_with("_MEDI"));
}

}  // namespace

ClientWording client_wording(std::string_view scope, std::string_view column,
                             const Label& advisor_label) {
  if (never_told(scope, column)) return {false, advisor_label, {}};
  const std::string key = std::string(scope) + std::string(column);
  const auto written = std::find_if(std::begin(kWritten), std::end(kWritten),
                                    [&](const Written& w) { return w.key == key; });
  if (written == std::end(kWritten)) return {true, advisor_label, {}};
  return {true, written->label, written->unit};
}

}  // namespace creditscore::features
