#include "tables/atomic_file.h"

#include <signal.h>
#include <sys/stat.h>
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

AtomicFile::AtomicFile(std::filesystem::path destination)
    : destination_(std::move(destination)), temporary_(temporary_name(destination_)) {
  remove_leftovers(destination_);
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

void AtomicFile::make_private() {
  if (::fchmod(::fileno(file_), 0600) != 0) fail("restrict the mode of", temporary_);
}

void write_file_atomically(const std::filesystem::path& destination, std::string_view bytes) {
  AtomicFile file(destination);
  file.write(bytes);
  file.commit();
}

}  // namespace creditscore
