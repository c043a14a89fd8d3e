#include "tables/schema.h"

#include <array>
#include <stdexcept>
#include <unordered_set>

#include "common/error.h"

namespace creditscore::tables {
namespace {

// Header lines exactly as in the Kaggle files. application_train is application_test with TARGET
// inserted after SK_ID_CURR.
constexpr std::string_view kApplicationTestHeader =
    "SK_ID_CURR,NAME_CONTRACT_TYPE,CODE_GENDER,FLAG_OWN_CAR,FLAG_OWN_REALTY,CNT_CHILDREN,"
    "AMT_INCOME_TOTAL,AMT_CREDIT,AMT_ANNUITY,AMT_GOODS_PRICE,NAME_TYPE_SUITE,"
    "NAME_INCOME_TYPE,NAME_EDUCATION_TYPE,NAME_FAMILY_STATUS,NAME_HOUSING_TYPE,"
    "REGION_POPULATION_RELATIVE,DAYS_BIRTH,DAYS_EMPLOYED,DAYS_REGISTRATION,DAYS_ID_PUBLISH,"
    "OWN_CAR_AGE,FLAG_MOBIL,FLAG_EMP_PHONE,FLAG_WORK_PHONE,FLAG_CONT_MOBILE,FLAG_PHONE,"
    "FLAG_EMAIL,OCCUPATION_TYPE,CNT_FAM_MEMBERS,REGION_RATING_CLIENT,"
    "REGION_RATING_CLIENT_W_CITY,WEEKDAY_APPR_PROCESS_START,HOUR_APPR_PROCESS_START,"
    "REG_REGION_NOT_LIVE_REGION,REG_REGION_NOT_WORK_REGION,LIVE_REGION_NOT_WORK_REGION,"
    "REG_CITY_NOT_LIVE_CITY,REG_CITY_NOT_WORK_CITY,LIVE_CITY_NOT_WORK_CITY,ORGANIZATION_TYPE,"
    "EXT_SOURCE_1,EXT_SOURCE_2,EXT_SOURCE_3,APARTMENTS_AVG,BASEMENTAREA_AVG,"
    "YEARS_BEGINEXPLUATATION_AVG,YEARS_BUILD_AVG,COMMONAREA_AVG,ELEVATORS_AVG,ENTRANCES_AVG,"
    "FLOORSMAX_AVG,FLOORSMIN_AVG,LANDAREA_AVG,LIVINGAPARTMENTS_AVG,LIVINGAREA_AVG,"
    "NONLIVINGAPARTMENTS_AVG,NONLIVINGAREA_AVG,APARTMENTS_MODE,BASEMENTAREA_MODE,"
    "YEARS_BEGINEXPLUATATION_MODE,YEARS_BUILD_MODE,COMMONAREA_MODE,ELEVATORS_MODE,"
    "ENTRANCES_MODE,FLOORSMAX_MODE,FLOORSMIN_MODE,LANDAREA_MODE,LIVINGAPARTMENTS_MODE,"
    "LIVINGAREA_MODE,NONLIVINGAPARTMENTS_MODE,NONLIVINGAREA_MODE,APARTMENTS_MEDI,"
    "BASEMENTAREA_MEDI,YEARS_BEGINEXPLUATATION_MEDI,YEARS_BUILD_MEDI,COMMONAREA_MEDI,"
    "ELEVATORS_MEDI,ENTRANCES_MEDI,FLOORSMAX_MEDI,FLOORSMIN_MEDI,LANDAREA_MEDI,"
    "LIVINGAPARTMENTS_MEDI,LIVINGAREA_MEDI,NONLIVINGAPARTMENTS_MEDI,NONLIVINGAREA_MEDI,"
    "FONDKAPREMONT_MODE,HOUSETYPE_MODE,TOTALAREA_MODE,WALLSMATERIAL_MODE,EMERGENCYSTATE_MODE,"
    "OBS_30_CNT_SOCIAL_CIRCLE,DEF_30_CNT_SOCIAL_CIRCLE,OBS_60_CNT_SOCIAL_CIRCLE,"
    "DEF_60_CNT_SOCIAL_CIRCLE,DAYS_LAST_PHONE_CHANGE,FLAG_DOCUMENT_2,FLAG_DOCUMENT_3,"
    "FLAG_DOCUMENT_4,FLAG_DOCUMENT_5,FLAG_DOCUMENT_6,FLAG_DOCUMENT_7,FLAG_DOCUMENT_8,"
    "FLAG_DOCUMENT_9,FLAG_DOCUMENT_10,FLAG_DOCUMENT_11,FLAG_DOCUMENT_12,FLAG_DOCUMENT_13,"
    "FLAG_DOCUMENT_14,FLAG_DOCUMENT_15,FLAG_DOCUMENT_16,FLAG_DOCUMENT_17,FLAG_DOCUMENT_18,"
    "FLAG_DOCUMENT_19,FLAG_DOCUMENT_20,FLAG_DOCUMENT_21,AMT_REQ_CREDIT_BUREAU_HOUR,"
    "AMT_REQ_CREDIT_BUREAU_DAY,AMT_REQ_CREDIT_BUREAU_WEEK,AMT_REQ_CREDIT_BUREAU_MON,"
    "AMT_REQ_CREDIT_BUREAU_QRT,AMT_REQ_CREDIT_BUREAU_YEAR";

constexpr std::string_view kBureauHeader =
    "SK_ID_CURR,SK_ID_BUREAU,CREDIT_ACTIVE,CREDIT_CURRENCY,DAYS_CREDIT,CREDIT_DAY_OVERDUE,"
    "DAYS_CREDIT_ENDDATE,DAYS_ENDDATE_FACT,AMT_CREDIT_MAX_OVERDUE,CNT_CREDIT_PROLONG,"
    "AMT_CREDIT_SUM,AMT_CREDIT_SUM_DEBT,AMT_CREDIT_SUM_LIMIT,AMT_CREDIT_SUM_OVERDUE,"
    "CREDIT_TYPE,DAYS_CREDIT_UPDATE,AMT_ANNUITY";

constexpr std::string_view kBureauBalanceHeader = "SK_ID_BUREAU,MONTHS_BALANCE,STATUS";

constexpr std::string_view kPreviousApplicationHeader =
    "SK_ID_PREV,SK_ID_CURR,NAME_CONTRACT_TYPE,AMT_ANNUITY,AMT_APPLICATION,AMT_CREDIT,"
    "AMT_DOWN_PAYMENT,AMT_GOODS_PRICE,WEEKDAY_APPR_PROCESS_START,HOUR_APPR_PROCESS_START,"
    "FLAG_LAST_APPL_PER_CONTRACT,NFLAG_LAST_APPL_IN_DAY,RATE_DOWN_PAYMENT,"
    "RATE_INTEREST_PRIMARY,RATE_INTEREST_PRIVILEGED,NAME_CASH_LOAN_PURPOSE,"
    "NAME_CONTRACT_STATUS,DAYS_DECISION,NAME_PAYMENT_TYPE,CODE_REJECT_REASON,NAME_TYPE_SUITE,"
    "NAME_CLIENT_TYPE,NAME_GOODS_CATEGORY,NAME_PORTFOLIO,NAME_PRODUCT_TYPE,CHANNEL_TYPE,"
    "SELLERPLACE_AREA,NAME_SELLER_INDUSTRY,CNT_PAYMENT,NAME_YIELD_GROUP,PRODUCT_COMBINATION,"
    "DAYS_FIRST_DRAWING,DAYS_FIRST_DUE,DAYS_LAST_DUE_1ST_VERSION,DAYS_LAST_DUE,"
    "DAYS_TERMINATION,NFLAG_INSURED_ON_APPROVAL";

constexpr std::string_view kPosCashBalanceHeader =
    "SK_ID_PREV,SK_ID_CURR,MONTHS_BALANCE,CNT_INSTALMENT,CNT_INSTALMENT_FUTURE,"
    "NAME_CONTRACT_STATUS,SK_DPD,SK_DPD_DEF";

constexpr std::string_view kInstallmentsPaymentsHeader =
    "SK_ID_PREV,SK_ID_CURR,NUM_INSTALMENT_VERSION,NUM_INSTALMENT_NUMBER,DAYS_INSTALMENT,"
    "DAYS_ENTRY_PAYMENT,AMT_INSTALMENT,AMT_PAYMENT";

constexpr std::string_view kCreditCardBalanceHeader =
    "SK_ID_PREV,SK_ID_CURR,MONTHS_BALANCE,AMT_BALANCE,AMT_CREDIT_LIMIT_ACTUAL,"
    "AMT_DRAWINGS_ATM_CURRENT,AMT_DRAWINGS_CURRENT,AMT_DRAWINGS_OTHER_CURRENT,"
    "AMT_DRAWINGS_POS_CURRENT,AMT_INST_MIN_REGULARITY,AMT_PAYMENT_CURRENT,"
    "AMT_PAYMENT_TOTAL_CURRENT,AMT_RECEIVABLE_PRINCIPAL,AMT_RECIVABLE,AMT_TOTAL_RECEIVABLE,"
    "CNT_DRAWINGS_ATM_CURRENT,CNT_DRAWINGS_CURRENT,CNT_DRAWINGS_OTHER_CURRENT,"
    "CNT_DRAWINGS_POS_CURRENT,CNT_INSTALMENT_MATURE_CUM,NAME_CONTRACT_STATUS,SK_DPD,"
    "SK_DPD_DEF";

// Text-coded columns; every other column is numeric, or an id when its name starts with SK_ID_.
const std::unordered_set<std::string_view>& category_columns() {
  static const std::unordered_set<std::string_view> names = {
      // application
      "NAME_CONTRACT_TYPE", "CODE_GENDER", "FLAG_OWN_CAR", "FLAG_OWN_REALTY", "NAME_TYPE_SUITE",
      "NAME_INCOME_TYPE", "NAME_EDUCATION_TYPE", "NAME_FAMILY_STATUS", "NAME_HOUSING_TYPE",
      "OCCUPATION_TYPE", "WEEKDAY_APPR_PROCESS_START", "ORGANIZATION_TYPE", "FONDKAPREMONT_MODE",
      "HOUSETYPE_MODE", "WALLSMATERIAL_MODE", "EMERGENCYSTATE_MODE",
      // bureau, bureau_balance
      "CREDIT_ACTIVE", "CREDIT_CURRENCY", "CREDIT_TYPE", "STATUS",
      // previous_application, POS_CASH_balance, credit_card_balance
      "FLAG_LAST_APPL_PER_CONTRACT", "NAME_CASH_LOAN_PURPOSE", "NAME_CONTRACT_STATUS",
      "NAME_PAYMENT_TYPE", "CODE_REJECT_REASON", "NAME_CLIENT_TYPE", "NAME_GOODS_CATEGORY",
      "NAME_PORTFOLIO", "NAME_PRODUCT_TYPE", "CHANNEL_TYPE", "NAME_SELLER_INDUSTRY",
      "NAME_YIELD_GROUP", "PRODUCT_COMBINATION"};
  return names;
}

ColumnKind kind_of(std::string_view name) {
  if (name.starts_with("SK_ID_")) return ColumnKind::Id;
  return category_columns().contains(name) ? ColumnKind::Category : ColumnKind::Number;
}

// The day counts in which Home Credit writes kNoDate for a date that does not exist.
bool may_hold_no_date(TableId table, std::string_view name) {
  if (table == TableId::ApplicationTrain || table == TableId::ApplicationTest)
    return name == "DAYS_EMPLOYED";
  return table == TableId::PreviousApplication &&
         (name == "DAYS_FIRST_DRAWING" || name == "DAYS_FIRST_DUE" ||
          name == "DAYS_LAST_DUE_1ST_VERSION" || name == "DAYS_LAST_DUE" ||
          name == "DAYS_TERMINATION");
}

bool is_application(TableId table) {
  return table == TableId::ApplicationTrain || table == TableId::ApplicationTest;
}

Measure history_measure_of(std::string_view name) {
  if (name.starts_with("AMT_")) return Measure::Balance;
  if (name.starts_with("DAYS_")) return Measure::DayOffset;
  if (name == "MONTHS_BALANCE") return Measure::MonthOffset;
  if (name.starts_with("CNT_") || name.starts_with("NUM_") || name.starts_with("SK_DPD") ||
      name == "CREDIT_DAY_OVERDUE" || name == "HOUR_APPR_PROCESS_START")
    return Measure::Tally;
  if (name.starts_with("NFLAG_")) return Measure::Flag;
  return Measure::Unbounded;
}

Measure measure_of(TableId table, std::string_view name) {
  if (name.starts_with("SK_ID_")) return Measure::Unbounded;
  if (!is_application(table)) return history_measure_of(name);
  if (name == "TARGET") return Measure::Unbounded;
  if (name.starts_with("AMT_REQ_CREDIT_BUREAU_") || name.starts_with("CNT_") ||
      name.ends_with("_CNT_SOCIAL_CIRCLE") || name == "OWN_CAR_AGE")
    return Measure::Count;
  if (name.starts_with("AMT_")) return Measure::Amount;
  if (name.starts_with("DAYS_")) return Measure::DayCount;
  if (name.starts_with("FLAG_") || name.find("_NOT_") != std::string_view::npos)
    return Measure::Flag;
  if (name.starts_with("EXT_SOURCE_") || name == "REGION_POPULATION_RELATIVE" ||
      name.ends_with("_AVG") || name.ends_with("_MODE") || name.ends_with("_MEDI"))
    return Measure::Share;
  return Measure::Unbounded;
}

bool is_required(TableId table, std::string_view name) {
  static const std::unordered_set<std::string_view> required = {
      "NAME_CONTRACT_TYPE",  "CODE_GENDER",        "FLAG_OWN_CAR",      "FLAG_OWN_REALTY",
      "CNT_CHILDREN",        "AMT_INCOME_TOTAL",   "AMT_CREDIT",        "NAME_INCOME_TYPE",
      "NAME_EDUCATION_TYPE", "NAME_FAMILY_STATUS", "NAME_HOUSING_TYPE", "DAYS_BIRTH",
      "DAYS_EMPLOYED"};
  return is_application(table) && required.contains(name);
}

ColumnSpec column_spec(TableId table, std::string_view name, ColumnKind kind) {
  return {std::string(name), kind, may_hold_no_date(table, name), measure_of(table, name),
          is_required(table, name)};
}

TableSchema make_schema(TableId id, std::string file_name, std::string_view header) {
  TableSchema schema{id, std::move(file_name), {}};
  std::size_t start = 0;
  while (start <= header.size()) {
    std::size_t comma = header.find(',', start);
    if (comma == std::string_view::npos) comma = header.size();
    std::string_view name = header.substr(start, comma - start);
    schema.columns.push_back(column_spec(id, name, kind_of(name)));
    start = comma + 1;
  }
  return schema;
}

TableSchema make_train_schema() {
  TableSchema schema =
      make_schema(TableId::ApplicationTrain, "application_train.csv", kApplicationTestHeader);
  schema.columns.insert(schema.columns.begin() + 1, {"TARGET", ColumnKind::Number});
  return schema;
}

const std::array<TableSchema, 8>& schemas() {
  static const std::array<TableSchema, 8> all = {
      make_train_schema(),
      make_schema(TableId::ApplicationTest, "application_test.csv", kApplicationTestHeader),
      make_schema(TableId::Bureau, "bureau.csv", kBureauHeader),
      make_schema(TableId::BureauBalance, "bureau_balance.csv", kBureauBalanceHeader),
      make_schema(TableId::PreviousApplication, "previous_application.csv",
                  kPreviousApplicationHeader),
      make_schema(TableId::PosCashBalance, "POS_CASH_balance.csv", kPosCashBalanceHeader),
      make_schema(TableId::InstallmentsPayments, "installments_payments.csv",
                  kInstallmentsPaymentsHeader),
      make_schema(TableId::CreditCardBalance, "credit_card_balance.csv", kCreditCardBalanceHeader),
  };
  return all;
}

constexpr std::array<TableId, 8> kAllTables = {
    TableId::ApplicationTrain,     TableId::ApplicationTest,     TableId::Bureau,
    TableId::BureauBalance,        TableId::PreviousApplication, TableId::PosCashBalance,
    TableId::InstallmentsPayments, TableId::CreditCardBalance,
};

}  // namespace

std::optional<std::size_t> TableSchema::find(std::string_view column) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i].name == column) return i;
  }
  return std::nullopt;
}

std::size_t TableSchema::index_of(std::string_view column) const {
  if (auto index = find(column)) return *index;
  throw not_found(file_name + " has no column " + std::string(column));
}

std::string TableSchema::header_line() const {
  std::string line;
  for (const ColumnSpec& column : columns) {
    if (!line.empty()) line += ',';
    line += column.name;
  }
  return line;
}

const TableSchema& schema_of(TableId table) {
  return schemas()[static_cast<std::size_t>(table)];
}

std::span<const TableId> all_tables() {
  return kAllTables;
}

std::optional<TableId> table_of_file(std::string_view file_name) {
  for (TableId id : kAllTables) {
    if (schema_of(id).file_name == file_name) return id;
  }
  return std::nullopt;
}

}  // namespace creditscore::tables
