// The router's gate: admits each call by the route table (access_policy.h) and the caller's
// credentials (authenticator.h), and writes each audited call to the audit trail before its
// answer leaves (audit_writer.h).
//   - no valid credentials on a route that is not public: 401;
//   - a role the route does not admit: 403;
//   - a change (POST, DELETE) made with a session cookie whose Origin (or Referer) is not this
//     server: 403, so that another site cannot act in an advisor's name;
//   - with `open_predict`, /predict takes callers without credentials too, recorded as such.
#pragma once

#include <atomic>

#include "server/audit_writer.h"
#include "server/authenticator.h"
#include "server/router.h"

namespace creditscore::server {

class AccessGate : public Gate {
 public:
  AccessGate(Authenticator& authenticator, AuditWriter& audit, bool open_predict);

  std::optional<Caller> admit(const std::string& method, const std::string& pattern,
                              const HttpRequest& request) override;
  void record(const std::string& method, const std::string& pattern, const HttpRequest& request,
              const std::optional<Caller>& caller, std::optional<std::int64_t> client_id,
              int status, Committed committed) override;

 private:
  // admit() but for the count of requests answered.
  std::optional<Caller> caller_of(const std::string& method, const std::string& pattern,
                                  const HttpRequest& request);

  Authenticator& authenticator_;
  AuditWriter& audit_;
  bool open_predict_;
  std::atomic<int> answering_{0};  // requests admitted and not yet recorded
};

// Whether a request's Origin, or else its Referer, is the server it was sent to.
bool same_origin(const HttpRequest& request);

}  // namespace creditscore::server
