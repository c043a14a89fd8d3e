#include "server/idempotency.h"

#include <algorithm>

#include "common/error.h"
#include "model/checksum.h"

namespace creditscore::server {

std::optional<store::IdempotencyKey> idempotency_key(const Request& request,
                                                     std::string_view route) {
  const std::string& key = request.http().idempotency_key;
  if (key.empty()) return std::nullopt;
  const bool visible =
      std::all_of(key.begin(), key.end(), [](char c) { return c > ' ' && c <= '~'; });
  if (key.size() > 255 || !visible) {
    throw invalid_input(
        "Idempotency-Key header: 1 to 255 visible ASCII characters, such as a "
        "UUID; a new one for each new request");
  }
  const std::string scope = (request.caller() ? request.caller()->name : std::string("anyone")) +
                            " " + std::string(route);
  const std::string fingerprint =
      model::sha256_hex(request.http().path + "\n" + request.json_body().dump());
  return store::IdempotencyKey{scope, key, fingerprint};
}

Reply replayed(Reply reply) {
  reply.headers.emplace_back("Idempotent-Replayed", "true");
  return reply;
}

}  // namespace creditscore::server
