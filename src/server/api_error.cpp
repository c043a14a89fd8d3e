#include "server/api_error.h"

namespace creditscore::server {

ApiError::ApiError(int status, std::string detail)
    : std::runtime_error(status_words(status) + ": " + detail),
      status_(status),
      detail_(std::move(detail)) {}

std::string status_words(int status) {
  switch (status) {
    case 400:
      return "bad request";
    case 404:
      return "not found";
    case 405:
      return "method not allowed";
    case 413:
      return "payload too large";
    case 415:
      return "unsupported media type";
    case 422:
      return "invalid value";
    case 503:
      return "not ready";
    default:
      return status >= 500 ? "internal error" : "error";
  }
}

}  // namespace creditscore::server
