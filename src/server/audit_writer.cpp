#include "server/audit_writer.h"

#include <future>
#include <iostream>

namespace creditscore::server {
namespace {

constexpr auto kPrunePeriod = std::chrono::hours(24);

}  // namespace

AuditWriter::AuditWriter(const std::filesystem::path& store, int retention_days)
    : trail_(store), retention_days_(retention_days) {
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

void AuditWriter::write(store::AuditRecord record, Committed committed) {
  const std::lock_guard hold(lock_);
  pending_.push_back({std::move(record), std::move(committed)});
  queued_.notify_one();
}

void AuditWriter::write(store::AuditRecord record) {
  std::promise<void> written;
  write(std::move(record), [&written](std::exception_ptr error) {
    if (error) {
      written.set_exception(error);
    } else {
      written.set_value();
    }
  });
  written.get_future().get();
}

void AuditWriter::run() {
  auto next_prune = std::chrono::steady_clock::now() + kPrunePeriod;
  std::unique_lock hold(lock_);
  for (;;) {
    queued_.wait_until(hold, next_prune, [this] { return stopping_ || !pending_.empty(); });
    if (pending_.empty()) {
      if (stopping_) return;
      if (std::chrono::steady_clock::now() < next_prune) continue;  // woken early
      hold.unlock();
      prune();
      hold.lock();
      next_prune = std::chrono::steady_clock::now() + kPrunePeriod;
      continue;
    }
    std::vector<Pending> batch;
    batch.swap(pending_);
    hold.unlock();
    std::vector<store::AuditRecord> records;
    records.reserve(batch.size());
    for (Pending& pending : batch) records.push_back(std::move(pending.record));
    std::exception_ptr error;
    try {
      trail_.append(records);
    } catch (...) {
      error = std::current_exception();
    }
    for (Pending& pending : batch) pending.committed(error);
    hold.lock();
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
