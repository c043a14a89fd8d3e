// A client posted to the API, as JSON named like the Kaggle tables, turned into the tables the
// feature builder reads:
//   {"application": {"AMT_CREDIT": 450000, "NAME_CONTRACT_TYPE": "Cash loans", ...},
//    "history": {"bureau": [{...}, ...], "bureau_balance": [...], "previous_application": [...],
//                "POS_CASH_balance": [...], "installments_payments": [...],
//                "credit_card_balance": [...]}}
// Fields left out are missing; "history" and each of its tables are optional. A table left out of
// "history" holds no rows of the client; without "history", its tables are absent (not known).
// Every value is checked as the CSV reader checks it, then against the rules of its measure
// (app/application_rules.h: no negative amount, external scores within [0, 1], ...). A category
// training never saw is not an error: the feature builder reports it. Errors are an invalid_input
// Error naming the table, row and field.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>

#include "tables/dataset.h"

namespace creditscore::app {

// The client's tables: the application in application_test (SK_ID_CURR = `id`), the history
// rows (their SK_ID_CURR set to `id` when left out; another id is refused).
tables::Dataset posted_client(const nlohmann::json& body, std::int64_t id);

// An application's fields (a JSON object) as a one-row application_test table.
tables::Table application_table(const nlohmann::json& fields, std::int64_t id);

}  // namespace creditscore::app
