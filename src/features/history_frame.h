// A history table as the aggregations read it: its numeric columns, with Kaggle's placeholder
// 365243 ("no date") turned into missing, plus the columns derived from it:
//   bureau:                MONTHS_BALANCE_MIN/_MAX/_SIZE and STATUS_<s>_MEAN, from the credit's
//                          months in bureau_balance (missing when it has none)
//   previous_application:  APP_CREDIT_PERC = AMT_APPLICATION / AMT_CREDIT
//   installments_payments: PAYMENT_PERC = AMT_PAYMENT / AMT_INSTALMENT,
//                          PAYMENT_DIFF = AMT_INSTALMENT - AMT_PAYMENT,
//                          DPD = days paid late, DBD = days paid early (each 0 at least)
// A ratio over zero or over a missing value is missing, never infinite.
#pragma once

#include <map>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "features/learned_categories.h"
#include "tables/dataset.h"

namespace creditscore::features {

class HistoryFrame {
 public:
  HistoryFrame(tables::TableId table, const tables::Dataset& data,
               const LearnedCategories& categories);

  // The tables a frame of `table` reads: the table itself, and bureau_balance for bureau.
  static std::vector<tables::TableId> sources(tables::TableId table);

  const tables::Table& table() const { return *table_; }
  // A numeric column, raw or derived. Throws std::out_of_range naming it when unknown.
  std::span<const float> numbers(const std::string& column) const;

 private:
  // Keeps a derived column of the table's rows.
  std::span<const float> own(const std::string& column, std::unique_ptr<float[]> values);

  const tables::Table* table_;
  std::map<std::string, std::span<const float>> columns_;
  std::vector<std::unique_ptr<float[]>> owned_;
};

// numerator / denominator, missing when either is missing or the denominator is 0.
float safe_ratio(float numerator, float denominator);

}  // namespace creditscore::features
