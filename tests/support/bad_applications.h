// Every class of bad value an application and its history can hold, with what the refusal must
// say: one table for the API (a posted application) and the CSV path (`score`, `store build`),
// which apply the same rules (app/application_rules.h).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace creditscore::testing {

struct BadApplicationField {
  std::string column;
  nlohmann::json value;  // null: the field left out
  std::string problem;   // what the message must say about the column
};

inline const std::vector<BadApplicationField>& bad_application_fields() {
  static const std::vector<BadApplicationField> cases = {
      {"NAME_CONTRACT_TYPE", nullptr, "missing; every application gives it"},
      {"AMT_CREDIT", nullptr, "missing; every application gives it"},
      {"DAYS_BIRTH", nullptr, "missing; every application gives it"},
      {"AMT_INCOME_TOTAL", -1000, "must not be negative"},
      {"AMT_CREDIT", 2e10, "must be at most 1e10"},
      {"AMT_INCOME_TOTAL", 1e39, "out of range"},  // beyond a float: never an infinite feature
      {"CNT_CHILDREN", 2.5, "must be a whole number from 0 to 1000"},
      {"CNT_FAM_MEMBERS", 5000, "must be a whole number from 0 to 1000"},
      {"EXT_SOURCE_2", 1.5, "must be within [0, 1]"},
      {"FLAG_MOBIL", 2, "must be 0 or 1"},
      {"DAYS_BIRTH", 12000, "must be negative: days before the application"},
      {"DAYS_BIRTH", -40000, "must make an age from 18 to 100 years"},
      {"DAYS_BIRTH", -3000, "must make an age from 18 to 100 years"},
      {"DAYS_EMPLOYED", 500, "must be negative (days before the application) or 365243"},
      {"DAYS_REGISTRATION", 10, "must not be positive: days before the application"},
      {"DAYS_ID_PUBLISH", -50000, "must be within 100 years before the application"},
  };
  return cases;
}

// A bad value in a history row: the table as the API names it (its file without ".csv").
struct BadHistoryField {
  std::string table;
  std::string column;
  double value;
  std::string problem;
};

inline const std::vector<BadHistoryField>& bad_history_fields() {
  static const std::vector<BadHistoryField> cases = {
      {"bureau", "AMT_CREDIT_SUM_DEBT", -2e10, "must be within -1e10 and 1e10"},
      {"bureau", "DAYS_CREDIT", -60000, "must be within 150 years of the application"},
      {"bureau_balance", "MONTHS_BALANCE", 3, "must be a whole number of months from -1200 to 0"},
      {"previous_application", "NFLAG_INSURED_ON_APPROVAL", 3, "must be 0 or 1"},
      {"POS_CASH_balance", "SK_DPD", -1, "must be a whole number from 0 to 100000"},
      {"installments_payments", "NUM_INSTALMENT_NUMBER", 1.5,
       "must be a whole number from 0 to 100000"},
      {"credit_card_balance", "CNT_DRAWINGS_CURRENT", 2e5,
       "must be a whole number from 0 to 100000"},
  };
  return cases;
}

// A row of `table` holding `column` = `value` and the id it cannot do without.
inline nlohmann::json history_row(const std::string& table, const std::string& column,
                                  double value) {
  const bool bureau = table.rfind("bureau", 0) == 0;
  return {{bureau ? "SK_ID_BUREAU" : "SK_ID_PREV", 1}, {column, value}};
}

// A complete application: every field an application always gives, and a few more.
inline nlohmann::json complete_application() {
  return {{"NAME_CONTRACT_TYPE", "Cash loans"},
          {"CODE_GENDER", "F"},
          {"FLAG_OWN_CAR", "N"},
          {"FLAG_OWN_REALTY", "Y"},
          {"CNT_CHILDREN", 0},
          {"AMT_INCOME_TOTAL", 120000},
          {"AMT_CREDIT", 400000},
          {"AMT_ANNUITY", 20000},
          {"AMT_GOODS_PRICE", 350000},
          {"NAME_INCOME_TYPE", "Working"},
          {"NAME_EDUCATION_TYPE", "Secondary / secondary special"},
          {"NAME_FAMILY_STATUS", "Married"},
          {"NAME_HOUSING_TYPE", "House / apartment"},
          {"DAYS_BIRTH", -14000},
          {"DAYS_EMPLOYED", -2000}};
}

}  // namespace creditscore::testing
