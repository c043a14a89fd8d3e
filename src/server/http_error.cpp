#include "server/http_error.h"

namespace creditscore::server {

HttpError::HttpError(int status, std::string detail, Headers headers)
    : Error(ErrorKind::InvalidInput, status_words(status) + ": " + detail),
      status_(status),
      detail_(std::move(detail)),
      headers_(std::move(headers)) {}

std::string status_words(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 401:
      return "unauthorized";
    case 403:
      return "forbidden";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 409:
      return "conflict";
    case 413:
      return "payload too large";
    case 415:
      return "unsupported media type";
    case 422:
      return "invalid value";
    case 429:
      return "too many requests";
    case 503:
      return "not ready";
    default:
      return status >= 500 ? "internal error" : "error";
  }
}

int status_of(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidInput:
    case ErrorKind::Unsupported:  // valid JSON asking for what this version does not do
      return 422;
    case ErrorKind::NotFound:
      return 404;
    case ErrorKind::Conflict:
      return 409;
    case ErrorKind::Corrupt:  // a file of ours reads back broken: our fault, not the caller's
    case ErrorKind::Internal:
      break;
  }
  return 500;
}

}  // namespace creditscore::server
