#include "tables/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

#include "tables/table_error.h"

namespace creditscore::tables {

MappedFile::MappedFile(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY);
  if (fd < 0) {
    const bool missing = errno == ENOENT;
    throw TableError(
        file.string(), 0, "",
        missing ? "file not found" : std::string("cannot open: ") + std::strerror(errno),
        missing ? ErrorKind::NotFound : ErrorKind::InvalidInput);
  }
  struct stat info {};
  if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    ::close(fd);
    throw TableError(file.string(), 0, "", "not a regular file");
  }
  size_ = static_cast<std::size_t>(info.st_size);
  if (size_ > 0) {
    void* mapped = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd, 0);
    if (mapped == MAP_FAILED) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      throw TableError(file.string(), 0, "", "cannot map into memory: " + reason);
    }
    ::madvise(mapped, size_, MADV_SEQUENTIAL);
    data_ = static_cast<const char*>(mapped);
  }
  ::close(fd);
}

namespace {

// Gives `advice` for the pages of `bytes`: only those wholly inside, or every one it touches.
void advise(std::string_view bytes, bool whole_pages_only, int advice) {
  static const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
  const auto start = reinterpret_cast<std::uintptr_t>(bytes.data());
  const auto begin = (start + (whole_pages_only ? page - 1 : 0)) / page * page;
  const auto end = whole_pages_only ? (start + bytes.size()) / page * page : start + bytes.size();
  if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, advice);
}

}  // namespace

void MappedFile::release(std::string_view done) const {
  // A private mapping never written to: its pages are dropped, not lost.
  advise(done, true, MADV_DONTNEED);
}

void MappedFile::load(std::string_view next) const {
  advise(next, false, MADV_POPULATE_READ);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace creditscore::tables
