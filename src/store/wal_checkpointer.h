// Checkpoints an SQLite store from a thread of its own: every quarter second, what the
// write-ahead log holds is copied into the database file beside readers and writers. The
// connections that leave checkpoints to it (Database::leave_checkpoints) then commit without
// pausing, now and then, to copy the log and wait for the disk. Nothing for PostgreSQL.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <thread>

#include "store/database.h"

namespace creditscore::store {

class WalCheckpointer {
 public:
  explicit WalCheckpointer(const std::filesystem::path& location);
  // Checkpoints once more, then stops.
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void run();

  std::unique_ptr<Database> db_;  // none for PostgreSQL
  std::mutex lock_;
  std::condition_variable stop_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace creditscore::store
