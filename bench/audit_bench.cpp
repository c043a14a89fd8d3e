// What an audit record costs the server: a batch appended in one transaction (the group commit
// of so many concurrent requests) to a SQLite store, per record; and one record's round trip
// through the server's audit writer, from the request's thread to its commit and back, committed
// on that thread (a request answered alone) or on the writer's.
//   audit_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <future>
#include <string>
#include <vector>

#include "server/audit_writer.h"
#include "store/audit_trail.h"

namespace {

using namespace creditscore;

store::AuditRecord predict_record(std::int64_t client) {
  store::AuditRecord record;
  record.actor = "scoring-service";
  record.role = "system";
  record.address = "127.0.0.1";
  record.action = "GET /predict";
  record.client_id = client;
  record.status = 200;
  return record;
}

// A fresh store in the temporary directory, removed with its WAL when done.
class ScratchStore {
 public:
  ScratchStore()
      : path_(std::filesystem::temp_directory_path() /
              ("audit_bench_" + std::to_string(getpid()) + ".sqlite")) {}
  ~ScratchStore() {
    for (const char* suffix : {"", "-wal", "-shm"})
      std::filesystem::remove(path_.string() + suffix);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

void BM_AppendBatch(benchmark::State& state) {
  ScratchStore scratch;
  store::AuditTrail trail(scratch.path());
  const auto batch = static_cast<std::size_t>(state.range(0));
  std::int64_t client = 100000;
  for (auto _ : state) {
    std::vector<store::AuditRecord> records;
    for (std::size_t i = 0; i < batch; ++i) records.push_back(predict_record(++client));
    trail.append(records);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(batch));
}
BENCHMARK(BM_AppendBatch)->Arg(1)->Arg(16)->Arg(64)->Unit(benchmark::kMicrosecond);

// Argument 1: the request is answered alone, and its thread commits the record; 0: it is one
// among others, and the record goes to the writer's thread and its answer comes back from there.
void BM_WriterRoundTrip(benchmark::State& state) {
  ScratchStore scratch;
  server::AuditWriter writer(scratch.path(), 0);
  const bool alone = state.range(0) == 1;
  std::int64_t client = 100000;
  for (auto _ : state) {
    std::promise<void> written;
    writer.write(
        predict_record(++client), [&written](std::exception_ptr) { written.set_value(); }, alone);
    written.get_future().wait();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_WriterRoundTrip)->Arg(1)->Arg(0)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
