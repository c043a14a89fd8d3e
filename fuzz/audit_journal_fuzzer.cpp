// The audit journal's reader, on what a crashed server may leave in the journal of an SQLite
// store: the input is the journal's first file, moved into a scratch store's trail as the next
// server would. Each input is moved, or refused as a corrupt journal; the trail stays verifiable.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <system_error>

#include "fuzz/fuzz_support.h"
#include "store/audit_journal.h"
#include "store/audit_trail.h"

using namespace creditscore;

namespace {

const std::filesystem::path& scratch_store() {
  static const std::filesystem::path store =
      std::filesystem::temp_directory_path() /
      ("fuzz_audit_journal_" + std::to_string(getpid()) + ".sqlite");
  return store;
}

// The scratch store's files, removed when the fuzzer exits.
void remove_scratch_store() {
  for (const char* suffix : {"", "-wal", "-shm", "-audit.0", "-audit.1"}) {
    std::error_code ignored;
    std::filesystem::remove(scratch_store().string() + suffix, ignored);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static store::AuditTrail trail(scratch_store());
  static const int cleanup = std::atexit(remove_scratch_store);  // before the trail closes
  (void)cleanup;
  const std::filesystem::path journal = scratch_store().string() + "-audit.0";
  std::ofstream(journal, std::ios::binary | std::ios::trunc)
      .write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  fuzz::expect_only_mendable_errors(
      [&] { (void)store::AuditJournal::recover(scratch_store(), trail); });
  if (!trail.verify().intact) std::abort();
  trail.prune("9999-12-31");  // the next input's check walks only its own records
  return 0;
}
