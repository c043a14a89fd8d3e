#include "app/model_card.h"

#include <algorithm>
#include <cstdio>
#include <map>

#include "features/feature_catalog.h"
#include "tables/schema.h"

namespace creditscore::app {
namespace {

using explain::Language;

std::string decimal(double value, int decimals, Language language) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*f", decimals, value);
  std::string result = text;
  if (language == Language::French) {
    for (char& c : result) c = c == '.' ? ',' : c;
  }
  return result;
}

std::string percent(double share, Language language) {
  return decimal(100 * share, 1, language) + (language == Language::French ? "\u202f%" : " %");
}

std::string count(std::size_t value, Language language) {
  return explain::format_number(static_cast<double>(value), language);
}

std::string table_words(tables::TableId table, Language language) {
  using tables::TableId;
  switch (table) {
    case TableId::ApplicationTrain:
    case TableId::ApplicationTest:
      return say(language, "la demande de crédit", "the credit application");
    case TableId::Bureau:
      return say(language, "les crédits auprès d'autres établissements (bureau de crédit)",
                 "credits with other lenders (credit bureau)");
    case TableId::BureauBalance:
      return say(language, "l'historique mensuel de ces crédits", "their monthly history");
    case TableId::PreviousApplication:
      return say(language, "les demandes précédentes chez nous", "previous applications with us");
    case TableId::PosCashBalance:
      return say(language, "les prêts en magasin ou en espèces", "store and cash loans");
    case TableId::InstallmentsPayments:
      return say(language, "les remboursements passés", "past repayments");
    case TableId::CreditCardBalance:
      return say(language, "les cartes de crédit", "credit cards");
  }
  return "";
}

std::string group_words(model::Attribute attribute, const std::string& name, Language language) {
  static const std::map<std::string, std::pair<const char*, const char*>> kWords = {
      {"F", {"Femmes", "Women"}},
      {"M", {"Hommes", "Men"}},
      {"under_25", {"Moins de 25 ans", "Under 25"}},
      {"25_34", {"25 à 34 ans", "25 to 34"}},
      {"35_49", {"35 à 49 ans", "35 to 49"}},
      {"50_64", {"50 à 64 ans", "50 to 64"}},
      {"65_and_over", {"65 ans et plus", "65 and over"}}};
  const auto found = kWords.find(name);
  if (found == kWords.end()) return std::string(model::attribute_name(attribute)) + " " + name;
  return say(language, found->second.first, found->second.second);
}

DocumentSection intended_use(Language language) {
  return {say(language, "Usage prévu", "Intended use"),
          {say(language,
               "Ce modèle estime la probabilité qu'un client ne rembourse pas un crédit à la "
               "consommation. Il aide les conseillers clientèle de Prêt à dépenser à décider, "
               "en particulier pour les personnes qui ont peu ou pas d'historique de crédit.",
               "This model estimates the probability that a client does not repay a consumer "
               "credit. It helps Prêt à dépenser's customer-relationship advisors decide, above "
               "all for people with little or no credit history."),
           say(language,
               "Il ne décide pas seul : un conseiller prend chaque décision et en répond. Il ne "
               "sert pas à d'autres fins (emploi, assurance, crédit aux entreprises), ni pour "
               "des clients qui ne ressemblent pas à ceux sur lesquels il a appris.",
               "It never decides alone: an advisor takes every decision and answers for it. It "
               "is not for other purposes (employment, insurance, business credit), nor for "
               "clients unlike those it learned from.")},
          {say(language,
               "Utilisateurs : conseillers clientèle (décision), analystes (suivi du "
               "modèle), clients (leur propre dossier et la lettre de décision).",
               "Users: customer-relationship advisors (decisions), analysts (watching the "
               "model), clients (their own file and the decision letter).")}};
}

DocumentSection data(const model::ModelBundle& bundle, Language language) {
  const model::Evaluation& e = bundle.evaluation;
  DocumentSection section{say(language, "Les données", "The data"), {}, {}};
  section.paragraphs.push_back(say(
      language,
      "Le modèle a appris sur " + count(e.clients, language) + " clients passés, dont " +
          count(e.defaulters, language) + " n'ont pas remboursé (" +
          percent(static_cast<double>(e.defaulters) / static_cast<double>(e.clients), language) +
          ").",
      "The model learned from " + count(e.clients, language) + " past clients, of whom " +
          count(e.defaulters, language) + " did not repay (" +
          percent(static_cast<double>(e.defaulters) / static_cast<double>(e.clients), language) +
          ")."));
  section.paragraphs.push_back(say(
      language,
      "Les tables donnent les durées en jours avant chaque demande, pas de dates du "
      "calendrier : la période couverte est celle des demandes reçues avant l'entraînement du " +
          long_date(bundle.created_at, language) + ".",
      "The tables give durations in days before each application, not calendar dates: the "
      "period covered is that of the applications received before training on " +
          long_date(bundle.created_at, language) + "."));
  for (const tables::TableId table : bundle.learned_from)
    section.items.push_back(table_words(table, language) + " (" +
                            tables::schema_of(table).file_name + ")");
  section.items.push_back(
      say(language, "Empreinte des données (SHA-256) : ", "Data fingerprint (SHA-256): ") +
      bundle.training.value("data_fingerprint", std::string("-")));
  return section;
}

DocumentSection features_by_family(const model::ModelBundle& bundle, Language language) {
  const features::FeatureCatalog catalog = features::FeatureCatalog::from_json(bundle.catalog);
  std::map<tables::TableId, std::size_t> by_table;
  for (const features::FeatureInfo& f : catalog.features()) ++by_table[f.table];
  DocumentSection section{
      say(language, "Les variables, par famille", "The features, by family"),
      {say(language,
           count(catalog.features().size(), language) +
               " variables, chacune calculée à partir des seules lignes du client :",
           count(catalog.features().size(), language) +
               " features, each computed from the client's own rows only:")},
      {}};
  for (const auto& [table, features] : by_table) {
    section.items.push_back(table_words(table, language) + say(language, " : ", ": ") +
                            count(features, language));
  }
  return section;
}

DocumentSection quality(const model::ModelBundle& bundle, Language language) {
  const model::Evaluation& e = bundle.evaluation;
  std::string auc = decimal(e.roc_auc, 3, language);
  if (e.roc_auc_interval) {
    auc += say(language, " (intervalle à 95 % par bootstrap : ", " (95 % bootstrap interval: ") +
           decimal(e.roc_auc_interval->low, 3, language) + say(language, " à ", " to ") +
           decimal(e.roc_auc_interval->high, 3, language) + ")";
  }
  return {
      say(language, "Qualité mesurée", "Measured quality"),
      {say(language,
           "Mesurée en validation croisée : chaque client est prédit par un modèle qui ne "
           "l'a pas vu (« hors échantillon »).",
           "Measured by cross-validation: each client is predicted by a model that did not "
           "see it (out of fold).")},
      {say(language, "Aire sous la courbe ROC : ", "Area under the ROC curve: ") + auc,
       say(language,
           "Aire sous la courbe précision-rappel : ", "Area under the precision-recall curve: ") +
           decimal(e.pr_auc, 3, language),
       say(language, "Score de Brier : ", "Brier score: ") + decimal(e.brier_score, 4, language),
       say(language, "Erreur de calibration : ", "Calibration error: ") +
           decimal(e.calibration_error, 4, language)}};
}

DocumentSection costs(const model::ModelBundle& bundle, Language language) {
  const model::Evaluation& e = bundle.evaluation;
  const model::Confusion& c = e.best.confusion;
  const double refused = static_cast<double>(c.true_positives + c.false_positives) /
                         static_cast<double>(std::max<std::size_t>(c.total(), 1));
  return {say(language, "Coûts et seuil", "Costs and threshold"),
          {say(language,
               "Accorder un crédit qui ne sera pas remboursé coûte " +
                   decimal(e.costs.false_negative_cost / e.costs.false_positive_cost, 0, language) +
                   " fois plus que refuser un client qui aurait remboursé. Le seuil est choisi "
                   "pour que le coût total soit le plus bas.",
               "Granting a credit that will not be repaid costs " +
                   decimal(e.costs.false_negative_cost / e.costs.false_positive_cost, 0, language) +
                   " times as much as refusing a client who would have repaid. The threshold "
                   "is chosen for the lowest total cost.")},
          {say(language, "Seuil : un client est signalé à risque à partir d'une probabilité de ",
               "Threshold: a client is flagged at risk from a probability of ") +
               decimal(e.best.threshold, 3, language),
           say(language,
               "Coût moyen par client à ce seuil : ", "Mean cost per client at this threshold: ") +
               decimal(e.best.cost_per_client, 3, language) +
               say(language, " (au seuil naïf de 0,5 : ", " (at the naive threshold 0.5: ") +
               decimal(e.cost_at_half, 3, language) + ")",
           say(language, "Part des demandes signalées à risque : ",
               "Share of applications flagged at risk: ") +
               percent(refused, language)}};
}

DocumentSection fairness(const model::ModelBundle& bundle, Language language) {
  DocumentSection section{say(language, "Équité à l'entraînement", "Fairness at training"), {}, {}};
  if (!bundle.fairness) {
    section.paragraphs.push_back(say(language,
                                     "Ce modèle a été entraîné avant que l'équité ne soit "
                                     "mesurée : entraînez-le à nouveau pour la connaître.",
                                     "This model was trained before fairness was measured: "
                                     "train it again to know it."));
    return section;
  }
  section.paragraphs.push_back(say(
      language,
      "Par sexe et par tranche d'âge, hors échantillon : la part des demandes accordées, son "
      "rapport à celle du groupe le plus accordé (la règle des quatre cinquièmes demande au "
      "moins 0,8 ; c'est un signal à examiner, pas un verdict : les groupes diffèrent aussi par "
      "leur risque réel), et la part des bons payeurs refusés. Un chiffre demande au moins " +
          std::to_string(model::kMinClients) + " clients.",
      "By sex and age band, out of fold: the share of applications granted, its ratio to that "
      "of the most granted group (the four-fifths rule asks for at least 0.8; it is a signal to "
      "examine, not a verdict: groups also differ in their real risk), and the share of good "
      "payers refused. A figure needs at least " +
          std::to_string(model::kMinClients) + " clients."));
  for (const model::AttributeFairness& a : bundle.fairness->attributes) {
    for (const model::GroupFairness& g : a.groups) {
      std::string item = group_words(a.attribute, g.name, language) + " (" +
                         count(g.clients, language) + say(language, " clients) : ", " clients): ");
      if (!g.approval_rate) {
        item += say(language, "trop peu de clients pour un chiffre fiable",
                    "too few clients for a reliable figure");
      } else {
        item += percent(*g.approval_rate, language) +
                say(language, " accordés, rapport ", " granted, ratio ") +
                decimal(*g.disparate_impact, 2, language) +
                (*g.four_fifths ? "" : say(language, " (sous 0,8)", " (below 0.8)"));
        if (g.false_positive_rate) {
          item += say(language, ", bons payeurs refusés ", ", good payers refused ") +
                  percent(*g.false_positive_rate, language);
        }
      }
      section.items.push_back(std::move(item));
    }
  }
  return section;
}

DocumentSection limitations(const model::ModelBundle& bundle, Language language) {
  DocumentSection section{say(language, "Limites connues", "Known limitations"), {}, {}};
  for (const tables::TableId table : tables::all_tables()) {
    if (table == tables::TableId::ApplicationTest) continue;
    if (std::find(bundle.learned_from.begin(), bundle.learned_from.end(), table) ==
        bundle.learned_from.end()) {
      section.items.push_back(say(language,
                                  "Le modèle n'a pas vu " + table_words(table, language) + ".",
                                  "The model has not seen " + table_words(table, language) + "."));
    }
  }
  if (bundle.fairness) {
    for (const model::AttributeFairness& a : bundle.fairness->attributes) {
      for (const model::GroupFairness& g : a.groups) {
        if (g.approval_rate) continue;
        section.items.push_back(say(
            language,
            group_words(a.attribute, g.name, language) + " : seulement " +
                count(g.clients, language) +
                " clients à l'entraînement ; la qualité du modèle pour ce groupe n'est pas "
                "établie.",
            group_words(a.attribute, g.name, language) + ": only " + count(g.clients, language) +
                " clients at training; the model's quality for this group is not established."));
      }
    }
  }
  section.items.push_back(say(
      language,
      "Il ne connaît que ce que le client déclare et son historique : les revenus ne sont pas "
      "vérifiés par le modèle.",
      "It knows only what the client declares and their history: incomes are not checked by the "
      "model."));
  section.items.push_back(
      say(language,
          "Les clients changent : la dérive des données et l'équité des décisions sont suivies en "
          "continu (page Suivi du modèle), et le modèle doit être réentraîné quand elles bougent.",
          "Clients change: data drift and the fairness of decisions are watched continuously (the "
          "Monitoring page), and the model must be retrained when they move."));
  return section;
}

DocumentSection oversight(Language language) {
  return {say(language, "Contrôle humain", "Human oversight"),
          {},
          {say(language,
               "Chaque décision est prise par un conseiller, qui confirme ou contredit la "
               "recommandation du modèle ; une décision contraire est justifiée par écrit.",
               "Every decision is taken by an advisor, who confirms or overrides the model's "
               "recommendation; an override is justified in writing."),
           say(language,
               "Le client reçoit une lettre qui explique la décision, ses raisons principales et "
               "ce qui pourrait la changer, et peut consulter ses données.",
               "The client receives a letter that explains the decision, its main reasons and "
               "what could change it, and can see their data."),
           say(language,
               "Chaque accès au dossier d'un client et chaque décision sont inscrits dans un "
               "journal d'audit chaîné, que l'on peut vérifier.",
               "Every access to a client's file and every decision is written to a chained "
               "audit trail, which can be verified."),
           say(language,
               "Seules les personnes dont c'est le rôle voient les données d'un client ; un "
               "nouveau modèle n'est servi qu'après une promotion enregistrée.",
               "Only the people whose role it is see a client's data; a new model is served "
               "only after a recorded promotion.")}};
}

DocumentSection version(const model::ModelBundle& bundle, bool served, Language language) {
  return {say(language, "Version", "Version"),
          {},
          {say(language, "Modèle : ", "Model: ") + bundle.run_id +
               (served ? say(language, " (servi actuellement)", " (served now)") : ""),
           say(language, "Entraîné le ", "Trained on ") + long_date(bundle.created_at, language),
           "XGBoost " + bundle.xgboost_version,
           say(language, "Format du paquet : ", "Bundle format: ") +
               std::to_string(model::ModelBundle::kFormatVersion)}};
}

}  // namespace

Document model_card(const model::ModelBundle& bundle, bool served, Language language) {
  Document card;
  card.sender = say(language, "Fiche du modèle de score de crédit", "Credit-scoring model card");
  card.heading = {"Prêt à dépenser", say(language, "Modèle ", "Model ") + bundle.run_id,
                  say(language, "Notice d'utilisation (AI Act, article 13)",
                      "Instructions for use (AI Act, Article 13)")};
  card.sections = {
      intended_use(language),        data(bundle, language),  features_by_family(bundle, language),
      quality(bundle, language),     costs(bundle, language), fairness(bundle, language),
      limitations(bundle, language), oversight(language),     version(bundle, served, language)};
  return card;
}

}  // namespace creditscore::app
