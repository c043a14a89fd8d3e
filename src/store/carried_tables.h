// What a rebuilt client store keeps from the store it replaces: the users, the API tokens and the
// audit trail, which outlive any data set (the trail is kept for the system's lifetime).
#pragma once

#include <filesystem>

namespace creditscore::store {

// Copies the users, tokens and audit trail of `previous` (when there is such a file holding them)
// into `next`, a store being built, in one transaction.
void carry_over_access(const std::filesystem::path& previous, const std::filesystem::path& next);

}  // namespace creditscore::store
