#include "common/error.h"

namespace creditscore {

std::string_view kind_name(ErrorKind kind) {
  switch (kind) {
    case ErrorKind::InvalidInput:
      return "invalid input";
    case ErrorKind::NotFound:
      return "not found";
    case ErrorKind::Conflict:
      return "conflict";
    case ErrorKind::Corrupt:
      return "corrupt";
    case ErrorKind::Unsupported:
      return "unsupported";
    case ErrorKind::Internal:
      break;
  }
  return "internal error";
}

}  // namespace creditscore
