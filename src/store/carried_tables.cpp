#include "store/carried_tables.h"

#include "store/access_store.h"
#include "store/audit_trail.h"
#include "store/database.h"
#include "store/decision_log.h"

namespace creditscore::store {

void carry_over_access(const std::filesystem::path& previous, const std::filesystem::path& next) {
  if (!std::filesystem::is_regular_file(previous)) return;
  // Opening creates the tables in `next`, so that the copies below keep their definitions.
  {
    const AccessStore access(next);
    const AuditTrail audit(next);
    const DecisionLog decisions(next);
  }
  Database db(next);
  db.prepare("ATTACH DATABASE ?1 AS previous").bind(1, previous.string()).run();
  in_transaction(db, [&] {
    for (const char* table :
         {"users", "tokens", "audit", "audit_head", "audit_journal", "decisions"}) {
      Statement exists =
          db.prepare("SELECT 1 FROM previous.sqlite_master WHERE type = 'table' AND name = ?1");
      exists.bind(1, std::string_view(table));
      if (!exists.step()) continue;
      db.execute(std::string("INSERT INTO main.") + table + " SELECT * FROM previous." + table);
    }
  });
  db.execute("DETACH DATABASE previous");
}

}  // namespace creditscore::store
