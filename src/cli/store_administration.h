// What the administrative commands (users, tokens, audit) share: their sub-commands work on the
// store given by --store, and each change they make is recorded in its audit trail, by the
// operating-system account that ran it, as role "operator".
#pragma once

#include <CLI/CLI.hpp>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace creditscore::cli {

// A sub-command of `group` with the --store option, bound to `store`.
CLI::App* store_subcommand(CLI::App& group, const std::string& name, const std::string& description,
                           std::filesystem::path& store);

void audit_command(const std::filesystem::path& store, const std::string& action,
                   const std::string& detail, std::optional<std::int64_t> client_id = std::nullopt);

}  // namespace creditscore::cli
