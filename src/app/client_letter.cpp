#include "app/client_letter.h"

#include <optional>

#include "app/decisions.h"
#include "app/recourse.h"
#include "common/error.h"
#include "store/audit_trail.h"

namespace creditscore::app {
namespace {

using explain::Language;

// The history the client's file holds, by source, from its summary.
std::vector<std::string> data_used(const nlohmann::json& summary, Language language) {
  auto count = [&](const std::string& key) -> std::string {
    for (const auto& entry : summary.value("history", nlohmann::json::array())) {
      if (entry.value("key", "") == key && entry["value"].is_number())
        return std::to_string(entry["value"].get<long long>());
    }
    return "0";
  };
  return {
      say(language,
          "Votre demande de crédit : ce que vous nous avez déclaré (montant, revenus, "
          "emploi, logement, famille).",
          "Your credit application: what you told us (amount, income, job, housing, family)."),
      say(language,
          "Le bureau de crédit : " + count("bureau_credits") +
              " crédit(s) auprès d'autres établissements, dont " + count("bureau_active_credits") +
              " en cours.",
          "The credit bureau: " + count("bureau_credits") + " credit(s) with other lenders, " +
              count("bureau_active_credits") + " of them still running."),
      say(language, "Vos demandes précédentes chez nous : " + count("previous_applications") + ".",
          "Your previous applications with us: " + count("previous_applications") + "."),
      say(language,
          "Vos remboursements passés chez nous : " + count("instalments") +
              " échéance(s), et vos prêts en magasin ou en espèces.",
          "Your past repayments with us: " + count("instalments") +
              " instalment(s), and your store and cash loans."),
      say(language, "L'usage de vos cartes de crédit chez nous.",
          "How you used your credit cards with us."),
  };
}

// The smallest change that the model would grant, in the client's words; none when no change
// of amount or term within our products does, or the model's trees cannot be searched.
std::optional<std::string> first_recourse_option(Service& service, std::int64_t id,
                                                 Language language) {
  try {
    const Recourse recourse = client_recourse(service, id);
    if (!recourse.refused() || recourse.options.empty()) return std::nullopt;
    return option_sentence(recourse.options.front(), recourse.current, language);
  } catch (const Error& e) {
    if (e.kind() != ErrorKind::Unsupported && e.kind() != ErrorKind::InvalidInput) throw;
    return std::nullopt;
  }
}

}  // namespace

Language parse_language(const std::string& text) {
  if (text == "fr") return Language::French;
  if (text == "en") return Language::English;
  throw invalid_input("lang=\"" + text + "\": say fr or en");
}

Document client_letter(Service& service, std::int64_t id, Language language) {
  const std::vector<store::Decision> history = decision_history(service, id);
  if (history.empty()) {
    throw conflict("client " + std::to_string(id) +
                   " has no decision yet: a letter tells a decision an advisor has made");
  }
  return decision_letter(service, history.front(), language);
}

Document decision_letter(Service& service, const store::Decision& decision, Language language) {
  const auto client =
      service.with_store([&](store::ClientStore& s) { return s.find(decision.client_id); });
  if (!client) throw not_found("no client " + std::to_string(decision.client_id));
  const bool refused = decision.decision == model::Verdict::Refused;
  const std::string number = std::to_string(decision.client_id);

  Document letter;
  letter.sender = "Prêt à dépenser";
  letter.heading = {
      say(language, "Le " + long_date(store::audit_time_now(), language),
          long_date(store::audit_time_now(), language)),
      say(language, "Client n° " + number, "Client number " + number),
      say(language, "Objet : votre demande de crédit", "Subject: your credit application")};

  DocumentSection verdict{say(language, "Notre décision", "Our decision"), {}, {}};
  verdict.paragraphs.push_back(
      refused ? say(language,
                    "Nous ne pouvons pas vous accorder le crédit demandé. Cette décision a été "
                    "prise le " +
                        long_date(decision.at, language) + ".",
                    "We cannot grant the credit you asked for. This decision was made on " +
                        long_date(decision.at, language) + ".")
              : say(language,
                    "Nous vous accordons le crédit demandé. Cette décision a été prise le " +
                        long_date(decision.at, language) + ".",
                    "We grant the credit you asked for. This decision was made on " +
                        long_date(decision.at, language) + "."));
  verdict.paragraphs.push_back(say(
      language,
      "Une personne a examiné votre dossier : un conseiller a pris cette décision, elle n'a pas "
      "été prise par un ordinateur seul.",
      "A person reviewed your file: an advisor made this decision, not a computer alone."));
  letter.sections.push_back(std::move(verdict));

  DocumentSection reasons{say(language, "Les principales raisons", "The main reasons"), {}, {}};
  for (const auto& reason : decision.reasons)
    reasons.items.push_back(reason.value(language == Language::French ? "fr" : "en", ""));
  if (reasons.items.empty()) {
    reasons.paragraphs.push_back(say(language, "Aucun élément de votre dossier ne domine.",
                                     "No single part of your file stands out."));
  }
  letter.sections.push_back(std::move(reasons));

  if (refused) {
    DocumentSection change{
        say(language, "Ce qui pourrait changer cette décision", "What could change this decision"),
        {say(language,
             "Votre conseiller peut étudier avec vous ce qui pourrait changer la décision, par "
             "exemple un montant plus faible ou une durée plus longue, et vous pouvez nous "
             "présenter une nouvelle demande.",
             "Your advisor can look with you at what could change the decision, for example a "
             "smaller amount or a longer term, and you may apply again.")},
        {}};
    if (const auto option = first_recourse_option(service, decision.client_id, language)) {
      change.paragraphs.push_back(say(language,
                                      "D'après notre analyse, une demande serait acceptée avec ce "
                                      "changement :",
                                      "By our analysis, an application would be accepted with "
                                      "this change:"));
      change.items.push_back(*option);
    }
    letter.sections.push_back(std::move(change));
  }

  letter.sections.push_back({say(language, "Les informations utilisées", "The information used"),
                             {},
                             data_used(nlohmann::json::parse(client->summary), language)});

  letter.sections.push_back(
      {say(language, "Comment nous décidons", "How we decide"),
       {say(language,
            "Un modèle statistique, établi à partir des crédits passés, estime à partir des "
            "informations ci-dessus le risque qu'un crédit ne soit pas remboursé. Au-delà d'un "
            "seuil fixé par notre politique de crédit, il recommande un refus. Les raisons "
            "ci-dessus sont les éléments de votre dossier qui ont le plus pesé. Un conseiller "
            "examine chaque recommandation et prend la décision ; il peut la changer.",
            "A statistical model, built from past credits, estimates from the information above "
            "the risk that a credit is not repaid. Above a level set by our lending policy, it "
            "recommends a refusal. The reasons above are the parts of your file that weighed "
            "most. An advisor reviews each recommendation and makes the decision, and may change "
            "it.")},
       {}});

  letter.sections.push_back(
      {say(language, "Vos droits", "Your rights"),
       {},
       {say(language, "Demander qu'une autre personne réexamine votre demande.",
            "Ask for another person to review your application."),
        say(language, "Nous donner votre point de vue et tout élément que nous n'aurions pas.",
            "Give us your point of view and anything we may not know."),
        say(language, "Contester cette décision.", "Contest this decision."),
        say(language,
            "Obtenir une copie de toutes les données que nous détenons sur vous, et les faire "
            "corriger si elles sont inexactes.",
            "Get a copy of all the data we hold about you, and have it corrected if it is "
            "wrong.")}});
  letter.sections.push_back(
      {say(language, "Comment faire", "How to do so"),
       {say(language,
            "Répondez à ce courrier en rappelant votre numéro de client, adressez-vous à votre "
            "conseiller en agence, ou écrivez à notre délégué à la protection des données : "
            "dpo@pret-a-depenser.fr. Vous pouvez aussi adresser une réclamation à la CNIL "
            "(www.cnil.fr).",
            "Reply to this letter with your client number, speak to your advisor in a branch, "
            "or write to our data protection officer: dpo@pret-a-depenser.fr. You may also "
            "complain to the CNIL, the French data protection authority (www.cnil.fr).")},
       {}});
  letter.closing =
      say(language, "Votre conseiller, Prêt à dépenser", "Your advisor, Prêt à dépenser");
  return letter;
}

}  // namespace creditscore::app
