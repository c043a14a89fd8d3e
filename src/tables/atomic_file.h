// A file that appears whole or not at all: written under a temporary name in the same directory,
// flushed to disk, then renamed over the destination. If commit() is never reached (an error,
// a crash), the destination is untouched and the temporary file is removed.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>

namespace creditscore {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Throws std::runtime_error naming the file when the disk refuses the write.
  void write(std::string_view bytes);
  // fsync, close and rename over the destination.
  void commit();

  const std::filesystem::path& destination() const { return destination_; }

 private:
  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  std::FILE* file_ = nullptr;
};

// Writes a whole file atomically.
void write_file_atomically(const std::filesystem::path& destination, std::string_view bytes);

}  // namespace creditscore
