#include "features/column_labels.h"

#include <map>
#include <stdexcept>
#include <utility>

#include "common/error.h"

namespace creditscore::features {
namespace {

using tables::TableId;

struct Entry {
  const char* column;
  const char* fr;
  const char* en;
};

// Application fields (train and test).
constexpr Entry kApplication[] = {
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"TARGET", "Défaut de paiement constaté", "Observed payment default"},
    {"NAME_CONTRACT_TYPE", "Type de contrat", "Contract type"},
    {"CODE_GENDER", "Sexe", "Gender"},
    {"FLAG_OWN_CAR", "Possède une voiture", "Owns a car"},
    {"FLAG_OWN_REALTY", "Propriétaire d'un logement", "Owns a home"},
    {"CNT_CHILDREN", "Nombre d'enfants", "Number of children"},
    {"AMT_INCOME_TOTAL", "Revenu annuel", "Annual income"},
    {"AMT_CREDIT", "Montant du crédit", "Credit amount"},
    {"AMT_ANNUITY", "Mensualité", "Loan annuity"},
    {"AMT_GOODS_PRICE", "Prix du bien financé", "Price of the goods financed"},
    {"NAME_TYPE_SUITE", "Accompagnant lors de la demande", "Accompanied by, when applying"},
    {"NAME_INCOME_TYPE", "Type de revenu", "Income type"},
    {"NAME_EDUCATION_TYPE", "Niveau d'études", "Education"},
    {"NAME_FAMILY_STATUS", "Situation familiale", "Family status"},
    {"NAME_HOUSING_TYPE", "Type de logement", "Housing"},
    {"REGION_POPULATION_RELATIVE", "Densité de population de la région",
     "Population density of the region"},
    {"DAYS_BIRTH", "Âge (jours, négatif)", "Age (days, negative)"},
    {"DAYS_EMPLOYED", "Ancienneté dans l'emploi (jours, négatif)",
     "Time in current job (days, negative)"},
    {"DAYS_REGISTRATION", "Dernière modification de l'enregistrement (jours)",
     "Registration last changed (days)"},
    {"DAYS_ID_PUBLISH", "Dernier changement de pièce d'identité (jours)",
     "Identity document last changed (days)"},
    {"OWN_CAR_AGE", "Âge de la voiture (ans)", "Age of the car (years)"},
    {"FLAG_MOBIL", "A donné un téléphone portable", "Gave a mobile phone"},
    {"FLAG_EMP_PHONE", "A donné un téléphone professionnel", "Gave a work phone"},
    {"FLAG_WORK_PHONE", "A donné un téléphone au travail", "Gave a phone at work"},
    {"FLAG_CONT_MOBILE", "Portable joignable", "Mobile phone reachable"},
    {"FLAG_PHONE", "A donné un téléphone fixe", "Gave a home phone"},
    {"FLAG_EMAIL", "A donné un courriel", "Gave an email address"},
    {"OCCUPATION_TYPE", "Profession", "Occupation"},
    {"CNT_FAM_MEMBERS", "Taille du foyer", "Family members"},
    {"REGION_RATING_CLIENT", "Note de la région", "Rating of the region"},
    {"REGION_RATING_CLIENT_W_CITY", "Note de la région et de la ville",
     "Rating of the region and city"},
    {"WEEKDAY_APPR_PROCESS_START", "Jour de la demande", "Day of the application"},
    {"HOUR_APPR_PROCESS_START", "Heure de la demande", "Hour of the application"},
    {"REG_REGION_NOT_LIVE_REGION", "Adresse déclarée hors région de résidence",
     "Registered outside home region"},
    {"REG_REGION_NOT_WORK_REGION", "Adresse déclarée hors région de travail",
     "Registered outside work region"},
    {"LIVE_REGION_NOT_WORK_REGION", "Travaille hors de sa région", "Works outside home region"},
    {"REG_CITY_NOT_LIVE_CITY", "Adresse déclarée hors ville de résidence",
     "Registered outside home city"},
    {"REG_CITY_NOT_WORK_CITY", "Adresse déclarée hors ville de travail",
     "Registered outside work city"},
    {"LIVE_CITY_NOT_WORK_CITY", "Travaille hors de sa ville", "Works outside home city"},
    {"ORGANIZATION_TYPE", "Secteur de l'employeur", "Employer's sector"},
    {"EXT_SOURCE_1", "Score externe n°1", "External score #1"},
    {"EXT_SOURCE_2", "Score externe n°2", "External score #2"},
    {"EXT_SOURCE_3", "Score externe n°3", "External score #3"},
    {"FONDKAPREMONT_MODE", "Immeuble : fonds de rénovation", "Building: repair fund"},
    {"HOUSETYPE_MODE", "Immeuble : type", "Building: type"},
    {"TOTALAREA_MODE", "Immeuble : surface totale", "Building: total area"},
    {"WALLSMATERIAL_MODE", "Immeuble : matériau des murs", "Building: wall material"},
    {"EMERGENCYSTATE_MODE", "Immeuble : état d'urgence", "Building: emergency state"},
    {"OBS_30_CNT_SOCIAL_CIRCLE", "Proches suivis (retard de 30 jours possible)",
     "Acquaintances observed (30 days past due)"},
    {"DEF_30_CNT_SOCIAL_CIRCLE", "Proches en défaut à 30 jours",
     "Acquaintances defaulted at 30 days"},
    {"OBS_60_CNT_SOCIAL_CIRCLE", "Proches suivis (retard de 60 jours possible)",
     "Acquaintances observed (60 days past due)"},
    {"DEF_60_CNT_SOCIAL_CIRCLE", "Proches en défaut à 60 jours",
     "Acquaintances defaulted at 60 days"},
    {"DAYS_LAST_PHONE_CHANGE", "Dernier changement de téléphone (jours)",
     "Phone last changed (days)"},
    {"AMT_REQ_CREDIT_BUREAU_HOUR", "Consultations du bureau de crédit, dernière heure",
     "Credit bureau enquiries, last hour"},
    {"AMT_REQ_CREDIT_BUREAU_DAY", "Consultations du bureau de crédit, dernier jour",
     "Credit bureau enquiries, last day"},
    {"AMT_REQ_CREDIT_BUREAU_WEEK", "Consultations du bureau de crédit, dernière semaine",
     "Credit bureau enquiries, last week"},
    {"AMT_REQ_CREDIT_BUREAU_MON", "Consultations du bureau de crédit, dernier mois",
     "Credit bureau enquiries, last month"},
    {"AMT_REQ_CREDIT_BUREAU_QRT", "Consultations du bureau de crédit, dernier trimestre",
     "Credit bureau enquiries, last quarter"},
    {"AMT_REQ_CREDIT_BUREAU_YEAR", "Consultations du bureau de crédit, dernière année",
     "Credit bureau enquiries, last year"},
};

// The building-information columns: a stem, then _AVG, _MODE or _MEDI.
constexpr Entry kBuildingStems[] = {
    {"APARTMENTS", "taille des appartements", "apartment size"},
    {"BASEMENTAREA", "surface du sous-sol", "basement area"},
    {"YEARS_BEGINEXPLUATATION", "début d'exploitation", "start of use"},
    {"YEARS_BUILD", "âge de construction", "age of construction"},
    {"COMMONAREA", "parties communes", "common area"},
    {"ELEVATORS", "ascenseurs", "elevators"},
    {"ENTRANCES", "entrées", "entrances"},
    {"FLOORSMAX", "étages (maximum)", "floors (maximum)"},
    {"FLOORSMIN", "étages (minimum)", "floors (minimum)"},
    {"LANDAREA", "surface du terrain", "land area"},
    {"LIVINGAPARTMENTS", "logements habitables", "living apartments"},
    {"LIVINGAREA", "surface habitable", "living area"},
    {"NONLIVINGAPARTMENTS", "logements non habitables", "non-living apartments"},
    {"NONLIVINGAREA", "surface non habitable", "non-living area"},
};
constexpr Entry kBuildingStatistics[] = {
    {"_AVG", "moyenne", "average"}, {"_MODE", "mode", "mode"}, {"_MEDI", "médiane", "median"}};

constexpr Entry kBureau[] = {
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"SK_ID_BUREAU", "Numéro du crédit au bureau", "Bureau credit number"},
    {"CREDIT_ACTIVE", "État du crédit", "Credit status"},
    {"CREDIT_CURRENCY", "Devise du crédit", "Credit currency"},
    {"DAYS_CREDIT", "Ouverture du crédit (jours avant la demande)",
     "Credit opened (days before application)"},
    {"CREDIT_DAY_OVERDUE", "Jours de retard en cours", "Days overdue now"},
    {"DAYS_CREDIT_ENDDATE", "Durée restante du crédit (jours)", "Remaining duration (days)"},
    {"DAYS_ENDDATE_FACT", "Fin effective du crédit (jours)", "Actual end of the credit (days)"},
    {"AMT_CREDIT_MAX_OVERDUE", "Plus gros impayé", "Largest amount overdue"},
    {"CNT_CREDIT_PROLONG", "Nombre de prolongations", "Times prolonged"},
    {"AMT_CREDIT_SUM", "Montant du crédit", "Credit amount"},
    {"AMT_CREDIT_SUM_DEBT", "Dette restante", "Remaining debt"},
    {"AMT_CREDIT_SUM_LIMIT", "Plafond de la carte", "Card limit"},
    {"AMT_CREDIT_SUM_OVERDUE", "Montant impayé en cours", "Amount overdue now"},
    {"CREDIT_TYPE", "Type de crédit", "Credit type"},
    {"DAYS_CREDIT_UPDATE", "Dernière mise à jour (jours)", "Last update (days)"},
    {"AMT_ANNUITY", "Mensualité", "Annuity"},
};

