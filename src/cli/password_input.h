// A new password as a person gives it: typed twice without echo at a terminal, or the first line
// of standard input when it is not one (scripts, CI), or made at random (--generate).
#pragma once

#include <string>

namespace creditscore::cli {

// Reads the password for `whom` ("alice"). Throws an invalid_input Error when the two typed
// differ or standard input is empty.
std::string read_new_password(const std::string& whom);

// A random password of 24 hex characters (96 bits), to print once.
std::string generated_password();

}  // namespace creditscore::cli
