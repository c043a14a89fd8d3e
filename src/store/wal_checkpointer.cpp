#include "store/wal_checkpointer.h"

#include <chrono>
#include <iostream>

namespace creditscore::store {
namespace {

// At ten thousand audited answers a second, a quarter second leaves the log some 30 MB long.
constexpr auto kPeriod = std::chrono::milliseconds(250);

}  // namespace

WalCheckpointer::WalCheckpointer(const std::filesystem::path& location) {
  if (is_postgresql(location)) return;
  db_ = std::make_unique<Database>(location);
  thread_ = std::thread([this] { run(); });
}

WalCheckpointer::~WalCheckpointer() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard hold(lock_);
    stopping_ = true;
  }
  stop_.notify_all();
  thread_.join();
}

void WalCheckpointer::run() {
  for (bool last = false; !last;) {
    {
      std::unique_lock hold(lock_);
      last = stop_.wait_for(hold, kPeriod, [this] { return stopping_; });
    }
    try {
      db_->checkpoint();
    } catch (const StoreError& error) {
      // Said, and tried again: until a checkpoint succeeds, the log only grows longer.
      std::cerr << error.what() << '\n';
    }
  }
}

}  // namespace creditscore::store
