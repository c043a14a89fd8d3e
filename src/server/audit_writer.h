// Writes the server's audit records, each on disk before its request's answer leaves.
//   - On an SQLite store, the record is appended to the store's audit journal (audit_journal.h)
//     and the answer leaves at once; the writer moves the journal into the trail every 20 ms, in
//     one transaction.
//   - On PostgreSQL, whose database is not this server's disk, the answer waits until its record
//     is committed there, with group commit: the records of the requests waiting meanwhile share
//     the next transaction, so that a commit's cost is paid once per batch. The answers wait
//     without holding a thread: the writer sends each once its batch is committed. The record of
//     a request answered alone, finding no commit under way and none waiting, is committed at
//     once by its request's thread.
// Its commits never stop to checkpoint SQLite's log: a thread of its own does. Records older than
// the retention are pruned at start and once a day, the chain still verifiable.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <span>
#include <thread>
#include <vector>

#include "store/audit_journal.h"
#include "store/audit_trail.h"
#include "store/wal_checkpointer.h"

namespace creditscore::server {

class AuditWriter {
 public:
  // `retention_days` 0 keeps every record.
  AuditWriter(const std::filesystem::path& store, int retention_days);
  // Writes what is queued, then stops.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Calls `committed` once `record` is on disk, with the error when it could not be: on this
  // thread when it is journaled or committed at once, else on the writer's. `alone`: no other
  // request is being answered, so that no other record could share the transaction.
  using Committed = std::function<void(std::exception_ptr)>;
  void write(store::AuditRecord record, Committed committed, bool alone);
  // Returns once `record` is on disk; throws when it could not be written.
  void write(store::AuditRecord record);
  // Returns once every record written before the call is in the trail, where the store's readers
  // see it.
  void flush();

 private:
  struct Pending {
    store::AuditRecord record;
    Committed committed;
  };
  void run();
  // Appends the batch's records in one transaction, then calls each one's `committed`.
  void commit(std::span<Pending> batch);
  void move_journal();
  void prune();

  store::AuditTrail trail_;
  std::optional<store::AuditJournal> journal_;  // on SQLite
  store::WalCheckpointer checkpointer_;  // copies the records' log into the file, off their path
  int retention_days_;
  std::mutex lock_;
  std::condition_variable queued_;  // the writer waits on it
  std::vector<Pending> pending_;
  bool committing_ = false;  // a batch is being appended, or the trail pruned
  bool stopping_ = false;
  std::atomic<bool> due_ = false;  // records are in the journal, to be moved
  std::thread thread_;
};

}  // namespace creditscore::server