constexpr Entry kBureauBalance[] = {
    {"SK_ID_BUREAU", "Numéro du crédit au bureau", "Bureau credit number"},
    {"MONTHS_BALANCE", "Mois (relatif à la demande)", "Month (relative to the application)"},
    {"STATUS", "Statut du mois (retard)", "Monthly status (lateness)"},
};

constexpr Entry kPrevious[] = {
    {"SK_ID_PREV", "Numéro de la demande précédente", "Previous application number"},
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"NAME_CONTRACT_TYPE", "Type de contrat", "Contract type"},
    {"AMT_ANNUITY", "Mensualité", "Annuity"},
    {"AMT_APPLICATION", "Montant demandé", "Amount asked"},
    {"AMT_CREDIT", "Montant accordé", "Amount granted"},
    {"AMT_DOWN_PAYMENT", "Apport", "Down payment"},
    {"AMT_GOODS_PRICE", "Prix du bien", "Price of the goods"},
    {"WEEKDAY_APPR_PROCESS_START", "Jour de la demande", "Day of the application"},
    {"HOUR_APPR_PROCESS_START", "Heure de la demande", "Hour of the application"},
    {"FLAG_LAST_APPL_PER_CONTRACT", "Dernière demande du contrat",
     "Last application for the contract"},
    {"NFLAG_LAST_APPL_IN_DAY", "Dernière demande du jour", "Last application of the day"},
    {"RATE_DOWN_PAYMENT", "Taux d'apport", "Down payment rate"},
    {"RATE_INTEREST_PRIMARY", "Taux d'intérêt", "Interest rate"},
    {"RATE_INTEREST_PRIVILEGED", "Taux d'intérêt préférentiel", "Privileged interest rate"},
    {"NAME_CASH_LOAN_PURPOSE", "Objet du prêt", "Purpose of the loan"},
    {"NAME_CONTRACT_STATUS", "Issue de la demande", "Outcome of the application"},
    {"DAYS_DECISION", "Décision (jours avant la demande)", "Decision (days before application)"},
    {"NAME_PAYMENT_TYPE", "Mode de paiement", "Payment method"},
    {"CODE_REJECT_REASON", "Motif du refus", "Reason for refusal"},
    {"NAME_TYPE_SUITE", "Accompagnant", "Accompanied by"},
    {"NAME_CLIENT_TYPE", "Client nouveau ou connu", "New or known client"},
    {"NAME_GOODS_CATEGORY", "Catégorie du bien", "Goods category"},
    {"NAME_PORTFOLIO", "Portefeuille", "Portfolio"},
    {"NAME_PRODUCT_TYPE", "Type de produit", "Product type"},
    {"CHANNEL_TYPE", "Canal d'acquisition", "Acquisition channel"},
    {"SELLERPLACE_AREA", "Zone du vendeur", "Seller area"},
    {"NAME_SELLER_INDUSTRY", "Secteur du vendeur", "Seller industry"},
    {"CNT_PAYMENT", "Durée (mensualités)", "Term (instalments)"},
    {"NAME_YIELD_GROUP", "Niveau de taux", "Interest rate group"},
    {"PRODUCT_COMBINATION", "Combinaison de produits", "Product combination"},
    {"DAYS_FIRST_DRAWING", "Premier décaissement (jours)", "First drawing (days)"},
    {"DAYS_FIRST_DUE", "Première échéance (jours)", "First due date (days)"},
    {"DAYS_LAST_DUE_1ST_VERSION", "Dernière échéance prévue (jours)",
     "Planned last due date (days)"},
    {"DAYS_LAST_DUE", "Dernière échéance (jours)", "Last due date (days)"},
    {"DAYS_TERMINATION", "Fin prévue (jours)", "Expected end (days)"},
    {"NFLAG_INSURED_ON_APPROVAL", "Assurance demandée", "Insurance requested"},
};

