// What a rebuilt client store keeps from the store it replaces: the users, the API tokens, the
// audit trail and the decisions, which outlive any data set (records kept for the system's
// lifetime).
#pragma once

#include <filesystem>

namespace creditscore::store {

// Copies the users, tokens, audit trail and decisions of `previous` (when there is such a file
// holding them) into `next`, a store being built, in one transaction.
void carry_over_access(const std::filesystem::path& previous, const std::filesystem::path& next);

}  // namespace creditscore::store
