// What an audit record costs the server: a batch appended in one transaction to a SQLite store,
// per record (the journal's move of so many records, or PostgreSQL's group commit); and what an
// answer waits for on an SQLite store, its record written to the audit journal by the server's
// audit writer.
//   audit_bench [--benchmark_filter=...]
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
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

// From the request's thread to its answer's leave; the writer's thread moves the journal behind.
void BM_JournaledAnswer(benchmark::State& state) {
  ScratchStore scratch;
  server::AuditWriter writer(scratch.path(), 0);
  std::int64_t client = 100000;
  for (auto _ : state) {
    bool answered = false;
    writer.write(
        predict_record(++client), [&answered](std::exception_ptr) { answered = true; }, true);
    benchmark::DoNotOptimize(answered);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_JournaledAnswer)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
