// The list of features and how each is computed: the single definition that both the catalogue
// (names, labels, descriptions) and the builder (values) read, so they cannot disagree.
//
// Following the public Kaggle kernel "LightGBM with simple features": application fields as they
// are plus five ratios and one-hot categories; per history table, aggregates of its columns over
// the client's rows (and over active/closed bureau credits, approved/refused applications) and the
// share of rows in each category. Prefixes BURO_, ACTIVE_, CLOSED_, PREV_, APPROVED_, REFUSED_,
// POS_, INSTAL_, CC_.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "features/aggregation.h"
#include "features/client_wording.h"
#include "features/column_labels.h"
#include "features/display_unit.h"
#include "features/learned_categories.h"

namespace creditscore::features {

struct FeatureInfo {
  std::string name;
  tables::TableId table;                 // where its values come from
  std::string description;               // how it is computed, in words
  Label label;                           // what an advisor reads
  std::size_t concept_index = 0;         // in FeaturePlan::concepts
  DisplayUnit unit = DisplayUnit::AsIs;  // how its values read
};

// What a person knows as one thing, made of related features: one field's one-hot columns (the
// contract type), the aggregates of one history column in one scope (the days paid late over past
// instalments), a ratio, a count. Its effect on a score is the sum of its members' effects.
struct Concept {
  enum class Kind { Value, Category, Aggregates, Shares, Count };
  std::string key;  // "INSTAL_DPD", "NAME_CONTRACT_TYPE", "PAYMENT_RATE"
  Kind kind = Kind::Value;
  Label label;  // the advisor's words: the column and, for history, the rows it sums up
  std::vector<std::size_t> members;  // features, in order
  // The member whose value stands for the concept (an aggregate's mean, or its first member).
  std::size_t headline = 0;
  ClientWording wording;  // whether and how a client is told of it
};

struct OneHot {
  std::string column;
  CategoryList categories;
  std::size_t first_output = 0;  // one feature per learned value, in order
  std::optional<std::size_t> missing_output;
  std::optional<std::size_t> other_output;  // values training never saw
};

struct ApplicationPlan {
  struct Value {
    std::string column;
    std::size_t output;
  };
  struct Ratio {
    std::string numerator, denominator;
    std::size_t output;
  };
  std::vector<Value> values;
  std::vector<Ratio> ratios;
  std::vector<OneHot> one_hots;
};

struct NumericAggregation {
  std::string column;  // a column of the table, or one derived from it (see history_frame.h)
  std::vector<std::pair<Aggregate, std::size_t>> outputs;
};

// Aggregates over the client's rows, or only those whose `filter_column` is `filter_value`.
struct Scope {
  std::string prefix;
  std::string filter_column, filter_value;
  std::vector<NumericAggregation> numeric;
  std::vector<OneHot> shares;  // share of the rows in each category (no "other" output)
};

struct HistoryPlan {
  tables::TableId table;
  std::vector<Scope> scopes;
  std::optional<std::size_t> count_output;
};

struct FeaturePlan {
  std::vector<FeatureInfo> features;
  std::vector<Concept> concepts;  // each feature belongs to exactly one
  ApplicationPlan application;
  std::vector<HistoryPlan> history;  // bureau, previous applications, POS, instalments, cards
};

FeaturePlan make_plan(const LearnedCategories& categories);

// A category value made safe for a feature name: letters, digits and '_' only.
std::string name_part(const std::string& value);

}  // namespace creditscore::features
