// The one error every layer throws: a kind that says what went wrong, and a message that names
// the file, line and column, or the field, at fault. Libraries throw kinds, never statuses: only
// the router maps a kind to an HTTP status, and only cli/main to an exit code.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>

namespace creditscore {

enum class ErrorKind {
  InvalidInput,  // what a person or a caller gave is wrong: a field, a flag, a file's content
  NotFound,      // no such client, feature, run, file
  Conflict,      // valid, but not in the present state (an id taken, an outcome already known)
  Corrupt,       // a file or bundle we wrote reads back broken: checksum, format, truncation
  Unsupported,   // valid, but outside what this version does
  Internal,      // a bug of ours or of a library we call
};

class Error : public std::runtime_error {
 public:
  Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
  ErrorKind kind() const { return kind_; }

 private:
  ErrorKind kind_;
};

// "invalid input", "not found", ...
std::string_view kind_name(ErrorKind kind);

// The short forms every layer uses.
inline Error invalid_input(const std::string& message) {
  return {ErrorKind::InvalidInput, message};
}
inline Error not_found(const std::string& message) {
  return {ErrorKind::NotFound, message};
}
inline Error conflict(const std::string& message) {
  return {ErrorKind::Conflict, message};
}
inline Error corrupt(const std::string& message) {
  return {ErrorKind::Corrupt, message};
}
inline Error unsupported(const std::string& message) {
  return {ErrorKind::Unsupported, message};
}
inline Error internal_error(const std::string& message) {
  return {ErrorKind::Internal, message};
}

}  // namespace creditscore