constexpr Entry kPosCash[] = {
    {"SK_ID_PREV", "Numéro du prêt", "Loan number"},
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"MONTHS_BALANCE", "Mois (relatif à la demande)", "Month (relative to the application)"},
    {"CNT_INSTALMENT", "Durée du prêt (mensualités)", "Loan term (instalments)"},
    {"CNT_INSTALMENT_FUTURE", "Mensualités restantes", "Instalments left"},
    {"NAME_CONTRACT_STATUS", "État du contrat", "Contract status"},
    {"SK_DPD", "Jours de retard", "Days past due"},
    {"SK_DPD_DEF", "Jours de retard (hors petits montants)", "Days past due (small debts ignored)"},
};

constexpr Entry kInstallments[] = {
    {"SK_ID_PREV", "Numéro du prêt", "Loan number"},
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"NUM_INSTALMENT_VERSION", "Version de l'échéancier", "Instalment calendar version"},
    {"NUM_INSTALMENT_NUMBER", "Numéro d'échéance", "Instalment number"},
    {"DAYS_INSTALMENT", "Date d'échéance (jours)", "Due date (days)"},
    {"DAYS_ENTRY_PAYMENT", "Date de paiement (jours)", "Payment date (days)"},
    {"AMT_INSTALMENT", "Montant dû", "Amount due"},
    {"AMT_PAYMENT", "Montant payé", "Amount paid"},
};

