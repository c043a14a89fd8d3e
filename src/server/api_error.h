// A request the API refuses: the HTTP status and the JSON body {"error": ..., "detail": ...},
// where `error` is the status in words and `detail` names the field or value at fault.
#pragma once

#include <stdexcept>
#include <string>

namespace creditscore::server {

class ApiError : public std::runtime_error {
 public:
  ApiError(int status, std::string detail);
  int status() const { return status_; }
  const std::string& detail() const { return detail_; }

 private:
  int status_;
  std::string detail_;
};

// "bad request", "not found", ... for the statuses the API answers.
std::string status_words(int status);

}  // namespace creditscore::server
