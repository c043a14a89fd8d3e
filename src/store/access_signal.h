// A counter in a small memory-mapped file beside an SQLite store (STORE-access, mode 0600), raised
// after every change to who may do what made through AccessStore, by a server or the command
// line. A server reads it from memory on each request and reads the store's access version only
// when it moved: the check that refuses a revoked token at once costs no query.
// Raised after the change is committed, so that a reader that sees it move finds the change. A
// writer killed between its commit and the raise, or a change made by hand in SQL, is caught by
// the store's version, which the reader still reads at least once a second.
#pragma once

#include <cstdint>
#include <filesystem>

namespace creditscore::store {

class AccessSignal {
 public:
  // The signal of the SQLite store `store`, its file made when missing. Throws a StoreError
  // naming the file when it cannot be opened or mapped.
  explicit AccessSignal(const std::filesystem::path& store);
  ~AccessSignal();
  AccessSignal(const AccessSignal&) = delete;
  AccessSignal& operator=(const AccessSignal&) = delete;

  std::uint64_t value() const;
  void raise();

 private:
  std::uint64_t* counter_;  // in a mapping shared with every process that opened the file
};

}  // namespace creditscore::store