constexpr Entry kCreditCard[] = {
    {"SK_ID_PREV", "Numéro de la carte", "Card number"},
    {"SK_ID_CURR", "Numéro du client", "Client number"},
    {"MONTHS_BALANCE", "Mois (relatif à la demande)", "Month (relative to the application)"},
    {"AMT_BALANCE", "Solde", "Balance"},
    {"AMT_CREDIT_LIMIT_ACTUAL", "Plafond", "Credit limit"},
    {"AMT_DRAWINGS_ATM_CURRENT", "Retraits au distributeur", "ATM withdrawals"},
    {"AMT_DRAWINGS_CURRENT", "Dépenses du mois", "Drawings in the month"},
    {"AMT_DRAWINGS_OTHER_CURRENT", "Autres dépenses", "Other drawings"},
    {"AMT_DRAWINGS_POS_CURRENT", "Achats en magasin", "Purchases in shops"},
    {"AMT_INST_MIN_REGULARITY", "Mensualité minimale", "Minimum instalment"},
    {"AMT_PAYMENT_CURRENT", "Paiement du mois", "Payment in the month"},
    {"AMT_PAYMENT_TOTAL_CURRENT", "Paiement total du mois", "Total payment in the month"},
    {"AMT_RECEIVABLE_PRINCIPAL", "Capital restant dû", "Principal receivable"},
    {"AMT_RECIVABLE", "Montant dû", "Amount receivable"},
    {"AMT_TOTAL_RECEIVABLE", "Montant total dû", "Total receivable"},
    {"CNT_DRAWINGS_ATM_CURRENT", "Nombre de retraits au distributeur", "Number of ATM withdrawals"},
    {"CNT_DRAWINGS_CURRENT", "Nombre de dépenses", "Number of drawings"},
    {"CNT_DRAWINGS_OTHER_CURRENT", "Nombre d'autres dépenses", "Number of other drawings"},
    {"CNT_DRAWINGS_POS_CURRENT", "Nombre d'achats en magasin", "Number of purchases in shops"},
    {"CNT_INSTALMENT_MATURE_CUM", "Mensualités payées", "Instalments paid"},
    {"NAME_CONTRACT_STATUS", "État du contrat", "Contract status"},
    {"SK_DPD", "Jours de retard", "Days past due"},
    {"SK_DPD_DEF", "Jours de retard (hors petits montants)", "Days past due (small debts ignored)"},
};

