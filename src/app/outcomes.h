// Outcomes of past applications as they arrive (repaid or defaulted): recorded in the store and
// in the population, so that the monitor states the model's quality on them beside the
// out-of-fold figures (EU AI Act Art. 15).
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "store/client_store.h"

namespace creditscore::app {

class Service;

// Errors as ClientStore::record_outcomes; nothing is recorded then.
void record_outcomes(Service& service, std::span<const store::Outcome> outcomes);

// {"outcome": "repaid" | "defaulted"}: an invalid_input Error naming what is wrong otherwise.
int outcome_from_json(const nlohmann::json& body);
const char* outcome_name(int target);  // "repaid", "defaulted"

// A CSV file with the header SK_ID_CURR,TARGET and a client per line, TARGET 0 (repaid) or 1
// (defaulted): an invalid_input Error naming the file, the line and what is wrong otherwise.
std::vector<store::Outcome> read_outcomes_csv(const std::filesystem::path& file);

}  // namespace creditscore::app
