#include "store/audit_journal.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>

namespace creditscore::store {
namespace {

std::filesystem::path journal_file(const std::filesystem::path& store, int k) {
  return store.string() + "-audit." + std::to_string(k);
}

StoreError failure(const std::string& what, const std::filesystem::path& file) {
  return StoreError("cannot " + what + " the audit journal " + file.string() + ": " +
                    std::strerror(errno));
}

int open_journal(const std::filesystem::path& file) {
  // Owner only: the records name clients and advisors.
  const int descriptor = ::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (descriptor < 0) throw failure("open", file);
  return descriptor;
}

// Whether this process now holds the journal; false when another does.
bool lock(int descriptor, const std::filesystem::path& file) {
  if (::flock(descriptor, LOCK_EX | LOCK_NB) == 0) return true;
  if (errno == EWOULDBLOCK) return false;
  throw failure("lock", file);
}

void empty(int descriptor, const std::filesystem::path& file) {
  if (::ftruncate(descriptor, 0) != 0) throw failure("empty", file);
}

// A line is the serial, a space, the record as a JSON array, and a line end.
std::string content_of(const AuditRecord& r) {
  const nlohmann::json content = {
      r.at,      r.actor,  r.role,
      r.address, r.action, r.client_id ? nlohmann::json(*r.client_id) : nlohmann::json(nullptr),
      r.status,  r.detail};
  return ' ' + content.dump() + '\n';
}

struct Journaled {
  std::int64_t serial = 0;
  AuditRecord record;
};

std::optional<Journaled> parse_line(std::string_view line) {
  const std::size_t space = line.find(' ');
  if (space == std::string_view::npos) return std::nullopt;
  Journaled entry;
  const std::string serial(line.substr(0, space));
  char* end = nullptr;
  errno = 0;
  entry.serial = std::strtoll(serial.c_str(), &end, 10);
  if (serial.empty() || *end != '\0' || errno == ERANGE || entry.serial <= 0) return std::nullopt;
  const nlohmann::json content = nlohmann::json::parse(line.substr(space + 1), nullptr, false);
  try {
    if (!content.is_array() || content.size() != 8) return std::nullopt;
    AuditRecord& r = entry.record;
    r.at = content[0].get<std::string>();
    r.actor = content[1].get<std::string>();
    r.role = content[2].get<std::string>();
    r.address = content[3].get<std::string>();
    r.action = content[4].get<std::string>();
    if (!content[5].is_null()) r.client_id = content[5].get<std::int64_t>();
    r.status = content[6].get<int>();
    r.detail = content[7].get<std::string>();
  } catch (const nlohmann::json::exception&) {
    return std::nullopt;
  }
  return entry;
}

std::string contents(int descriptor, const std::filesystem::path& file) {
  std::string text;
  char buffer[1 << 16];
  for (off_t offset = 0;;) {
    const ssize_t got = ::pread(descriptor, buffer, sizeof buffer, offset);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) throw failure("read", file);
    if (got == 0) return text;
    text.append(buffer, static_cast<std::size_t>(got));
    offset += got;
  }
}

// The records of `file`. A last line without its end is a write the crash cut short: its answer
// never left, and it is dropped, said. Any other line that is not a record stops everything, so
// that no record after it is lost unseen.
void read_journal(int descriptor, const std::filesystem::path& file,
                  std::vector<Journaled>& entries) {
  const std::string text = contents(descriptor, file);
  std::size_t start = 0;
  for (std::size_t number = 1; start < text.size(); ++number) {
    const std::size_t end = text.find('\n', start);
    if (end == std::string::npos) {
      std::cerr << "creditscore: " << file.string() << " line " << number
                << ": a record cut short by a crash, whose answer was never sent: dropped\n";
      return;
    }
    std::optional<Journaled> entry = parse_line(std::string_view(text).substr(start, end - start));
    if (!entry) {
      throw StoreError(file.string() + " line " + std::to_string(number) +
                       ": not an audit record; move the file away to go on, and keep it: the "
                       "records after this line are not in the audit trail");
    }
    entries.push_back(std::move(*entry));
    start = end + 1;
  }
}

// Moves into `trail` the records of `files` not moved yet, then empties them. Returns the last
// serial the journal has used.
std::int64_t move_left(const std::filesystem::path (&paths)[2], const int (&descriptors)[2],
                       AuditTrail& trail, std::size_t& moved) {
  std::vector<Journaled> entries;
  for (int k = 0; k < 2; ++k) read_journal(descriptors[k], paths[k], entries);
  const std::int64_t through = trail.journal_moved();
  std::erase_if(entries, [through](const Journaled& e) { return e.serial <= through; });
  std::sort(entries.begin(), entries.end(),
            [](const Journaled& a, const Journaled& b) { return a.serial < b.serial; });
  std::vector<AuditRecord> records;
  for (Journaled& entry : entries) records.push_back(std::move(entry.record));
  const std::int64_t last = entries.empty() ? through : entries.back().serial;
  if (!records.empty()) trail.append_journaled(records, last);
  for (int k = 0; k < 2; ++k) empty(descriptors[k], paths[k]);
  moved = records.size();
  return last;
}

// Closes what `descriptors` holds open.
void close_all(const int (&descriptors)[2]) {
  for (const int descriptor : descriptors)
    if (descriptor >= 0) ::close(descriptor);
}

}  // namespace

