#include "model/checksum.h"

#include <openssl/evp.h>

#include <array>
#include <fstream>
#include <span>
#include <stdexcept>
#include <vector>

#include "common/error.h"

namespace creditscore::model {

namespace {

// Fetched once: OpenSSL 3 looks the algorithm up again for each digest started with EVP_sha256(),
// which costs about as much as hashing a token or an audit record.
const EVP_MD* sha256_algorithm() {
  static EVP_MD* const algorithm = EVP_MD_fetch(nullptr, "SHA256", nullptr);
  if (algorithm == nullptr) throw internal_error("SHA-256: OpenSSL has no SHA256 digest");
  return algorithm;
}

std::string hex_of(std::span<const unsigned char> digest) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string text(2 * digest.size(), '0');
  for (std::size_t i = 0; i < digest.size(); ++i) {
    text[2 * i] = kHex[digest[i] >> 4];
    text[2 * i + 1] = kHex[digest[i] & 0xF];
  }
  return text;
}

}  // namespace

struct Sha256::Context {
  EVP_MD_CTX* md = EVP_MD_CTX_new();
  ~Context() { EVP_MD_CTX_free(md); }
};

Sha256::Sha256() : context_(std::make_unique<Context>()) {
  if (context_->md == nullptr ||
      EVP_DigestInit_ex(context_->md, sha256_algorithm(), nullptr) != 1) {
    throw internal_error("SHA-256: cannot initialise OpenSSL digest");
  }
}

Sha256::~Sha256() = default;

void Sha256::update(std::string_view bytes) {
  if (EVP_DigestUpdate(context_->md, bytes.data(), bytes.size()) != 1) {
    throw internal_error("SHA-256: digest update failed");
  }
}

std::string Sha256::hex() {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_DigestFinal_ex(context_->md, digest.data(), &length) != 1) {
    throw internal_error("SHA-256: digest final failed");
  }
  return hex_of({digest.data(), length});
}

std::string sha256_hex(std::string_view bytes) {
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  if (EVP_Digest(bytes.data(), bytes.size(), digest.data(), &length, sha256_algorithm(), nullptr) !=
      1) {
    throw internal_error("SHA-256: digest failed");
  }
  return hex_of({digest.data(), length});
}

std::string sha256_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw not_found("cannot read " + file.string());
  Sha256 digest;
  std::vector<char> buffer(1 << 20);
  while (in) {
    in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
    digest.update({buffer.data(), static_cast<std::size_t>(in.gcount())});
  }
  if (in.bad()) throw corrupt("error while reading " + file.string());
  return digest.hex();
}

}  // namespace creditscore::model
