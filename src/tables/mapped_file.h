// A whole file mapped into memory, read-only: the reader scans it in place, without copies.
#pragma once

#include <filesystem>
#include <string_view>

namespace creditscore::tables {

class MappedFile {
 public:
  // Throws TableError naming the file when it is missing, a directory, or unreadable.
  explicit MappedFile(const std::filesystem::path& file);
  ~MappedFile();
  MappedFile(const MappedFile&) = delete;
  MappedFile& operator=(const MappedFile&) = delete;

  std::string_view bytes() const { return {data_, size_}; }
  // Gives back this process's hold on the whole pages inside `done`, a part of bytes() read
  // already: a reader keeps no more of the file in memory than it is reading. The pages stay in
  // the page cache and come back if looked at again.
  void release(std::string_view done) const;
  // Maps the pages of `next`, a part of bytes() about to be read, in one call: a page fault each
  // (a trap, dear in a virtual machine) would take the kernel longer.
  void load(std::string_view next) const;

 private:
  const char* data_ = nullptr;
  std::size_t size_ = 0;
};

}  // namespace creditscore::tables
