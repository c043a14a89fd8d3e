// The values of every categorical column as seen in the training data. Fixed once learned: the
// one-hot features are these values, in sorted order, so serving encodes exactly as training did.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "tables/dataset.h"

namespace creditscore::features {

struct CategoryList {
  std::vector<std::string> values;  // sorted
  bool has_missing = false;         // some training rows had no value

  // Position of each code of `column` (a table's own dictionary) in this list; kMissingSlot for
  // an empty field, kOtherSlot for a value training never saw.
  std::vector<int> slots_of(const tables::Column& column) const;
  static constexpr int kMissingSlot = -1;
  static constexpr int kOtherSlot = -2;
};

class LearnedCategories {
 public:
  // Learns from the training applications and every history table.
  static LearnedCategories fit(const tables::Dataset& training);

  // Application columns are keyed by TableId::ApplicationTrain. Throws std::out_of_range naming
  // the column when it was not learned.
  const CategoryList& of(tables::TableId table, const std::string& column) const;

  nlohmann::json to_json() const;
  // Throws std::invalid_argument naming what is malformed.
  static LearnedCategories from_json(const nlohmann::json& document);

 private:
  std::map<std::pair<tables::TableId, std::string>, CategoryList> lists_;
};

}  // namespace creditscore::features
