// The expected layout of the seven Home Credit tables (eight files: the application table comes
// as train and test). The column names and their order are exactly those of the Kaggle files.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace creditscore::tables {

enum class ColumnKind {
  Id,        // SK_ID_CURR, SK_ID_BUREAU, SK_ID_PREV: integers held in 32 bits, never missing
  Number,    // any numeric field, stored as float, NaN when empty
  Category,  // text codes ("Cash loans", "XNA"...), dictionary-encoded
};

enum class TableId {
  ApplicationTrain,
  ApplicationTest,
  Bureau,
  BureauBalance,
  PreviousApplication,
  PosCashBalance,
  InstallmentsPayments,
  CreditCardBalance,
};

// Home Credit's placeholder for a day count that has no date: DAYS_EMPLOYED of a pensioner or
// of someone without work, the due dates of a credit that never reached them.
constexpr float kNoDate = 365243.0f;

// What a number measures, and so the bounds its values obey (see app/application_rules.h). The
// history tables have measures of their own: their amounts may be negative (a debt paid back) and
// their day counts positive (a due date to come).
enum class Measure {
  Unbounded,  // rates, seller areas, TARGET: any finite float
  // An application's numbers.
  Amount,    // money: AMT_*, 0 to 1e10
  DayCount,  // DAYS_*: days before the application, within a lifetime
  Count,     // CNT_*, requests, social circle, car age: whole numbers from 0 to 1000
  Share,     // EXT_SOURCE_*, relative population, normalised building figures: 0 to 1
  Flag,      // FLAG_*, NFLAG_*, REG_*_NOT_*, LIVE_*_NOT_*: 0 or 1
  // The history tables' numbers.
  Balance,      // AMT_*: money either way, at most 1e10 in size
  DayOffset,    // DAYS_*: days from the application either way, within 150 years
  MonthOffset,  // MONTHS_BALANCE: whole months before the application, within 100 years
  Tally,        // CNT_*, NUM_*, SK_DPD*, days overdue, hour: whole numbers from 0 to 100,000
};

struct ColumnSpec {
  std::string name;
  ColumnKind kind;
  bool may_hold_no_date = false;  // kNoDate in this column means "no such date", i.e. missing
  Measure measure = Measure::Unbounded;
  // Every real application gives it: never missing in Kaggle's 307,511 application_train rows
  // (the person, the household and the credit asked for).
  bool required = false;
};

struct TableSchema {
  TableId id;
  std::string file_name;  // e.g. "bureau.csv"
  std::vector<ColumnSpec> columns;

  // Position of a column, or nullopt when the table has no such column.
  std::optional<std::size_t> find(std::string_view column) const;
  // Position of a column; throws std::out_of_range naming the table and the column.
  std::size_t index_of(std::string_view column) const;
  // The header line as in the Kaggle file, without line ending.
  std::string header_line() const;
};

const TableSchema& schema_of(TableId table);
// All eight files, in a fixed order: train, test, bureau, bureau_balance, previous_application,
// POS_CASH_balance, installments_payments, credit_card_balance.
std::span<const TableId> all_tables();
// The table of a file name such as "bureau.csv", or nullopt.
std::optional<TableId> table_of_file(std::string_view file_name);

}  // namespace creditscore::tables
