// A file that appears whole or not at all: written under a temporary name in the same directory,
// flushed to disk, then renamed over the destination. If commit() is never reached (an error,
// a crash), the destination is untouched and the temporary file is removed; what a killed
// process could not remove, the next writer of the same destination does.
#pragma once

#include <cstdio>
#include <filesystem>
#include <string_view>
#include <vector>

namespace creditscore {

class AtomicFile {
 public:
  explicit AtomicFile(std::filesystem::path destination);
  ~AtomicFile();
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;

  // Only the owner may read or write it (mode 0600), from before its first byte: for secrets.
  void make_private();
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

// The one temporary name of everything written then renamed into place (files, databases, bundle
// directories): DESTINATION.tmp.PID, beside the destination.
std::filesystem::path temporary_name(const std::filesystem::path& destination);

// Removes what processes killed before their rename left beside `destination`: each
// DESTINATION.tmp.PID (a file or a directory, with SQLite's -wal, -shm and -journal companions)
// whose process is gone. Returns what it removed.
std::vector<std::filesystem::path> remove_leftovers(const std::filesystem::path& destination);

// Writes a whole file atomically.
void write_file_atomically(const std::filesystem::path& destination, std::string_view bytes);

}  // namespace creditscore
