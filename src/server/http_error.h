// What the router itself refuses before any use case runs, with the HTTP status that says so:
// a request that cannot be read (400: a path value or query parameter of the wrong type, a body
// that is not JSON), a body too large (413) or of another type than JSON (415), and who may not
// (401 without valid credentials, 403 for a role the route does not admit, 429 after too many
// failed logins, with the header that says when to retry). Everything else
// is a creditscore::Error whose kind the router maps to a status (router.h).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "common/error.h"

namespace creditscore::server {

class HttpError : public Error {
 public:
  using Headers = std::vector<std::pair<std::string, std::string>>;
  HttpError(int status, std::string detail, Headers headers = {});
  int status() const { return status_; }
  const std::string& detail() const { return detail_; }
  const Headers& headers() const { return headers_; }

 private:
  int status_;
  std::string detail_;
  Headers headers_;
};

// "bad request", "not found", ... for the statuses the API answers.
std::string status_words(int status);

// The status an error of `kind` is answered with.
int status_of(ErrorKind kind);

}  // namespace creditscore::server
