// What an advisor reads first about a client's history, from the feature vector alone (so it is
// the same for a stored client and one posted later through the API): bureau credits (how many,
// how many active, total debt, longest current overdue), previous applications (how many, share
// refused), past instalments (how many, longest and mean delay) and credit card utilisation.
//
// The result is a JSON object {"history": [{"key", "label_fr", "label_en", "unit", "value"}...]}
// with unit one of count, amount, days, share. A missing value is null, never NaN; an entry whose
// features the catalogue does not have is left out.
//
// The feature plan has no count of bureau credits or previous applications; they are recovered
// from the aggregates: the total and the mean of a column given on (nearly) every row give the
// number of rows where it is given, a lower bound, and the shares of each category (k rows of n)
// fix n as the smallest count from that bound that makes every share a whole number of rows.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace creditscore::store {

// Rows of a history table, from `sum` and `mean` of a column and the category shares of the rows.
// Nullopt when neither the bound nor the shares settle it.
std::optional<std::size_t> history_row_count(float sum, float mean, std::span<const float> shares);

class HistorySummary {
 public:
  // Finds the features it reads by name, once.
  explicit HistorySummary(std::span<const std::string> feature_names);

  // `features` holds one value per feature name. Pure: the same vector gives the same document.
  nlohmann::ordered_json operator()(std::span<const float> features) const;

 private:
  using Index = std::optional<std::size_t>;
  struct HistoryTable {
    Index sum, mean;                  // a column given on (nearly) every row
    std::vector<std::size_t> shares;  // every category share of the table's rows
  };
  std::optional<std::size_t> rows(const HistoryTable& table, std::span<const float> features) const;

  HistoryTable bureau_, previous_;
  Index active_share_, debt_sum_, overdue_days_max_, refused_share_;
  Index instalments_, days_late_max_, days_late_mean_;
  Index card_balance_mean_, card_limit_mean_;
};

}  // namespace creditscore::store
