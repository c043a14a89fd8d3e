#include "app/loan_terms.h"

#include <gtest/gtest.h>

#include "common/error.h"

namespace creditscore::app {
namespace {

using nlohmann::json;

// 360 000 over 20 months of 18 000: the client's own term.
const json kApplication = {
    {"AMT_CREDIT", 360000.0}, {"AMT_ANNUITY", 18000.0}, {"AMT_INCOME_TOTAL", 90000.0}};

TEST(LoanTermsTest, ANewAmountAloneKeepsTheApplicationsTerm) {
  const json applied = with_annuity_following(kApplication, {{"AMT_CREDIT", 180000.0}});
  EXPECT_EQ(applied, (json{{"AMT_CREDIT", 180000.0}, {"AMT_ANNUITY", 9000.0}}));
}

TEST(LoanTermsTest, ANewTermGivesTheAnnuityOfTheAmountRoundedToTheCent) {
  EXPECT_EQ(with_annuity_following(kApplication, {{"term", 30}}), (json{{"AMT_ANNUITY", 12000.0}}));
  EXPECT_EQ(with_annuity_following(kApplication, {{"AMT_CREDIT", 100000.0}, {"term", 3}}),
            (json{{"AMT_CREDIT", 100000.0}, {"AMT_ANNUITY", 33333.33}}));
}

TEST(LoanTermsTest, AnAnnuityGivenWinsAndOtherFieldsMoveNothing) {
  EXPECT_EQ(with_annuity_following(kApplication, {{"AMT_CREDIT", 1.0}, {"AMT_ANNUITY", 7.0}}),
            (json{{"AMT_CREDIT", 1.0}, {"AMT_ANNUITY", 7.0}}));
  EXPECT_EQ(with_annuity_following(kApplication, {{"AMT_INCOME_TOTAL", 1.0}}),
            (json{{"AMT_INCOME_TOTAL", 1.0}}));
  // No annuity to take a term from: the amount alone changes.
  EXPECT_EQ(with_annuity_following({{"AMT_CREDIT", 5.0}}, {{"AMT_CREDIT", 1.0}}),
            (json{{"AMT_CREDIT", 1.0}}));
}

TEST(LoanTermsTest, ATermThatIsNoNumberOfMonthsIsRefusedByName) {
  for (const json& term : {json(0), json(-3), json(601), json("twelve"), json(nullptr)}) {
    try {
      with_annuity_following(kApplication, {{"term", term}});
      ADD_FAILURE() << term.dump() << " was accepted";
    } catch (const Error& error) {
      EXPECT_EQ(error.kind(), ErrorKind::InvalidInput);
      EXPECT_NE(std::string(error.what()).find("changes.term"), std::string::npos) << error.what();
    }
  }
  EXPECT_THROW(with_annuity_following(kApplication, json::array()), Error);
}

TEST(LoanTermsTest, TheTermIsAmountOverAnnuity) {
  EXPECT_DOUBLE_EQ((Loan{360000, 18000, 0}.term()), 20);
  EXPECT_DOUBLE_EQ(annuity_for(1006909, 48), 20977.27);
}

}  // namespace
}  // namespace creditscore::app
