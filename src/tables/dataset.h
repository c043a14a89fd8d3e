// The eight files of a Home Credit data set, read together, and the check of their foreign keys.
// A lender may lack some of them (no card business, no new applications yet): an absent file is
// an empty table, listed in `absent`, so that each of its features is missing for every client.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "tables/progress.h"
#include "tables/table.h"

namespace creditscore::tables {

struct Dataset {
  Table application_train;
  Table application_test;
  Table bureau;
  Table bureau_balance;
  Table previous_application;
  Table pos_cash_balance;
  Table installments_payments;
  Table credit_card_balance;

  // The files that were not there when read, in all_tables() order; their tables are empty.
  std::vector<TableId> absent;
  // The seconds each file that was there took to read, on its own thread(s): files are read
  // side by side, so these add up to more than the time all took.
  std::map<TableId, double> read_seconds;

  const Table& table(TableId id) const;
  Table& table(TableId id);
  bool has(TableId id) const;
};

// Reads the files of `directory` (names as in Kaggle) that are there. Those of `required`, and at
// least one application file, must be: a missing one is a NotFound TableError naming it, before
// anything is read. Progress is in bytes over all files, its stage the file that reported, called
// from one thread at a time (not always the caller's). When files are unreadable, the error is
// that of the largest.
Dataset read_dataset(const std::filesystem::path& directory, const ProgressFn& progress = {},
                     const std::vector<TableId>& required = {});

// Rows whose id refers to nothing: a history row whose client is in neither application file,
// a bureau_balance month whose SK_ID_BUREAU is not in bureau, a POS/instalment/card row whose
// SK_ID_PREV is not in previous_application. Not fatal: reported and counted.
struct OrphanReport {
  std::string table;       // e.g. "bureau_balance.csv"
  std::string column;      // e.g. "SK_ID_BUREAU"
  std::string references;  // e.g. "bureau.csv"
  std::size_t rows = 0;    // rows that refer to nothing
  std::int64_t example_id = 0;
};

// One entry per foreign key checked, orphans or not, in all_tables() order.
std::vector<OrphanReport> find_orphans(const Dataset& dataset);

}  // namespace creditscore::tables
