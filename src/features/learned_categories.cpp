#include "features/learned_categories.h"

#include <algorithm>
#include <stdexcept>

#include "common/error.h"
#include "common/parallel.h"

namespace creditscore::features {
namespace {

using tables::TableId;

// The tables whose categorical columns are learned; the application's from the train file.
constexpr TableId kLearnedTables[] = {TableId::ApplicationTrain, TableId::Bureau,
                                      TableId::BureauBalance,    TableId::PreviousApplication,
                                      TableId::PosCashBalance,   TableId::CreditCardBalance};

}  // namespace

std::vector<int> CategoryList::slots_of(const tables::Column& column) const {
  std::vector<int> slots(column.categories.size(), kOtherSlot);
  for (std::size_t code = 0; code < column.categories.size(); ++code) {
    const auto found = std::lower_bound(values.begin(), values.end(), column.categories[code]);
    if (found != values.end() && *found == column.categories[code])
      slots[code] = static_cast<int>(found - values.begin());
  }
  return slots;
}

LearnedCategories LearnedCategories::fit(const tables::Dataset& training) {
  std::vector<std::pair<TableId, std::size_t>> columns;  // every categorical column learned
  for (TableId id : kLearnedTables) {
    const tables::Table& table = training.table(id);
    for (std::size_t c = 0; c < table.column_count(); ++c) {
      if (table.column(c).kind == tables::ColumnKind::Category) columns.emplace_back(id, c);
    }
  }
  std::vector<CategoryList> lists(columns.size());
  parallel_for(columns.size(), [&](std::size_t k) {
    const tables::Column& column = training.table(columns[k].first).column(columns[k].second);
    std::vector<char> used(column.categories.size(), 0);
    CategoryList& list = lists[k];
    for (std::int32_t code : column.codes) {
      if (code == tables::kMissingCode) {
        list.has_missing = true;
      } else {
        used[static_cast<std::size_t>(code)] = 1;
      }
    }
    for (std::size_t code = 0; code < used.size(); ++code) {
      if (used[code]) list.values.push_back(column.categories[code]);
    }
    std::sort(list.values.begin(), list.values.end());
  });
  LearnedCategories learned;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const auto [id, c] = columns[k];
    learned.lists_[{id, training.table(id).schema().columns[c].name}] = std::move(lists[k]);
  }
  return learned;
}

const CategoryList& LearnedCategories::of(TableId table, const std::string& column) const {
  if (table == TableId::ApplicationTest) table = TableId::ApplicationTrain;
  const auto found = lists_.find({table, column});
  if (found == lists_.end()) {
    throw internal_error("no learned categories for " + column + " of " +
                         tables::schema_of(table).file_name);
  }
  return found->second;
}

nlohmann::json LearnedCategories::to_json() const {
  nlohmann::json document = nlohmann::json::array();
  for (const auto& [key, list] : lists_) {
    document.push_back({{"table", tables::schema_of(key.first).file_name},
                        {"column", key.second},
                        {"values", list.values},
                        {"has_missing", list.has_missing}});
  }
  return document;
}

LearnedCategories LearnedCategories::from_json(const nlohmann::json& document) {
  if (!document.is_array()) throw corrupt("learned categories: expected an array");
  LearnedCategories learned;
  for (const nlohmann::json& item : document) {
    const std::string file = item.value("table", "");
    const auto table =
        std::find_if(std::begin(kLearnedTables), std::end(kLearnedTables),
                     [&](TableId id) { return tables::schema_of(id).file_name == file; });
    if (table == std::end(kLearnedTables) || !item.contains("column") || !item.contains("values")) {
      throw corrupt("learned categories: malformed entry " + item.dump().substr(0, 80));
    }
    CategoryList list{item["values"].get<std::vector<std::string>>(),
                      item.value("has_missing", false)};
    if (!std::is_sorted(list.values.begin(), list.values.end())) {
      throw corrupt("learned categories of " + item["column"].get<std::string>() + ": not sorted");
    }
    learned.lists_[{*table, item["column"].get<std::string>()}] = std::move(list);
  }
  return learned;
}

}  // namespace creditscore::features
