#include "tables/mapped_file.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "common/populate.h"
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

void MappedFile::release(std::string_view done) const {
  // A private mapping never written to: its pages are dropped, not lost.
  advise_pages(done.data(), done.size(), true, MADV_DONTNEED);
}

void MappedFile::load(std::string_view next) const {
  advise_pages(next.data(), next.size(), false, MADV_POPULATE_READ);
}

MappedFile::~MappedFile() {
  if (data_ != nullptr) ::munmap(const_cast<char*>(data_), size_);
}

}  // namespace creditscore::tables
