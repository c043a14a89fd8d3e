// GET /api/v1/audit (admin): the audit trail, newest first, paged and filtered by client, user
// and date.
#include <memory>
#include <mutex>

#include "server/routes.h"
#include "store/audit_trail.h"

namespace creditscore::server {

using nlohmann::json;

void add_audit_routes(Router& router, const std::filesystem::path& store, AuditWriter& audit) {
  struct Reader {
    explicit Reader(const std::filesystem::path& file) : trail(file) {}
    std::mutex lock;
    store::AuditTrail trail;
  };
  auto reader = std::make_shared<Reader>(store);
  router.get("/api/v1/audit", [reader, &audit](const Request& request) {
    store::AuditQuery query;
    if (request.query("client"))
      query.client_id = request.query_integer("client", 0, INT64_MIN, INT64_MAX);
    query.actor = request.query("user").value_or("");
    query.since = request.query("since").value_or("");
    query.offset = static_cast<std::size_t>(request.query_integer("offset", 0, 0, INT64_MAX));
    query.limit = static_cast<std::size_t>(request.query_integer("limit", 50, 1, 500));
    audit.flush();  // the records of the last milliseconds too
    const std::lock_guard hold(reader->lock);
    json records = json::array();
    for (const store::AuditRecord& record : reader->trail.find(query))
      records.push_back(store::to_json(record));
    return Reply(json{{"total", reader->trail.count(query)},
                      {"offset", query.offset},
                      {"records", std::move(records)}});
  });
}

}  // namespace creditscore::server
