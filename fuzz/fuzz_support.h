// What every fuzz target shares: the one outcome besides success that hostile input may have is a
// creditscore::Error of a kind the user can mend (invalid input, not found, conflict, corrupt,
// unsupported). Anything else, an internal error or another exception, is a bug: the target
// aborts, and libFuzzer keeps the input.
#pragma once

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "common/error.h"

namespace creditscore::fuzz {

template <typename Body>
void expect_only_mendable_errors(Body&& body) {
  try {
    body();
  } catch (const Error& error) {
    if (error.kind() != ErrorKind::Internal) return;
    std::fprintf(stderr, "internal error on fuzzed input: %s\n", error.what());
    std::abort();
  } catch (const std::exception& error) {
    std::fprintf(stderr, "unexpected exception on fuzzed input: %s\n", error.what());
    std::abort();
  }
}

}  // namespace creditscore::fuzz
