// What another server changed in a shared PostgreSQL store, heard as it commits: a trigger on
// the clients table notifies each saved client's id (LISTEN/NOTIFY), and a thread of its own
// listens, so that every replica's clients in memory follow the others' new applications. An
// SQLite store has one server, which knows its own changes: nothing to hear.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <thread>

struct pg_conn;
using PGconn = pg_conn;  // libpq's, kept out of this header

namespace creditscore::store {

class ClientChanges {
 public:
  using Changed = std::function<void(std::int64_t id)>;

  // Listens to `location` from now on; throws StoreError when it cannot.
  explicit ClientChanges(const std::filesystem::path& location);
  ~ClientChanges();
  ClientChanges(const ClientChanges&) = delete;
  ClientChanges& operator=(const ClientChanges&) = delete;

  // Calls `changed` from its own thread with the id of each client saved since construction, by
  // any process, this one included; a lost connection is opened again.
  void start(Changed changed);

 private:
  void listen();

  std::filesystem::path location_;
  std::unique_ptr<PGconn, void (*)(PGconn*)> connection_;
  Changed changed_;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace creditscore::store