AuditJournal::AuditJournal(const std::filesystem::path& store, AuditTrail& trail) : trail_(trail) {
  try {
    for (int k = 0; k < 2; ++k) {
      paths_[k] = journal_file(store, k);
      descriptors_[k] = open_journal(paths_[k]);
    }
    if (!lock(descriptors_[0], paths_[0])) {
      throw StoreError("another server is writing to this store's audit journal " +
                           paths_[0].string() + "; with SQLite, one server serves a store",
                       ErrorKind::Conflict);
    }
    std::size_t moved = 0;
    serial_ = move_left(paths_, descriptors_, trail_, moved);
    if (moved > 0) {
      std::cerr << "creditscore: moved " << moved
                << " audit records a stopped server left in its journal\n";
    }
  } catch (...) {
    close_all(descriptors_);
    throw;
  }
}

AuditJournal::~AuditJournal() {
  try {
    move();
    if (unmoved_.empty()) {
      for (const std::filesystem::path& path : paths_) std::filesystem::remove(path);
    }
  } catch (const std::exception& error) {
    // What could not be moved stays in the files, for the next server or `creditscore audit`.
    std::cerr << "creditscore: " << error.what() << '\n';
  }
  close_all(descriptors_);
}

void AuditJournal::append(AuditRecord record) {
  if (record.at.empty()) record.at = audit_time_now();
  const std::string content = content_of(record);  // before the lock: others append meanwhile
  const std::lock_guard hold(appending_);
  const std::string line = std::to_string(serial_ + 1) + content;
  const int descriptor = descriptors_[active_];
  for (std::size_t written = 0; written < line.size();) {
    const ssize_t wrote = ::write(descriptor, line.data() + written, line.size() - written);
    if (wrote < 0 && errno == EINTR) continue;
    if (wrote < 0) {
      const StoreError error = failure("append to", paths_[active_]);
      // A line cut short would run into the next one: taken off.
      if (written > 0) (void)::ftruncate(descriptor, lengths_[active_]);
      throw error;
    }
    written += static_cast<std::size_t>(wrote);
  }
  lengths_[active_] += static_cast<off_t>(line.size());
  appended_.push_back(std::move(record));
  ++serial_;
}

std::size_t AuditJournal::move() {
  const std::lock_guard hold_moving(moving_);
  int moved_file = 0;
  {
    // The records so far, and appends from now on to the other file, emptied by the last move.
    const std::lock_guard hold(appending_);
    for (AuditRecord& record : appended_) unmoved_.push_back(std::move(record));
    appended_.clear();
    unmoved_through_ = serial_;
    moved_file = active_;
    active_ = 1 - active_;
  }
  if (unmoved_.empty()) return 0;
  // When this throws, the records stay in their file and here, for the next move. Those of a
  // move that failed may then outlive their move in their file: the trail's last moved serial
  // makes them skipped if read again.
  trail_.append_journaled(unmoved_, unmoved_through_);
  const std::size_t moved = unmoved_.size();
  unmoved_.clear();
  empty(descriptors_[moved_file], paths_[moved_file]);
  lengths_[moved_file] = 0;
  return moved;
}

std::size_t AuditJournal::recover(const std::filesystem::path& store, AuditTrail& trail) {
  if (is_postgresql(store)) return 0;
  const std::filesystem::path paths[2] = {journal_file(store, 0), journal_file(store, 1)};
  if (!std::filesystem::exists(paths[0]) && !std::filesystem::exists(paths[1])) return 0;
  int descriptors[2] = {-1, -1};
  std::size_t moved = 0;
  try {
    for (int k = 0; k < 2; ++k) descriptors[k] = open_journal(paths[k]);
    if (lock(descriptors[0], paths[0])) {
      move_left(paths, descriptors, trail, moved);
      for (const std::filesystem::path& path : paths) std::filesystem::remove(path);
    }
  } catch (...) {
    close_all(descriptors);
    throw;
  }
  close_all(descriptors);
  return moved;
}

}  // namespace creditscore::store
