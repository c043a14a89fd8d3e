// Writes the server's audit records with group commit: a request waits until its record is in
// the database, and the records of the requests waiting meanwhile share the next transaction, so
// that a commit's cost is paid once per batch rather than once per request. Records older than
// the retention are pruned at start and once a day, the chain still verifiable.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "store/audit_trail.h"

namespace creditscore::server {

class AuditWriter {
 public:
  // `retention_days` 0 keeps every record.
  AuditWriter(const std::filesystem::path& store, int retention_days);
  // Writes what is queued, then stops.
  ~AuditWriter();
  AuditWriter(const AuditWriter&) = delete;
  AuditWriter& operator=(const AuditWriter&) = delete;

  // Returns once `record` is committed; throws when it could not be written.
  void write(store::AuditRecord record);

 private:
  struct Pending {
    store::AuditRecord record;
    bool done = false;
    std::exception_ptr error;
  };
  void run();
  void prune();

  store::AuditTrail trail_;
  int retention_days_;
  std::mutex lock_;
  std::condition_variable queued_;     // the writer waits on it
  std::condition_variable committed_;  // requests wait on it
  std::vector<Pending*> pending_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace creditscore::server
