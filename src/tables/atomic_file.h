// A file that appears whole or not at all: written under a temporary name in the same directory,
// flushed to disk, then renamed over the destination. If commit() is never reached (an error,
// a crash), the destination is untouched and the temporary file is removed; what a killed
// process could not remove, the next writer of the same destination does.
//
// Bytes are gathered in an aligned buffer; once a file outgrows it, its blocks go to the disk
// directly (O_DIRECT) where the file system allows: a gigabyte of features is then neither copied
// into the page cache nor evicts the tables read to make it, which halves the time it takes to
// write on this kind of machine. Small files stay buffered as usual.
#pragma once

#include <cstddef>
#include <filesystem>
#include <memory>
#include <span>
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
  // What write_aligned() takes: a multiple of every disk's logical block, as O_DIRECT needs.
  static constexpr std::size_t kAlignment = 4096;
  // Writes `piece` at `offset`, where the piece's address, its size and the offset are multiples
  // of kAlignment: straight to the disk where the file system allows. Pieces go in any order,
  // from one thread at a time, into a file given no write() (throws an internal Error otherwise).
  void write_aligned(std::size_t offset, std::span<const char> piece);
  // fsync, close and rename over the destination.
  void commit();

  const std::filesystem::path& destination() const { return destination_; }

 private:
  struct FreeBuffer {
    void operator()(char* buffer) const;
  };
  // Writes the buffer out once full; then the file offset stays a multiple of its size.
  void flush_full_buffer();
  // Writes `size` bytes from `data` after those written so far, all of them, or throws.
  void write_out(const char* data, std::size_t size);
  // The same at `offset`.
  void write_at(const char* data, std::size_t size, std::size_t offset);
  // Turns O_DIRECT on or off; false when the file system refuses (tmpfs, some network ones).
  bool set_direct(bool on);

  std::filesystem::path destination_;
  std::filesystem::path temporary_;
  int fd_ = -1;
  std::unique_ptr<char, FreeBuffer> buffer_;
  std::size_t buffered_ = 0;
  std::size_t written_ = 0;  // by write_out()
  bool in_pieces_ = false;   // written by write_aligned()
  bool direct_ = false;
  bool tried_direct_ = false;
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
