#include "store/client_changes.h"

#include <libpq-fe.h>
#include <poll.h>

#include <chrono>
#include <iostream>
#include <string>

#include "store/database.h"

namespace creditscore::store {
namespace {

constexpr const char* kChannel = "creditscore_clients";

// pg_notify sends once per distinct id and transaction, after the commit.
constexpr std::string_view kNotifyingTrigger = R"sql(
CREATE OR REPLACE FUNCTION notify_client_saved() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('creditscore_clients', NEW.id::text);
  RETURN NULL;
END $$;
CREATE OR REPLACE TRIGGER clients_notify AFTER INSERT OR UPDATE ON clients
  FOR EACH ROW EXECUTE FUNCTION notify_client_saved();
)sql";

constexpr auto kPollEvery = std::chrono::milliseconds(250);
constexpr auto kReconnectAfter = std::chrono::seconds(1);

// A connection listening on the channel, or null (said on standard error) when there is none.
PGconn* listening(const std::filesystem::path& location) {
  PGconn* connection = PQconnectdb(location.c_str());
  if (PQstatus(connection) == CONNECTION_OK) {
    PGresult* result = PQexec(connection, (std::string("LISTEN ") + kChannel).c_str());
    const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
    PQclear(result);
    if (ok) return connection;
  }
  std::cerr << display_name(location)
            << ": cannot listen for other servers' changes: " << PQerrorMessage(connection);
  PQfinish(connection);
  return nullptr;
}

}  // namespace

ClientChanges::ClientChanges(const std::filesystem::path& location)
    : location_(location), connection_(nullptr, PQfinish) {
  if (!is_postgresql(location)) return;
  Database(location).execute(kNotifyingTrigger);
  connection_.reset(listening(location));
  if (!connection_) throw StoreError(display_name(location) + ": cannot listen for changes");
}

ClientChanges::~ClientChanges() {
  stopping_ = true;
  if (thread_.joinable()) thread_.join();
}

void ClientChanges::start(Changed changed) {
  if (!connection_) return;
  changed_ = std::move(changed);
  thread_ = std::thread([this] { listen(); });
}

// Notices that came while the connection was lost are lost with it: a replica that was cut off
// from the database for a while is best restarted.
void ClientChanges::listen() {
  while (!stopping_) {
    if (!connection_) {
      connection_.reset(listening(location_));
      if (!connection_) std::this_thread::sleep_for(kReconnectAfter);
      continue;
    }
    pollfd socket{PQsocket(connection_.get()), POLLIN, 0};
    if (::poll(&socket, 1, static_cast<int>(kPollEvery.count())) <= 0) continue;
    if (PQconsumeInput(connection_.get()) == 0) {  // the server went away
      connection_.reset();
      continue;
    }
    while (PGnotify* notice = PQnotifies(connection_.get())) {
      try {
        changed_(std::stoll(notice->extra));
      } catch (const std::exception& error) {
        std::cerr << display_name(location_) << ": client " << notice->extra
                  << " saved by another server: " << error.what() << "\n";
      }
      PQfreemem(notice);
    }
  }
}

}  // namespace creditscore::store
