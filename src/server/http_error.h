// What the router itself refuses before any use case runs, with the HTTP status that says so:
// a request that cannot be read (400: a path value or query parameter of the wrong type, a body
// that is not JSON), a body too large (413) or of another type than JSON (415). Everything else
// is a creditscore::Error whose kind the router maps to a status (router.h).
#pragma once

#include <string>

#include "common/error.h"

namespace creditscore::server {

class HttpError : public Error {
 public:
  HttpError(int status, std::string detail);
  int status() const { return status_; }
  const std::string& detail() const { return detail_; }

 private:
  int status_;
  std::string detail_;
};

// "bad request", "not found", ... for the statuses the API answers.
std::string status_words(int status);

// The status an error of `kind` is answered with.
int status_of(ErrorKind kind);

}  // namespace creditscore::server
