// Passwords as Argon2id hashes (libargon2), in the PHC string form that carries its own salt and
// costs: "$argon2id$v=19$m=19456,t=2,p=1$SALT$HASH". The costs are OWASP's minimum for Argon2id.
// A password is never stored, logged or echoed; only its hash is.
#pragma once

#include <string>
#include <string_view>

namespace creditscore::store {

// A new hash of `password` with a fresh random salt.
std::string hash_password(std::string_view password);

// True when `password` is the one `encoded` was made from. The comparison takes the same time
// whatever the bytes (libargon2's own constant-time compare); a malformed `encoded` is false.
bool password_matches(std::string_view encoded, std::string_view password);

// A random secret of `bytes` bytes from OpenSSL's generator, in lower-case hex: session ids,
// API tokens, generated passwords.
std::string random_secret(std::size_t bytes);

}  // namespace creditscore::store
