#include "store/password_hash.h"

#include <argon2.h>
#include <openssl/rand.h>

#include <array>
#include <cstdint>
#include <vector>

#include "common/error.h"

namespace creditscore::store {
namespace {

constexpr std::uint32_t kTimeCost = 2;
constexpr std::uint32_t kMemoryKiB = 19 * 1024;
constexpr std::uint32_t kParallelism = 1;
constexpr std::uint32_t kSaltBytes = 16;
constexpr std::uint32_t kHashBytes = 32;

std::vector<unsigned char> random_bytes(std::size_t count) {
  std::vector<unsigned char> bytes(count);
  if (RAND_bytes(bytes.data(), static_cast<int>(count)) != 1)
    throw internal_error("OpenSSL's random generator failed");
  return bytes;
}

}  // namespace

std::string hash_password(std::string_view password) {
  const std::vector<unsigned char> salt = random_bytes(kSaltBytes);
  std::string encoded(
      argon2_encodedlen(kTimeCost, kMemoryKiB, kParallelism, kSaltBytes, kHashBytes, Argon2_id),
      '\0');
  const int status =
      argon2id_hash_encoded(kTimeCost, kMemoryKiB, kParallelism, password.data(), password.size(),
                            salt.data(), salt.size(), kHashBytes, encoded.data(), encoded.size());
  if (status != ARGON2_OK)
    throw internal_error(std::string("Argon2id failed: ") + argon2_error_message(status));
  encoded.resize(encoded.find('\0'));
  return encoded;
}

bool password_matches(std::string_view encoded, std::string_view password) {
  const std::string terminated(encoded);
  return argon2id_verify(terminated.c_str(), password.data(), password.size()) == ARGON2_OK;
}

std::string random_secret(std::size_t bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text;
  for (unsigned char byte : random_bytes(bytes)) {
    text += kHex[byte >> 4];
    text += kHex[byte & 15];
  }
  return text;
}

}  // namespace creditscore::store
