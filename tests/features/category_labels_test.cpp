#include "features/category_labels.h"

#include <gtest/gtest.h>

namespace creditscore::features {
namespace {

TEST(CategoryLabels, KaggleCodesInFrenchAndEnglish) {
  EXPECT_EQ(category_label("Cash loans").fr, "Prêt personnel");
  EXPECT_EQ(category_label("Cash loans").en, "Cash loan");
  EXPECT_EQ(category_label("Married").fr, "Marié(e)");
  EXPECT_EQ(category_label("Working").en, "Employee");
  // The first and last codes of the sorted table, and codes that differ only by case.
  EXPECT_EQ(category_label("Academic degree").fr, "Diplôme universitaire supérieur");
  EXPECT_EQ(category_label("Y").fr, "Oui");
  EXPECT_EQ(category_label("F").fr, "Femme");
  EXPECT_EQ(category_label("FRIDAY").fr, "Vendredi");
  EXPECT_EQ(category_label("Family").fr, "Famille");
  EXPECT_EQ(category_label("XNA").en, "not given");
  EXPECT_EQ(category_label("Refused").fr, "Refusée");
  EXPECT_EQ(category_label("block of flats").fr, "immeuble");
  EXPECT_EQ(category_label("terraced house").fr, "maison mitoyenne");
}

TEST(CategoryLabels, AnUntranslatedCodeIsShownAsItIs) {
  const Label words = category_label("Business Entity Type 3");
  EXPECT_EQ(words.fr, "Business Entity Type 3");
  EXPECT_EQ(words.en, "Business Entity Type 3");
  EXPECT_EQ(category_label("").fr, "");
  EXPECT_EQ(category_label("married").fr, "married") << "codes are matched exactly";
}

}  // namespace
}  // namespace creditscore::features
