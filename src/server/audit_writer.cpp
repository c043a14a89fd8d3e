#include "server/audit_writer.h"

#include <future>
#include <iostream>

namespace creditscore::server {
namespace {

constexpr auto kPrunePeriod = std::chrono::hours(24);

}  // namespace

AuditWriter::AuditWriter(const std::filesystem::path& store, int retention_days)
    : trail_(store), checkpointer_(store), retention_days_(retention_days) {
  trail_.leave_checkpoints();
  prune();
  thread_ = std::thread([this] { run(); });
}

AuditWriter::~AuditWriter() {
  {
    const std::lock_guard hold(lock_);
    stopping_ = true;
  }
  queued_.notify_all();
  thread_.join();
}

void AuditWriter::write(store::AuditRecord record, Committed committed, bool alone) {
  Pending pending{std::move(record), std::move(committed)};
  {
    const std::lock_guard hold(lock_);
    if (!alone || committing_ || !pending_.empty()) {
      pending_.push_back(std::move(pending));
      queued_.notify_one();
      return;
    }
    committing_ = true;
  }
  // Requests come one at a time: committed on this thread, sparing the hand-off to the writer
  // and back (two thread wake-ups for each answer). Under load, a request that committed its own
  // record alone would make the others' records wait for one more commit.
  commit(std::span(&pending, 1));
  const std::lock_guard hold(lock_);
  committing_ = false;
  if (!pending_.empty() || stopping_) queued_.notify_one();
}

void AuditWriter::write(store::AuditRecord record) {
  std::promise<void> written;
  write(
      std::move(record),
      [&written](std::exception_ptr error) {
        if (error) {
          written.set_exception(error);
        } else {
          written.set_value();
        }
      },
      false);
  written.get_future().get();
}

void AuditWriter::run() {
  auto next_prune = std::chrono::steady_clock::now() + kPrunePeriod;
  std::unique_lock hold(lock_);
  for (;;) {
    queued_.wait_until(hold, next_prune,
                       [this] { return !committing_ && (stopping_ || !pending_.empty()); });
    if (committing_) continue;  // the prune's time came while a request commits
    std::vector<Pending> batch;
    batch.swap(pending_);
    if (batch.empty()) {
      if (stopping_) return;
      if (std::chrono::steady_clock::now() < next_prune) continue;  // woken early
      next_prune = std::chrono::steady_clock::now() + kPrunePeriod;
    }
    committing_ = true;
    hold.unlock();
    if (batch.empty()) {
      prune();
    } else {
      commit(batch);
    }
    hold.lock();
    committing_ = false;
  }
}

void AuditWriter::commit(std::span<Pending> batch) {
  std::vector<store::AuditRecord> records;
  records.reserve(batch.size());
  for (Pending& pending : batch) records.push_back(std::move(pending.record));
  std::exception_ptr error;
  try {
    trail_.append(records);
  } catch (...) {
    error = std::current_exception();
  }
  for (Pending& pending : batch) {
    try {
      pending.committed(error);
    } catch (const std::exception& failure) {
      // A bug in sending one answer: said, and neither the batch's other answers nor the writer
      // left waiting.
      std::cerr << "creditscore serve: an audited answer could not be sent: " << failure.what()
                << '\n';
    }
  }
}

void AuditWriter::prune() {
  if (retention_days_ <= 0) return;
  try {
    const std::size_t removed = trail_.prune(store::audit_time_days_ago(retention_days_));
    if (removed > 0) {
      std::cerr << "creditscore serve: removed " << removed << " audit records older than "
                << retention_days_ << " days\n";
    }
  } catch (const std::exception& error) {
    std::cerr << "creditscore serve: could not prune the audit trail: " << error.what() << '\n';
  }
}

}  // namespace creditscore::server
