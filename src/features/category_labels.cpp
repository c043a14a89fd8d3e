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
    {"Businessman", "Chef d'entreprise", "Businessman"},
    {"Cash loans", "Prêt personnel", "Cash loan"},
    {"Children", "Enfants", "Children"},
    {"Civil marriage", "Union libre", "Civil marriage"},
    {"Cleaning staff", "Personnel de nettoyage", "Cleaning staff"},
    {"Co-op apartment", "Appartement en coopérative", "Co-op apartment"},
    {"Commercial associate", "Commercial", "Commercial associate"},
    {"Consumer loans", "Crédit à la consommation", "Consumer loan"},
    {"Cooking staff", "Personnel de cuisine", "Cooking staff"},
    {"Core staff", "Employés", "Core staff"},
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
    {"Municipal apartment", "Logement social", "Municipal apartment"},
    {"N", "Non", "No"},
    {"Office apartment", "Logement de fonction", "Office apartment"},
    {"Pensioner", "Retraité(e)", "Pensioner"},
    {"Private service staff", "Services à la personne", "Private service staff"},
    {"Realty agents", "Agents immobiliers", "Estate agents"},
    {"Rented apartment", "Location", "Rented apartment"},
    {"Revolving loans", "Crédit renouvelable", "Revolving loan"},
    {"SATURDAY", "Samedi", "Saturday"},
    {"SUNDAY", "Dimanche", "Sunday"},
    {"Sales staff", "Vendeurs", "Sales staff"},
    {"Secondary / secondary special", "Secondaire / professionnel", "Secondary / vocational"},
    {"Secretaries", "Secrétaires", "Secretaries"},
    {"Security staff", "Agents de sécurité", "Security staff"},
    {"Separated", "Séparé(e)", "Separated"},
    {"Single / not married", "Célibataire", "Single"},
    {"Spouse, partner", "Conjoint(e)", "Spouse or partner"},
    {"State servant", "Fonctionnaire", "Civil servant"},
    {"Student", "Étudiant(e)", "Student"},
    {"THURSDAY", "Jeudi", "Thursday"},
    {"TUESDAY", "Mardi", "Tuesday"},
    {"Unaccompanied", "Seul(e)", "Unaccompanied"},
    {"Unemployed", "Sans emploi", "Unemployed"},
    {"Unknown", "Inconnu", "Unknown"},
    {"WEDNESDAY", "Mercredi", "Wednesday"},
    {"Waiters/barmen staff", "Serveurs / barmen", "Waiters / bar staff"},
    {"Widow", "Veuf / veuve", "Widowed"},
    {"With parents", "Chez les parents", "With parents"},
    {"Working", "Salarié(e)", "Employee"},
    {"XAP", "sans objet", "not applicable"},
    {"XNA", "non précisé", "not given"},
    {"Y", "Oui", "Yes"},
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
