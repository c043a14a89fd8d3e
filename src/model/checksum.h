// SHA-256 digests (OpenSSL), in lower-case hex: the model bundle's checksums and the training
// data's fingerprint.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>

namespace creditscore::model {

class Sha256 {
 public:
  Sha256();
  ~Sha256();
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(std::string_view bytes);
  // The digest of everything given so far; the object cannot be updated afterwards.
  std::string hex();

 private:
  struct Context;
  std::unique_ptr<Context> context_;
};

std::string sha256_hex(std::string_view bytes);
// Throws std::runtime_error naming the file when it cannot be read.
std::string sha256_file(const std::filesystem::path& file);

}  // namespace creditscore::model
