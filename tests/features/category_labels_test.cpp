#include "features/category_labels.h"

#include <gtest/gtest.h>

namespace creditscore::features {
namespace {

TEST(CategoryLabels, KaggleCodesInFrenchAndEnglish) {
  const struct {
    const char* code;
    const char* fr;
    const char* en;
  } cases[] = {
      {"Cash loans", "Prêt personnel", "Cash loan"},
      {"Married", "Marié(e)", "Married"},
      {"Working", "Salarié(e)", "Employee"},
      {"XNA", "non précisé", "not given"},
      {"Refused", "Refusée", "Refused"},
      // The first and last codes of the sorted table, and codes that differ only by case.
      {"Academic degree", "Diplôme universitaire supérieur", "Academic degree"},
      {"terraced house", "maison mitoyenne", "terraced house"},
      {"block of flats", "immeuble", "block of flats"},
      {"Y", "Oui", "Yes"},
      {"F", "Femme", "Woman"},
      {"FRIDAY", "Vendredi", "Friday"},
      {"Family", "Famille", "Family"},
  };
  for (const auto& c : cases) {
    const Label words = category_label(c.code);
    EXPECT_EQ(words.fr, c.fr) << c.code;
    EXPECT_EQ(words.en, c.en) << c.code;
  }
}

TEST(CategoryLabels, ProductAndSectorCodesAreInWords) {
  EXPECT_EQ(category_label("POS mobile with interest").fr,
            "Crédit en magasin, téléphone, avec intérêts");
  EXPECT_EQ(category_label("Business Entity Type 3").fr, "Entreprise (type 3)");
}

TEST(CategoryLabels, AnUntranslatedCodeIsShownAsItIs) {
  const Label words = category_label("Some code no table holds");
  EXPECT_EQ(words.fr, "Some code no table holds");
  EXPECT_EQ(words.en, "Some code no table holds");
  EXPECT_EQ(category_label("").fr, "");
  EXPECT_EQ(category_label("married").fr, "married") << "codes are matched exactly";
}

}  // namespace
}  // namespace creditscore::features
