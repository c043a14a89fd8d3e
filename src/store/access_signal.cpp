#include "store/access_signal.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "store/database.h"

namespace creditscore::store {
namespace {

StoreError failure(const std::string& what, const std::filesystem::path& file) {
  return StoreError("cannot " + what + " the access signal " + file.string() + ": " +
                    std::strerror(errno));
}

std::atomic_ref<std::uint64_t> shared(std::uint64_t* counter) {
  return std::atomic_ref<std::uint64_t>(*counter);
}

}  // namespace

AccessSignal::AccessSignal(const std::filesystem::path& store) {
  const std::filesystem::path file = store.string() + "-access";
  const int descriptor = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (descriptor < 0) throw failure("open", file);
  struct stat status {};
  // A new file is made 8 bytes of zeros; one made already keeps its count.
  if (::fstat(descriptor, &status) != 0 || (status.st_size < static_cast<off_t>(sizeof *counter_) &&
                                            ::ftruncate(descriptor, sizeof *counter_) != 0)) {
    const StoreError error = failure("size", file);
    ::close(descriptor);
    throw error;
  }
  void* mapped =
      ::mmap(nullptr, sizeof *counter_, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0);
  const int mapping_error = errno;
  ::close(descriptor);
  errno = mapping_error;
  if (mapped == MAP_FAILED) throw failure("map", file);
  counter_ = static_cast<std::uint64_t*>(mapped);
}

AccessSignal::~AccessSignal() {
  ::munmap(counter_, sizeof *counter_);
}

std::uint64_t AccessSignal::value() const {
  return shared(counter_).load(std::memory_order_acquire);
}

void AccessSignal::raise() {
  shared(counter_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace creditscore::store
