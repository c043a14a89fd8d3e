#include "tables/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore {
namespace {

constexpr std::size_t kBlock = AtomicFile::kAlignment;  // the buffer's alignment
constexpr std::size_t kBuffer = 4 << 20;

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file) {
  throw invalid_input("cannot " + what + " " + file.string() + ": " + std::strerror(errno));
}

// Whether process `pid` still runs (EPERM: it does, as another user's).
bool alive(pid_t pid) {
  return ::kill(pid, 0) == 0 || errno == EPERM;
}

}  // namespace

std::filesystem::path temporary_name(const std::filesystem::path& destination) {
  return destination.string() + ".tmp." + std::to_string(::getpid());
}

std::vector<std::filesystem::path> remove_leftovers(const std::filesystem::path& destination) {
  const std::filesystem::path parent =
      destination.has_parent_path() ? destination.parent_path() : ".";
  const std::string prefix = destination.filename().string() + ".tmp.";
  std::vector<std::filesystem::path> removed;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(parent, error)) {
    const std::string name = entry.path().filename().string();
    if (!name.starts_with(prefix)) continue;
    std::string_view rest = std::string_view(name).substr(prefix.size());
    for (const char* companion : {"-wal", "-shm", "-journal"})
      if (rest.ends_with(companion)) rest.remove_suffix(std::strlen(companion));
    if (rest.empty() || rest.size() > 9 ||
        rest.find_first_not_of("0123456789") != std::string_view::npos)
      continue;
    const auto pid = static_cast<pid_t>(std::stol(std::string(rest)));
    if (pid == ::getpid() || alive(pid)) continue;
    std::error_code ignored;
    if (std::filesystem::remove_all(entry.path(), ignored) > 0) removed.push_back(entry.path());
  }
  return removed;
}

void AtomicFile::FreeBuffer::operator()(char* buffer) const {
  std::free(buffer);
}

AtomicFile::AtomicFile(std::filesystem::path destination)
    : destination_(std::move(destination)),
      temporary_(temporary_name(destination_)),
      buffer_(static_cast<char*>(std::aligned_alloc(kBlock, kBuffer))) {
  if (!buffer_) throw std::bad_alloc();
  remove_leftovers(destination_);
  fd_ = ::open(temporary_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
  if (fd_ < 0) fail("create", temporary_);
}

AtomicFile::~AtomicFile() {
  if (fd_ >= 0) {
    ::close(fd_);
    std::error_code ignored;
    std::filesystem::remove(temporary_, ignored);
  }
}

void AtomicFile::write(std::string_view bytes) {
  if (in_pieces_) throw internal_error(temporary_.string() + ": written after aligned pieces");
  while (!bytes.empty()) {
    const std::size_t taken = std::min(bytes.size(), kBuffer - buffered_);
    std::memcpy(buffer_.get() + buffered_, bytes.data(), taken);
    buffered_ += taken;
    bytes.remove_prefix(taken);
    if (buffered_ == kBuffer) flush_full_buffer();
  }
}

void AtomicFile::flush_full_buffer() {
  if (!tried_direct_) {  // the file outgrew the buffer: a large one, worth writing directly
    tried_direct_ = true;
    set_direct(true);
  }
  write_out(buffer_.get(), kBuffer);
  buffered_ = 0;
}

bool AtomicFile::set_direct(bool on) {
  const int flags = ::fcntl(fd_, F_GETFL);
  if (flags < 0 || ::fcntl(fd_, F_SETFL, on ? flags | O_DIRECT : flags & ~O_DIRECT) != 0)
    return false;
  direct_ = on;
  return true;
}

void AtomicFile::write_out(const char* data, std::size_t size) {
  write_at(data, size, written_);
  written_ += size;
}

void AtomicFile::write_aligned(std::size_t offset, std::span<const char> piece) {
  if (buffered_ != 0 || written_ != 0)
    throw internal_error(temporary_.string() + ": aligned pieces after other writes");
  if (offset % kBlock != 0 || piece.size() % kBlock != 0 ||
      reinterpret_cast<std::uintptr_t>(piece.data()) % kBlock != 0)
    throw internal_error(temporary_.string() + ": a piece not aligned to " +
                         std::to_string(kBlock) + " bytes");
  in_pieces_ = true;
  if (!tried_direct_) {
    tried_direct_ = true;
    set_direct(true);
  }
  write_at(piece.data(), piece.size(), offset);
}

void AtomicFile::write_at(const char* data, std::size_t size, std::size_t offset) {
  while (size > 0) {
    const ssize_t written = ::pwrite(fd_, data, size, static_cast<off_t>(offset));
    if (written < 0 && errno == EINTR) continue;
    // The disk refused the alignment after all: go on through the page cache.
    if (written < 0 && errno == EINVAL && direct_ && set_direct(false)) continue;
    if (written <= 0) fail("write", temporary_);
    data += written;
    offset += static_cast<std::size_t>(written);
    size -= static_cast<std::size_t>(written);
  }
}

void AtomicFile::commit() {
  // Whole blocks of the rest still directly, then the last partial block through the cache.
  const std::size_t whole = direct_ ? buffered_ / kBlock * kBlock : 0;
  write_out(buffer_.get(), whole);
  if (direct_) set_direct(false);
  write_out(buffer_.get() + whole, buffered_ - whole);
  buffered_ = 0;
  if (::fsync(fd_) != 0) fail("flush", temporary_);
  const int closed = ::close(fd_);
  fd_ = -1;
  if (closed != 0) fail("close", temporary_);
  std::error_code error;
  std::filesystem::rename(temporary_, destination_, error);
  if (error) {
    std::filesystem::remove(temporary_, error);
    throw invalid_input("cannot rename " + temporary_.string() + " to " + destination_.string() +
                        ": " + error.message());
  }
}

void AtomicFile::make_private() {
  if (::fchmod(fd_, 0600) != 0) fail("restrict the mode of", temporary_);
}

void write_file_atomically(const std::filesystem::path& destination, std::string_view bytes) {
  AtomicFile file(destination);
  file.write(bytes);
  file.commit();
}

}  // namespace creditscore
