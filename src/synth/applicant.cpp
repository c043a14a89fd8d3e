#include "synth/applicant.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "synth/vocabulary.h"

namespace creditscore::synth {
namespace {

constexpr double kMissing = std::numeric_limits<double>::quiet_NaN();
constexpr int kPensionerDays = 365243;  // Kaggle's placeholder for "not employed"

// Shares as in the Kaggle application table.
const Vocabulary kSuite = {{"Unaccompanied", 81.2}, {"Family", 13.1}, {"Spouse, partner", 3.7},
                           {"Children", 1.1},       {"Other_B", 0.6}, {"Other_A", 0.3},
                           {"Group of people", 0.1}};
const Vocabulary kWorkingIncome = {{"Working", 63.0},      {"Commercial associate", 28.4},
                                   {"State servant", 8.6}, {"Student", 0.01},
                                   {"Businessman", 0.01},  {"Maternity leave", 0.01}};
// Education of clients without a higher education (drawn apart, since it is a latent trait).
const Vocabulary kOtherEducation = {
    {"Secondary / secondary special", 71.0}, {"Incomplete higher", 3.3}, {"Lower secondary", 1.2}};
const Vocabulary kFamily = {{"Married", 63.9},       {"Single / not married", 14.8},
                            {"Civil marriage", 9.7}, {"Separated", 6.4},
                            {"Widow", 5.2},          {"Unknown", 0.001}};
const Vocabulary kHousing = {{"House / apartment", 88.7},  {"With parents", 4.8},
                             {"Municipal apartment", 3.6}, {"Rented apartment", 1.6},
                             {"Office apartment", 0.85},   {"Co-op apartment", 0.36}};
const Vocabulary kOccupation = {{"Laborers", 26.1},
                                {"Sales staff", 15.2},
                                {"Core staff", 13.1},
                                {"Managers", 10.1},
                                {"Drivers", 8.8},
                                {"High skill tech staff", 5.4},
                                {"Accountants", 4.6},
                                {"Medicine staff", 4.0},
                                {"Security staff", 3.2},
                                {"Cooking staff", 2.8},
                                {"Cleaning staff", 2.2},
                                {"Private service staff", 1.3},
                                {"Low-skill Laborers", 1.0},
                                {"Waiters/barmen staff", 0.64},
                                {"Secretaries", 0.62},
                                {"Realty agents", 0.35},
                                {"HR staff", 0.27},
                                {"IT staff", 0.25}};
const Vocabulary kWeekday = {{"TUESDAY", 17.5},  {"WEDNESDAY", 16.9}, {"MONDAY", 16.5},
                             {"THURSDAY", 16.4}, {"FRIDAY", 16.4},    {"SATURDAY", 11.0},
                             {"SUNDAY", 5.3}};
const Vocabulary kOrganization = {{"Business Entity Type 3", 27.0},
                                  {"Self-employed", 15.3},
                                  {"Other", 6.6},
                                  {"Medicine", 4.4},
                                  {"Business Entity Type 2", 4.2},
                                  {"Government", 4.1},
                                  {"School", 3.5},
                                  {"Trade: type 7", 3.1},
                                  {"Kindergarten", 2.7},
                                  {"Construction", 2.7},
                                  {"Business Entity Type 1", 2.4},
                                  {"Transport: type 4", 2.1},
                                  {"Trade: type 3", 1.4},
                                  {"Industry: type 9", 1.3},
                                  {"Industry: type 3", 1.3},
                                  {"Security", 1.3},
                                  {"Housing", 1.2},
                                  {"Industry: type 11", 1.1},
                                  {"Military", 1.05},
                                  {"Bank", 1.0},
                                  {"Agriculture", 1.0},
                                  {"Police", 0.93},
                                  {"Transport: type 2", 0.88},
                                  {"Postal", 0.86},
                                  {"Security Ministries", 0.78},
                                  {"Trade: type 2", 0.76},
                                  {"Restaurant", 0.72},
                                  {"Services", 0.62},
                                  {"University", 0.53},
                                  {"Industry: type 7", 0.52},
                                  {"Transport: type 3", 0.48},
                                  {"Industry: type 1", 0.41},
                                  {"Hotel", 0.38},
                                  {"Electricity", 0.38},
                                  {"Industry: type 4", 0.35},
                                  {"Trade: type 6", 0.25},
                                  {"Industry: type 5", 0.24},
                                  {"Insurance", 0.24},
                                  {"Telecom", 0.23},
                                  {"Emergency", 0.22},
                                  {"Industry: type 2", 0.18},
                                  {"Advertising", 0.17},
                                  {"Realtor", 0.16},
                                  {"Culture", 0.15},
                                  {"Industry: type 12", 0.15},
                                  {"Trade: type 1", 0.14},
                                  {"Mobile", 0.13},
                                  {"Legal Services", 0.12},
                                  {"Cleaning", 0.1},
                                  {"Transport: type 1", 0.08},
                                  {"Industry: type 6", 0.04},
                                  {"Industry: type 10", 0.04},
                                  {"Religion", 0.03},
                                  {"Industry: type 13", 0.03},
                                  {"Trade: type 4", 0.02},
                                  {"Trade: type 5", 0.02},
                                  {"Industry: type 8", 0.01}};
const Vocabulary kFondkapremont = {{"reg oper account", 75.0},
                                   {"reg oper spec account", 12.1},
                                   {"not specified", 6.0},
                                   {"org spec account", 5.7}};
const Vocabulary kHouseType = {
    {"block of flats", 98.2}, {"specific housing", 1.0}, {"terraced house", 0.8}};
const Vocabulary kWalls = {{"Panel", 42.9}, {"Stone, brick", 42.2}, {"Block", 6.1}, {"Wooden", 3.5},
                           {"Mixed", 1.5},  {"Monolithic", 1.2},    {"Others", 1.1}};

// Building-information columns: name stem and the share missing even when the building is known.
struct BuildingColumn {
  std::string_view stem;
  double extra_missing;
  double typical;  // mean of the normalised value
};
constexpr std::array<BuildingColumn, 14> kBuilding = {{
    {"APARTMENTS", 0.02, 0.12},
    {"BASEMENTAREA", 0.16, 0.09},
    {"YEARS_BEGINEXPLUATATION", 0.0, 0.98},
    {"YEARS_BUILD", 0.32, 0.75},
    {"COMMONAREA", 0.40, 0.045},
    {"ELEVATORS", 0.06, 0.08},
    {"ENTRANCES", 0.01, 0.15},
    {"FLOORSMAX", 0.0, 0.23},
    {"FLOORSMIN", 0.36, 0.23},
    {"LANDAREA", 0.18, 0.066},
    {"LIVINGAPARTMENTS", 0.37, 0.1},
    {"LIVINGAREA", 0.01, 0.11},
    {"NONLIVINGAPARTMENTS", 0.39, 0.009},
    {"NONLIVINGAREA", 0.11, 0.03},
}};

// Documents: column suffix and the share of clients who gave it.
constexpr std::array<std::pair<int, double>, 20> kDocuments = {{
    {2, 0.00004},  {3, 0.71},    {4, 0.0001},  {5, 0.015},    {6, 0.088},
    {7, 0.0002},   {8, 0.081},   {9, 0.004},   {10, 0.00002}, {11, 0.004},
    {12, 0.00001}, {13, 0.0035}, {14, 0.003},  {15, 0.0012},  {16, 0.01},
    {17, 0.0003},  {18, 0.008},  {19, 0.0006}, {20, 0.0005},  {21, 0.0003},
}};

double round_to(double value, double step) {
  return std::round(value / step) * step;
}

}  // namespace

Applicant draw_applicant(Random& random, std::int64_t id, bool train, bool drifted) {
  Applicant a;
  a.id = id;
  a.train = train;
  a.drifted = drifted;
  a.risk = random.normal();
  const double wealth = random.normal();
  a.age_years = std::clamp(
      random.normal(43.5 - 3.0 * a.risk + (drifted ? kDrift.age_shift_years : 0.0), 11.5), 20.5,
      69.0);
  const bool pensioner = a.age_years > 55 ? random.chance(0.75) : random.chance(0.01);
  a.employed_years = pensioner ? kMissing
                               : std::min(a.age_years - 18.5,
                                          random.lognormal(4.5 * std::exp(-0.25 * a.risk), 0.9));
  a.male = random.chance(logistic(-0.65 + 0.25 * a.risk));
  a.higher_education = random.chance(logistic(-1.2 + 0.7 * wealth - 0.3 * a.risk));
  a.own_car = random.chance(logistic(-0.7 + 0.6 * wealth + (a.male ? 0.5 : -0.3)));
  a.region_rating = random.chance(0.10 + 0.04 * wealth)   ? 1
                    : random.chance(0.17 + 0.03 * a.risk) ? 3
                                                          : 2;
  a.revolving = random.chance(drifted ? kDrift.revolving_share : kRevolvingShare);
  a.income =
      round_to(std::max(25650.0, random.lognormal(147150 * std::exp(0.3 * wealth), 0.38)), 2250);
  const double credit_to_income = random.lognormal(3.3 * std::exp(0.1 * a.risk), 0.55);
  if (a.revolving) {
    a.credit = round_to(std::clamp(a.income * credit_to_income / 4, 45000.0, 1350000.0), 22500);
    a.annuity = a.credit * 0.05;
    a.goods_price = a.credit;
  } else {
    a.credit = round_to(std::clamp(a.income * credit_to_income, 45000.0, 4050000.0), 0.5);
    const double months = std::clamp(std::round(random.lognormal(24, 0.5)), 6.0, 72.0);
    const double rate = random.uniform(0.008, 0.022);
    a.annuity = round_to(a.credit * rate / (1 - std::pow(1 + rate, -months)), 0.5);
    // Insurance and fees can push the credit above the goods' price; risky clients more often.
    const double financed = std::clamp(random.normal(0.9 - 0.03 * a.risk, 0.07), 0.5, 1.0);
    a.goods_price = round_to(a.credit * financed, 4500);
  }
  a.ext_source_1 =
      random.chance(0.56)
          ? kMissing
          : logistic(0.1 - 0.75 * a.risk + 0.6 * random.normal() + 0.02 * (a.age_years - 43));
  a.ext_source_2 =
      random.chance(0.002) ? kMissing : logistic(0.3 - 0.8 * a.risk + 0.7 * random.normal());
  a.ext_source_3 = random.chance(0.2) ? kMissing
                                      : logistic(0.1 - 0.8 * a.risk + 0.7 * random.normal() +
                                                 (drifted ? kDrift.ext_source_3_shift : 0.0));
  // Declared incomes inflate; what the client borrows does not follow.
  if (drifted) a.income = round_to(a.income * kDrift.income_factor, 2250);
  return a;
}

void write_application(const Applicant& a, Random& random, RowWriter& row) {
  const bool pensioner = std::isnan(a.employed_years);
  row.integer("SK_ID_CURR", a.id);
  row.text("NAME_CONTRACT_TYPE", a.revolving ? "Revolving loans" : "Cash loans");
  row.text("CODE_GENDER", random.chance(0.00002) ? "XNA" : a.male ? "M" : "F");
  row.text("FLAG_OWN_CAR", a.own_car ? "Y" : "N");
  row.text("FLAG_OWN_REALTY", random.chance(0.69) ? "Y" : "N");
  const int children = std::min(random.poisson(0.42), 12);
  row.integer("CNT_CHILDREN", children);
  row.number("AMT_INCOME_TOTAL", a.income);
  row.number("AMT_CREDIT", a.credit);
  if (!random.chance(0.00004)) row.number("AMT_ANNUITY", a.annuity);
  if (!random.chance(0.0009)) row.number("AMT_GOODS_PRICE", a.goods_price);
  if (!random.chance(0.004)) row.text("NAME_TYPE_SUITE", kSuite.draw(random));
  row.text("NAME_INCOME_TYPE", pensioner ? (random.chance(0.9997) ? "Pensioner" : "Unemployed")
                                         : kWorkingIncome.draw(random));
  row.text("NAME_EDUCATION_TYPE",
           a.higher_education ? (random.chance(0.998) ? "Higher education" : "Academic degree")
                              : kOtherEducation.draw(random));
  const std::string_view family = kFamily.draw(random);
  row.text("NAME_FAMILY_STATUS", family);
  row.text("NAME_HOUSING_TYPE", kHousing.draw(random));
  const double population = random.lognormal(0.018 + 0.01 * (2 - a.region_rating), 0.6);
  row.number("REGION_POPULATION_RELATIVE", std::clamp(population, 0.00029, 0.0725), 6);
  row.integer("DAYS_BIRTH", -static_cast<std::int64_t>(a.age_years * 365.25));
  row.integer("DAYS_EMPLOYED", pensioner
                                   ? kPensionerDays
                                   : -static_cast<std::int64_t>(a.employed_years * 365.25) - 1);
  row.number("DAYS_REGISTRATION",
             -std::floor(random.uniform(0, std::min(24000.0, a.age_years * 330))));
  row.integer("DAYS_ID_PUBLISH", -random.integer(0, 7197));
  if (a.own_car) row.number("OWN_CAR_AGE", std::floor(std::min(65.0, random.lognormal(9, 0.8))));
  row.integer("FLAG_MOBIL", 1);
  row.integer("FLAG_EMP_PHONE", pensioner ? 0 : 1);
  row.integer("FLAG_WORK_PHONE", random.chance(0.2) ? 1 : 0);
  row.integer("FLAG_CONT_MOBILE", random.chance(0.998) ? 1 : 0);
  row.integer("FLAG_PHONE", random.chance(0.28) ? 1 : 0);
  row.integer("FLAG_EMAIL", random.chance(0.057) ? 1 : 0);
  if (!pensioner && random.chance(0.81)) row.text("OCCUPATION_TYPE", kOccupation.draw(random));
  const bool couple = family == "Married" || family == "Civil marriage";
  if (!random.chance(0.00001)) row.number("CNT_FAM_MEMBERS", 1 + children + (couple ? 1 : 0));
  row.integer("REGION_RATING_CLIENT", a.region_rating);
  row.integer("REGION_RATING_CLIENT_W_CITY",
              random.chance(0.93)
                  ? a.region_rating
                  : std::clamp(a.region_rating + (random.chance(0.5) ? 1 : -1), 1, 3));
  row.text("WEEKDAY_APPR_PROCESS_START", kWeekday.draw(random));
  row.integer("HOUR_APPR_PROCESS_START",
              std::clamp<std::int64_t>(std::llround(random.normal(12, 3.3)), 0, 23));
  const bool works_elsewhere = random.chance(0.23);
  row.integer("REG_REGION_NOT_LIVE_REGION", random.chance(0.015) ? 1 : 0);
  row.integer("REG_REGION_NOT_WORK_REGION", works_elsewhere && random.chance(0.22) ? 1 : 0);
  row.integer("LIVE_REGION_NOT_WORK_REGION", works_elsewhere && random.chance(0.18) ? 1 : 0);
  row.integer("REG_CITY_NOT_LIVE_CITY", random.chance(0.078) ? 1 : 0);
  row.integer("REG_CITY_NOT_WORK_CITY", works_elsewhere ? 1 : 0);
  row.integer("LIVE_CITY_NOT_WORK_CITY", works_elsewhere && random.chance(0.78) ? 1 : 0);
  row.text("ORGANIZATION_TYPE", pensioner ? "XNA"
                                : a.drifted && random.chance(kDrift.new_organization_share)
                                    ? kDrift.new_organization
                                    : kOrganization.draw(random));
  row.optional_number("EXT_SOURCE_1",
                      std::isnan(a.ext_source_1) ? std::nullopt : std::optional(a.ext_source_1));
  row.optional_number("EXT_SOURCE_2",
                      std::isnan(a.ext_source_2) ? std::nullopt : std::optional(a.ext_source_2));
  row.optional_number("EXT_SOURCE_3",
                      std::isnan(a.ext_source_3) ? std::nullopt : std::optional(a.ext_source_3));

  // The building the client lives in: known for about half of the clients.
  if (random.chance(0.51)) {
    const double size = random.lognormal(1.0, 0.5);
    for (const BuildingColumn& column : kBuilding) {
      if (random.chance(column.extra_missing)) continue;
      const double avg =
          std::clamp(column.typical * (column.typical > 0.5 ? 1.0 + 0.02 * random.normal()
                                                            : size * random.lognormal(1, 0.3)),
                     0.0, 1.0);
      const std::string stem(column.stem);
      row.number(stem + "_AVG", avg, 4);
      row.number(stem + "_MODE", std::clamp(avg * random.uniform(0.95, 1.05), 0.0, 1.0), 4);
      row.number(stem + "_MEDI", std::clamp(avg * random.uniform(0.98, 1.02), 0.0, 1.0), 4);
    }
    if (random.chance(0.63)) row.text("FONDKAPREMONT_MODE", kFondkapremont.draw(random));
    if (random.chance(0.98)) row.text("HOUSETYPE_MODE", kHouseType.draw(random));
    if (random.chance(0.98))
      row.number("TOTALAREA_MODE", std::min(1.0, 0.1 * size * random.lognormal(1, 0.4)), 4);
    if (random.chance(0.96)) row.text("WALLSMATERIAL_MODE", kWalls.draw(random));
    if (random.chance(0.99)) row.text("EMERGENCYSTATE_MODE", random.chance(0.986) ? "No" : "Yes");
  }
  if (!random.chance(0.0033)) {
    const int observed = random.poisson(1.4);
    const int defaulted = random.poisson(0.1 * (1 + 0.5 * std::max(0.0, a.risk)));
    row.number("OBS_30_CNT_SOCIAL_CIRCLE", observed);
    row.number("DEF_30_CNT_SOCIAL_CIRCLE", std::min(observed, defaulted));
    row.number("OBS_60_CNT_SOCIAL_CIRCLE",
               observed - (random.chance(0.05) ? std::min(observed, 1) : 0));
    // Fewer defaults seen over 60 days than over 30, never fewer than none.
    const int seen = std::min(observed, defaulted);
    row.number("DEF_60_CNT_SOCIAL_CIRCLE", seen - (random.chance(0.2) && seen > 0 ? 1 : 0));
  }
  // Kaggle's longest is 4,292 days; the log-normal's tail would reach past a lifetime.
  row.number("DAYS_LAST_PHONE_CHANGE",
             random.chance(0.12) ? 0.0 : -std::min(4292.0, std::floor(random.lognormal(750, 0.9))));
  for (const auto& [number, share] : kDocuments) {
    row.integer("FLAG_DOCUMENT_" + std::to_string(number), random.chance(share) ? 1 : 0);
  }
  if (!random.chance(0.135)) {
    row.number("AMT_REQ_CREDIT_BUREAU_HOUR", random.chance(0.005) ? 1 : 0);
    row.number("AMT_REQ_CREDIT_BUREAU_DAY", random.chance(0.005) ? 1 : 0);
    row.number("AMT_REQ_CREDIT_BUREAU_WEEK", random.chance(0.03) ? 1 : 0);
    row.number("AMT_REQ_CREDIT_BUREAU_MON", random.chance(0.17) ? random.poisson(1) + 1 : 0);
    row.number("AMT_REQ_CREDIT_BUREAU_QRT", random.chance(0.19) ? random.poisson(0.3) + 1 : 0);
    row.number("AMT_REQ_CREDIT_BUREAU_YEAR", random.poisson(1.9 * std::exp(0.15 * a.risk)));
  }
}

}  // namespace creditscore::synth
