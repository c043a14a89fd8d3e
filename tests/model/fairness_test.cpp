// Fairness by group on clients built by hand, whose every rate is known: approval rates and the
// disparate-impact ratio, the refused shares of defaulters and good clients, calibration, and
// groups too small for a figure.
#include "model/fairness.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace creditscore::model {
namespace {

struct Clients {
  std::vector<double> probabilities;
  std::vector<int> outcomes;
  std::vector<ClientGroups> groups;

  // `count` clients of one group, `refused` of them above the threshold 0.5; the first
  // `defaulters` defaulted (outcome -1: not known yet).
  void add(ClientGroups group, int count, int refused, int defaulters, int outcome_known = 1) {
    for (int i = 0; i < count; ++i) {
      probabilities.push_back(i < refused ? 0.8 : 0.2);
      outcomes.push_back(outcome_known ? (i < defaulters ? 1 : 0) : -1);
      groups.push_back(group);
    }
  }
  Fairness assess() const { return assess_fairness(probabilities, outcomes, groups, 0.5); }
};

const GroupFairness& group(const Fairness& fairness, Attribute attribute, const std::string& name) {
  for (const AttributeFairness& a : fairness.attributes) {
    if (a.attribute != attribute) continue;
    for (const GroupFairness& g : a.groups) {
      if (g.name == name) return g;
    }
  }
  throw std::logic_error("no group " + name);
}

TEST(Fairness, ApprovalRatesGiveTheDisparateImpactRatioAndTheFourFifthsFlag) {
  Clients clients;
  // Women: 100, 10 refused. Men: 100, 40 refused. Ages unknown.
  clients.add({0, kUnknownGroup}, 100, 10, 0);
  clients.add({1, kUnknownGroup}, 100, 40, 0);
  const Fairness fairness = clients.assess();
  const GroupFairness& women = group(fairness, Attribute::Sex, "F");
  const GroupFairness& men = group(fairness, Attribute::Sex, "M");
  EXPECT_DOUBLE_EQ(*women.approval_rate, 0.9);
  EXPECT_DOUBLE_EQ(*men.approval_rate, 0.6);
  EXPECT_DOUBLE_EQ(*women.disparate_impact, 1.0);
  EXPECT_NEAR(*men.disparate_impact, 0.6 / 0.9, 1e-12);
  EXPECT_TRUE(*women.four_fifths);
  EXPECT_FALSE(*men.four_fifths);
  EXPECT_NEAR(*fairness.attributes[0].lowest_disparate_impact, 0.6 / 0.9, 1e-12);
  EXPECT_EQ(fairness.attributes[1].unknown, 200u);  // no age: in no age band
}

TEST(Fairness, RefusedDefaultersAndGoodClientsGiveTheEqualOpportunityGaps) {
  Clients clients;
  // Under 25: 40 defaulters, 30 of them refused (75 %); 60 good clients, 10 refused (1/6).
  clients.add({kUnknownGroup, 0}, 40, 30, 40);
  clients.add({kUnknownGroup, 0}, 60, 10, 0);
  // 35 to 49: 40 defaulters, 20 refused (50 %); 60 good, 6 refused (10 %).
  clients.add({kUnknownGroup, 2}, 40, 20, 40);
  clients.add({kUnknownGroup, 2}, 60, 6, 0);
  const Fairness fairness = clients.assess();
  const GroupFairness& young = group(fairness, Attribute::AgeBand, "under_25");
  const GroupFairness& middle = group(fairness, Attribute::AgeBand, "35_49");
  EXPECT_DOUBLE_EQ(*young.true_positive_rate, 0.75);
  EXPECT_DOUBLE_EQ(*young.false_positive_rate, 10.0 / 60);
  EXPECT_DOUBLE_EQ(*middle.true_positive_rate, 0.5);
  EXPECT_DOUBLE_EQ(*middle.false_positive_rate, 0.1);
  const AttributeFairness& age = fairness.attributes[1];
  EXPECT_DOUBLE_EQ(*age.true_positive_rate_gap, 0.25);
  EXPECT_NEAR(*age.false_positive_rate_gap, 10.0 / 60 - 0.1, 1e-12);
  // Calibration: the mean probability against the observed default rate, with the counts.
  EXPECT_NEAR(*young.mean_probability, (40 * 0.8 + 60 * 0.2) / 100, 1e-12);
  EXPECT_DOUBLE_EQ(*young.default_rate, 0.4);
  EXPECT_EQ(young.with_outcome, 100u);
  EXPECT_EQ(young.defaulters, 40u);
}

TEST(Fairness, AGroupTooSmallForAFigureSaysSoInsteadOfShowingNoise) {
  Clients clients;
  clients.add({0, 1}, 200, 20, 50);
  clients.add({1, 4}, kMinClients - 1, 20, 5);  // men over 65: too few for anything
  clients.add({1, 3}, 100, 10, 0, 0);           // outcomes not known yet: approvals only
  const Fairness fairness = clients.assess();
  const GroupFairness& old = group(fairness, Attribute::AgeBand, "65_and_over");
  EXPECT_EQ(old.clients, kMinClients - 1);
  EXPECT_FALSE(old.approval_rate);
  EXPECT_FALSE(old.disparate_impact);
  EXPECT_FALSE(old.four_fifths);
  EXPECT_FALSE(old.true_positive_rate);
  EXPECT_FALSE(old.mean_probability);
  const GroupFairness& unknown_outcomes = group(fairness, Attribute::AgeBand, "50_64");
  EXPECT_DOUBLE_EQ(*unknown_outcomes.approval_rate, 0.9);
  EXPECT_FALSE(unknown_outcomes.false_positive_rate);
  EXPECT_FALSE(unknown_outcomes.default_rate);
  EXPECT_EQ(unknown_outcomes.with_outcome, 0u);
  // Men: 129 clients, but 29 outcomes known (5 defaulters): an approval rate only.
  const GroupFairness& men = group(fairness, Attribute::Sex, "M");
  EXPECT_TRUE(men.approval_rate);
  EXPECT_FALSE(men.true_positive_rate);
  EXPECT_FALSE(men.false_positive_rate);
  // Nobody in under_25: no figure, and the gaps use only the groups that have one.
  EXPECT_EQ(group(fairness, Attribute::AgeBand, "under_25").clients, 0u);
  EXPECT_FALSE(fairness.attributes[1].true_positive_rate_gap);  // only 25_34 has defaulters
}

TEST(Fairness, GroupsAreReadFromTheFeaturesAndTheReportRoundTripsThroughJson) {
  const std::vector<std::string> names = {"AMT_CREDIT", "CODE_GENDER_F", "CODE_GENDER_M",
                                          "DAYS_BIRTH"};
  const GroupColumns columns(names);
  auto of = [&](float female, float male, float days_birth) {
    const std::vector<float> row = {1000, female, male, days_birth};
    return columns.of(row);
  };
  EXPECT_EQ(of(1, 0, -20 * 365.25f).sex, 0);
  EXPECT_EQ(of(0, 1, -20 * 365.25f).sex, 1);
  EXPECT_EQ(of(0, 0, -20 * 365.25f).sex, kUnknownGroup);  // XNA
  EXPECT_EQ(of(1, 0, -24.9f * 365.25f).age_band, 0);
  EXPECT_EQ(of(1, 0, -25.1f * 365.25f).age_band, 1);
  EXPECT_EQ(of(1, 0, -40 * 365.25f).age_band, 2);
  EXPECT_EQ(of(1, 0, -64.9f * 365.25f).age_band, 3);
  EXPECT_EQ(of(1, 0, -70 * 365.25f).age_band, 4);
  EXPECT_EQ(of(1, 0, std::nanf("")).age_band, kUnknownGroup);
  const std::vector<std::string> without = {"AMT_CREDIT"};
  EXPECT_EQ(GroupColumns(without).of(std::vector<float>{1}).sex, kUnknownGroup);

  Clients clients;
  clients.add({0, 1}, 100, 10, 20);
  clients.add({1, 2}, 10, 5, 1);
  const Fairness fairness = clients.assess();
  const nlohmann::json document = to_json(fairness);
  EXPECT_EQ(to_json(fairness_from_json(document)), document);
  EXPECT_TRUE(document["attributes"][0]["groups"][1]["approval_rate"].is_null());
  nlohmann::json unknown = document;
  unknown["attributes"][0]["attribute"] = "religion";
  EXPECT_THROW(fairness_from_json(unknown), std::invalid_argument);
}

}  // namespace
}  // namespace creditscore::model
