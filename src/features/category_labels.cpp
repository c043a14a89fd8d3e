#include "features/category_labels.h"

#include <algorithm>
#include <iterator>

namespace creditscore::features {
namespace {

struct Entry {
  std::string_view code;
  const char* fr;
  const char* en;
};

// Sorted by code, for a binary search. The English side reads better than some raw codes.
constexpr Entry kCodes[] = {
    {"Academic degree", "Diplôme universitaire supérieur", "Academic degree"},
    {"Accountants", "Comptables", "Accountants"},
    {"Active", "Actif", "Active"},
    {"Approved", "Acceptée", "Approved"},
    {"Bad debt", "Créance irrécouvrable", "Bad debt"},
    {"Block", "Parpaings", "Blocks"},
    {"Businessman", "Chef d'entreprise", "Businessman"},
    {"Canceled", "Annulée", "Cancelled"},
    {"Car loan", "Crédit auto", "Car loan"},
    {"Cash loans", "Prêt personnel", "Cash loan"},
    {"Children", "Enfants", "Children"},
    {"Civil marriage", "Union libre", "Civil marriage"},
    {"Cleaning staff", "Personnel de nettoyage", "Cleaning staff"},
    {"Closed", "Clôturé", "Closed"},
    {"Co-op apartment", "Appartement en coopérative", "Co-op apartment"},
    {"Commercial associate", "Commercial", "Commercial associate"},
    {"Completed", "Terminé", "Completed"},
    {"Consumer credit", "Crédit à la consommation", "Consumer credit"},
    {"Consumer loans", "Crédit à la consommation", "Consumer loan"},
    {"Cooking staff", "Personnel de cuisine", "Cooking staff"},
    {"Core staff", "Employés", "Core staff"},
    {"Credit card", "Carte de crédit", "Credit card"},
    {"Drivers", "Chauffeurs", "Drivers"},
    {"F", "Femme", "Woman"},
    {"FRIDAY", "Vendredi", "Friday"},
    {"Family", "Famille", "Family"},
    {"Group of people", "Groupe de personnes", "Group of people"},
    {"HR staff", "Ressources humaines", "HR staff"},
    {"High skill tech staff", "Technicien qualifié", "High-skill technical staff"},
    {"Higher education", "Études supérieures", "Higher education"},
    {"House / apartment", "Maison / appartement", "House / apartment"},
    {"IT staff", "Informatique", "IT staff"},
    {"Incomplete higher", "Études supérieures non terminées", "Incomplete higher education"},
    {"Laborers", "Ouvriers", "Labourers"},
    {"Low-skill Laborers", "Ouvriers non qualifiés", "Low-skill labourers"},
    {"Lower secondary", "Collège", "Lower secondary"},
    {"M", "Homme", "Man"},
    {"MONDAY", "Lundi", "Monday"},
    {"Managers", "Cadres", "Managers"},
    {"Married", "Marié(e)", "Married"},
    {"Maternity leave", "Congé maternité", "Maternity leave"},
    {"Medicine staff", "Personnel médical", "Medical staff"},
    {"Microloan", "Microcrédit", "Microloan"},
    {"Mixed", "Mixte", "Mixed"},
    {"Monolithic", "Monolithique", "Monolithic"},
    {"Mortgage", "Prêt immobilier", "Mortgage"},
    {"Municipal apartment", "Logement social", "Municipal apartment"},
    {"N", "Non", "No"},
    {"New", "Nouveau client", "New client"},
    {"No", "Non", "No"},
    {"Office apartment", "Logement de fonction", "Office apartment"},
    {"Other", "Autre", "Other"},
    {"Others", "Autres", "Others"},
    {"Panel", "Panneaux", "Panels"},
    {"Pensioner", "Retraité(e)", "Pensioner"},
    {"Private service staff", "Services à la personne", "Private service staff"},
    {"Realty agents", "Agents immobiliers", "Estate agents"},
    {"Refreshed", "Client revenu", "Refreshed client"},
    {"Refused", "Refusée", "Refused"},
    {"Rented apartment", "Location", "Rented apartment"},
    {"Repeater", "Client déjà connu", "Returning client"},
    {"Revolving loans", "Crédit renouvelable", "Revolving loan"},
    {"SATURDAY", "Samedi", "Saturday"},
    {"SUNDAY", "Dimanche", "Sunday"},
    {"Sales staff", "Vendeurs", "Sales staff"},
    {"Secondary / secondary special", "Secondaire / professionnel", "Secondary / vocational"},
    {"Secretaries", "Secrétaires", "Secretaries"},
    {"Security staff", "Agents de sécurité", "Security staff"},
    {"Separated", "Séparé(e)", "Separated"},
    {"Signed", "Signé", "Signed"},
    {"Single / not married", "Célibataire", "Single"},
    {"Sold", "Cédé", "Sold"},
    {"Spouse, partner", "Conjoint(e)", "Spouse or partner"},
    {"State servant", "Fonctionnaire", "Civil servant"},
    {"Stone, brick", "Pierre, brique", "Stone, brick"},
    {"Student", "Étudiant(e)", "Student"},
    {"THURSDAY", "Jeudi", "Thursday"},
    {"TUESDAY", "Mardi", "Tuesday"},
    {"Unaccompanied", "Seul(e)", "Unaccompanied"},
    {"Unemployed", "Sans emploi", "Unemployed"},
    {"Unknown", "Inconnu", "Unknown"},
    {"Unused offer", "Offre non utilisée", "Unused offer"},
    {"WEDNESDAY", "Mercredi", "Wednesday"},
    {"Waiters/barmen staff", "Serveurs / barmen", "Waiters / bar staff"},
    {"Widow", "Veuf / veuve", "Widowed"},
    {"With parents", "Chez les parents", "With parents"},
    {"Wooden", "Bois", "Wooden"},
    {"Working", "Salarié(e)", "Employee"},
    {"XAP", "sans objet", "not applicable"},
    {"XNA", "non précisé", "not given"},
    {"Y", "Oui", "Yes"},
    {"Yes", "Oui", "Yes"},
    {"block of flats", "immeuble", "block of flats"},
    {"not specified", "non précisé", "not specified"},
    {"specific housing", "logement spécifique", "specific housing"},
    {"terraced house", "maison mitoyenne", "terraced house"},
};

}  // namespace

Label category_label(std::string_view code) {
  const auto found =
      std::lower_bound(std::begin(kCodes), std::end(kCodes), code,
                       [](const Entry& e, std::string_view c) { return e.code < c; });
  if (found != std::end(kCodes) && found->code == code) return {found->fr, found->en};
  return {std::string(code), std::string(code)};
}

}  // namespace creditscore::features
