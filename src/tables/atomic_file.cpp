#include "tables/atomic_file.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore {
namespace {

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file) {
  throw invalid_input("cannot " + what + " " + file.string() + ": " + std::strerror(errno));
}

}  // namespace

AtomicFile::AtomicFile(std::filesystem::path destination)
    : destination_(std::move(destination)),
      temporary_(destination_.string() + ".tmp." + std::to_string(::getpid())) {
  file_ = std::fopen(temporary_.c_str(), "wb");
  if (file_ == nullptr) fail("create", temporary_);
  // A large buffer: these files are written in many small pieces.
  std::setvbuf(file_, nullptr, _IOFBF, 1 << 20);
}

AtomicFile::~AtomicFile() {
  if (file_ != nullptr) {
    std::fclose(file_);
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (std::fwrite(bytes.data(), 1, bytes.size(), file_) != bytes.size()) fail("write", temporary_);
}

void AtomicFile::commit() {
  if (std::fflush(file_) != 0 || ::fsync(::fileno(file_)) != 0) fail("flush", temporary_);
  const int closed = std::fclose(file_);
  file_ = nullptr;
  if (closed != 0) fail("close", temporary_);
  std::error_code error;
  std::filesystem::rename(temporary_, destination_, error);
  if (error) {
    std::filesystem::remove(temporary_, error);
    throw invalid_input("cannot rename " + temporary_.string() + " to " + destination_.string() +
                        ": " + error.message());
  }
}

void write_file_atomically(const std::filesystem::path& destination, std::string_view bytes) {
  AtomicFile file(destination);
  file.write(bytes);
  file.commit();
}

}  // namespace creditscore
