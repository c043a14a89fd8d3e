// The server's audit records on an SQLite store, each on disk before its answer leaves: one line
// appended to a file beside the database, and moved behind, in batches, into the hash-chained
// trail. One write() per answer instead of one commit: the record then survives a crash of the
// server exactly as a commit does with SQLite's write-ahead log (synchronous = NORMAL), on the
// same disk.
//
//   STORE-audit.0, STORE-audit.1   the two files; records are appended to one while the other's
//                                  are moved, then it is emptied
//   audit_journal (in the store)   the last record moved, in the same transaction as the move, so
//                                  that a crash between the move and the emptying moves none twice
//
// One server at a time holds a store's journal (a lock on STORE-audit.0). The records a killed
// server left are moved by the next one to open it, or by `creditscore audit`.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <mutex>
#include <vector>

#include "store/audit_trail.h"

namespace creditscore::store {

class AuditJournal {
 public:
  // Opens the journal of the SQLite store `store` and takes its lock, first moving into `trail`
  // (the store's) what a stopped server left. A Conflict Error when another server holds it.
  AuditJournal(const std::filesystem::path& store, AuditTrail& trail);
  // Moves what is left, then removes the files.
  ~AuditJournal();
  AuditJournal(const AuditJournal&) = delete;
  AuditJournal& operator=(const AuditJournal&) = delete;

  // Appends `record`, its time set when empty: once this returns, it survives a crash of the
  // process. Safe from any thread.
  void append(AuditRecord record);
  // Moves every record appended before the call into the trail, in one transaction, and returns
  // how many.
  std::size_t move();

  // What a stopped server left in the journal of `store`, moved into `trail`; nothing while a
  // server holds it (it moves its own). Returns how many records were moved.
  static std::size_t recover(const std::filesystem::path& store, AuditTrail& trail);

 private:
  AuditTrail& trail_;
  std::filesystem::path paths_[2];
  int descriptors_[2] = {-1, -1};
  std::mutex moving_;  // one move at a time; guards the records a move could not move
  std::vector<AuditRecord> unmoved_;
  std::int64_t unmoved_through_ = 0;
  std::mutex appending_;  // guards what follows
  int active_ = 0;        // the file appended to
  off_t lengths_[2] = {0, 0};
  std::int64_t serial_ = 0;            // the last record's
  std::vector<AuditRecord> appended_;  // the records appended since the last move, in order
};

}  // namespace creditscore::store
