// The eight files of a Home Credit data set, read together, and the check of their foreign keys.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
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

  const Table& table(TableId id) const;
  Table& table(TableId id);
};

// Reads the eight files of `directory` (names as in Kaggle). Progress is in bytes over all files.
Dataset read_dataset(const std::filesystem::path& directory, const ProgressFn& progress = {});

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
