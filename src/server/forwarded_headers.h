// Behind a proxy (nginx terminating TLS in front of the replicas, deploy/), the caller the server
// sees is the proxy. From a proxy the server is told to trust, the request's own caller is the
// last address the proxy added to X-Forwarded-For, and it came over TLS when X-Forwarded-Proto
// says https: what the audit trail records, what the session cookie's Secure flag and the
// same-origin check of state-changing requests read. From any other peer both headers are
// ignored, since anyone may send them.
#pragma once

#include <span>
#include <string>
#include <string_view>

#include "server/http_message.h"

namespace creditscore::server {

void apply_forwarded_headers(HttpRequest& request, std::span<const std::string> trusted_proxies,
                             std::string_view forwarded_for, std::string_view forwarded_proto);

}  // namespace creditscore::server
