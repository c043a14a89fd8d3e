// An HTTP request and its answer as the API sees them, whatever server library carries them:
// the router and its tests need no sockets.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace creditscore::server {

struct HttpRequest {
  std::string method;
  std::string path;                                        // percent-decoded
  std::vector<std::pair<std::string, std::string>> query;  // decoded, in the order sent
  std::string content_type;
  std::string body;
  std::string malformed;  // why the request could not be read, when it could not: a 400
  // What access control reads.
  std::string authorization;    // the Authorization field
  std::string cookie;           // the Cookie field
  std::string origin;           // the Origin field
  std::string referer;          // the Referer field
  std::string host;             // the Host field
  std::string idempotency_key;  // the Idempotency-Key field (see idempotency.h)
  std::string peer;             // the caller's IP address
  bool secure = false;          // came over TLS
};

struct HttpResponse {
  int status = 200;
  std::string content_type;
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // besides Content-Type
};

}  // namespace creditscore::server