using LabelTable = std::map<std::pair<TableId, std::string>, Label, std::less<>>;

void add(LabelTable& labels, TableId table, std::span<const Entry> entries) {
  for (const Entry& e : entries) labels[{table, e.column}] = {e.fr, e.en};
}

LabelTable build_labels() {
  LabelTable labels;
  for (TableId application : {TableId::ApplicationTrain, TableId::ApplicationTest}) {
    add(labels, application, kApplication);
    for (const Entry& stem : kBuildingStems) {
      for (const Entry& statistic : kBuildingStatistics) {
        labels[{application, std::string(stem.column) + statistic.column}] = {
            std::string("Immeuble : ") + stem.fr + " (" + statistic.fr + ")",
            std::string("Building: ") + stem.en + " (" + statistic.en + ")"};
      }
    }
    for (int document = 2; document <= 21; ++document) {
      labels[{application, "FLAG_DOCUMENT_" + std::to_string(document)}] = {
          "Document n°" + std::to_string(document) + " fourni",
          "Document #" + std::to_string(document) + " provided"};
    }
  }
  add(labels, TableId::Bureau, kBureau);
  add(labels, TableId::BureauBalance, kBureauBalance);
  add(labels, TableId::PreviousApplication, kPrevious);
  add(labels, TableId::PosCashBalance, kPosCash);
  add(labels, TableId::InstallmentsPayments, kInstallments);
  add(labels, TableId::CreditCardBalance, kCreditCard);
  return labels;
}

}  // namespace

const Label& column_label(TableId table, std::string_view column) {
  static const LabelTable labels = build_labels();
  const auto found = labels.find(std::pair{table, std::string(column)});
  if (found == labels.end()) {
    throw internal_error("no label for column " + std::string(column) + " of " +
                         tables::schema_of(table).file_name);
  }
  return found->second;
}

}  // namespace creditscore::features
