#include "cli/store_administration.h"

#include <pwd.h>
#include <unistd.h>

#include "common/error.h"
#include "store/audit_trail.h"

namespace creditscore::cli {

CLI::App* store_subcommand(CLI::App& group, const std::string& name, const std::string& description,
                           std::filesystem::path& store) {
  CLI::App* command = group.add_subcommand(name, description);
  command
      ->add_option("--store,--database", store,
                   "Client store holding users, tokens and the audit trail: an SQLite file, or "
                   "the PostgreSQL database servers share (postgresql://user@host:port/db)")
      ->capture_default_str();
  return command;
}

void audit_command(const std::filesystem::path& store, const std::string& action,
                   const std::string& detail, std::optional<std::int64_t> client_id) {
  const passwd* account = getpwuid(geteuid());
  store::AuditRecord record;
  record.actor = std::string("os:") + (account != nullptr ? account->pw_name : "unknown");
  record.role = "operator";
  record.action = action;
  record.detail = detail;
  record.client_id = client_id;
  store::AuditTrail(store).append(std::move(record));
}

}  // namespace creditscore::cli
