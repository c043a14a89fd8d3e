// Safe retries over HTTP: the Idempotency-Key header of a request that creates something (a new
// application, a decision). A retry with the same key and the same request gets the first answer,
// marked `Idempotent-Replayed: true`, and creates nothing; the same key with another request is a
// 422. Keys belong to the caller and the route.
#pragma once

#include <optional>
#include <string_view>

#include "server/router.h"
#include "store/idempotency_keys.h"

namespace creditscore::server {

// The request's key, if it sent one, for `route` ("POST /api/v1/applications"). A key must be 1
// to 255 visible ASCII characters (a UUID, say): an invalid_input Error naming the header
// otherwise.
std::optional<store::IdempotencyKey> idempotency_key(const Request& request,
                                                     std::string_view route);

// The answer of a retry, marked as such.
Reply replayed(Reply reply);

}  // namespace creditscore::server
