// `creditscore audit`: check that the audit trail is whole, and read it.
#include <iostream>

#include "cli/commands.h"
#include "cli/store_administration.h"
#include "cli/text_table.h"
#include "common/error.h"
#include "store/audit_journal.h"
#include "store/audit_trail.h"
#include "store/database.h"

namespace creditscore::cli {
namespace {

struct AuditOptions {
  std::filesystem::path store = "clients.sqlite";
  std::optional<std::int64_t> client;
  std::string user;
  std::string since;
  std::size_t limit = 50;
};

// The records a stopped server left in its journal, into `trail` first (audit_journal.h).
void move_journal_left(store::AuditTrail& trail, const std::filesystem::path& store) {
  const std::size_t moved = store::AuditJournal::recover(store, trail);
  if (moved > 0)
    std::cout << "Moved " << moved << " records a stopped server left in its audit journal\n";
}

}  // namespace

void register_audit_command(CLI::App& app) {
  CLI::App* audit = app.add_subcommand(
      "audit",
      "The audit trail: who read or changed which client's data, logins, user and token changes,\n"
      "promotions. Append-only and hash-chained: any record edited, inserted or deleted breaks\n"
      "the chain, and `audit verify` names the first one.");
  audit->require_subcommand(1);
  auto options = std::make_shared<AuditOptions>();

  CLI::App* verify = store_subcommand(
      *audit, "verify",
      "Walk the whole chain. Exits with 0 when it is intact, 1 naming the first broken record.",
      options->store);
  verify->callback([options] {
    store::require_client_store(options->store);
    store::AuditTrail trail(options->store);
    move_journal_left(trail, options->store);
    const store::AuditVerification result = trail.verify();
    if (!result.intact) {
      throw corrupt("audit trail broken at record " + std::to_string(*result.first_broken) + ": " +
                    result.problem + " (" + std::to_string(result.records) +
                    " records before it are intact)");
    }
    std::cout << "Audit trail intact: " << result.records << " records\n";
  });

  CLI::App* show = store_subcommand(*audit, "show",
                                    "Print the newest records as a table. Example:\n"
                                    "  creditscore audit show --client 100002 --since 2026-12-01",
                                    options->store);
  show->add_option("--client", options->client, "Only the records about this client (SK_ID_CURR)");
  show->add_option("--user", options->user, "Only this user's or token's records");
  show->add_option("--since", options->since, "Only records from this date (YYYY-MM-DD) on");
  show->add_option("--limit", options->limit, "At most this many records")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  show->callback([options] {
    store::require_client_store(options->store);
    store::AuditTrail trail(options->store);
    move_journal_left(trail, options->store);
    const store::AuditQuery query{options->client, options->user, options->since, options->limit,
                                  0};
    TextTable table(
        {"#", "time (UTC)", "who", "role", "address", "action", "client", "status", "detail"});
    for (const store::AuditRecord& r : trail.find(query)) {
      table.add_row({std::to_string(r.sequence), r.at, r.actor, r.role, r.address, r.action,
                     r.client_id ? std::to_string(*r.client_id) : "",
                     r.status ? std::to_string(r.status) : "", r.detail});
    }
    table.print(std::cout);
    std::cout << trail.count(query) << " records match\n";
  });
}

}  // namespace creditscore::cli
