// The server's audit writer, on both stores: every record on disk before its answer leaves and in
// the trail once, in one unbroken chain. On PostgreSQL, a request answered alone commits its
// record at once, one among others waits for the writer's next batch, and a failed commit
// reaches every request of its batch; on SQLite, a move that fails keeps its records for the next.
#include "server/audit_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/database.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::server {
namespace {

std::size_t records_of(store::AuditTrail& trail, std::int64_t client) {
  store::AuditQuery query;
  query.client_id = client;
  return trail.count(query);
}

store::AuditRecord record_of(std::int64_t client) {
  store::AuditRecord record;
  record.action = "GET /predict";
  record.client_id = client;
  return record;
}

class AuditWriterTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  bool on_postgresql() const { return GetParam() == testing::Backend::PostgreSQL; }

  const testing::TemporaryDirectory directory_{"audit_writer"};
  const testing::TestDatabase database_{GetParam(), directory_.path() / "store.sqlite"};
  const std::filesystem::path& store_ = database_.location();
};

TEST_P(AuditWriterTest, ARecordAloneIsOnDiskBeforeItsAnswerLeaves) {
  AuditWriter writer(store_, 0);
  bool answered = false;
  writer.write(
      record_of(100001),
      [&](std::exception_ptr error) {
        EXPECT_FALSE(error);
        answered = true;
      },
      true);
  EXPECT_TRUE(answered) << "nothing else was waiting: answered on this thread";
  store::AuditTrail trail(store_);
  if (on_postgresql()) {
    EXPECT_EQ(records_of(trail, 100001), 1u) << "committed before its answer";
  } else {
    std::string journaled;
    for (const char* file : {"-audit.0", "-audit.1"}) {
      std::ifstream in(store_.string() + file);
      journaled += std::string(std::istreambuf_iterator<char>(in), {});
    }
    EXPECT_TRUE(journaled.find("100001") != std::string::npos || records_of(trail, 100001) == 1)
        << "journaled before its answer, or already moved";
  }
  writer.flush();
  EXPECT_EQ(records_of(trail, 100001), 1u) << "in the trail after a flush";
}

TEST_P(AuditWriterTest, OnPostgreSQLARecordAmongOthersIsCommittedByTheWriterInItsBatch) {
  if (!on_postgresql()) GTEST_SKIP() << "on SQLite a record is journaled on its own thread";
  AuditWriter writer(store_, 0);
  std::promise<std::thread::id> committed_on;
  writer.write(
      record_of(100001),
      [&](std::exception_ptr error) {
        EXPECT_FALSE(error);
        committed_on.set_value(std::this_thread::get_id());
      },
      false);
  EXPECT_NE(committed_on.get_future().get(), std::this_thread::get_id());
  store::AuditTrail trail(store_);
  EXPECT_EQ(records_of(trail, 100001), 1u);
}

TEST_P(AuditWriterTest, AnAnswerThatFailsToBeSentStopsNothing) {
  AuditWriter writer(store_, 0);
  for (bool alone : {true, false}) {
    writer.write(
        record_of(100001), [](std::exception_ptr) { throw std::runtime_error("socket gone"); },
        alone);
  }
  writer.write(record_of(100002));  // would wait for ever behind a writer left committing
  writer.flush();
  store::AuditTrail trail(store_);
  EXPECT_EQ(records_of(trail, 100001), 2u);
  EXPECT_EQ(records_of(trail, 100002), 1u);
}

TEST_P(AuditWriterTest, ConcurrentRecordsAreEachCommittedOnceInOneUnbrokenChain) {
  constexpr int kThreads = 8, kEach = 150;
  std::atomic<int> answered{0}, failed{0};
  {
    AuditWriter writer(store_, 0);
    std::vector<std::thread> requests;
    for (int t = 0; t < kThreads; ++t) {
      requests.emplace_back([&, t] {
        for (int i = 0; i < kEach; ++i) {
          writer.write(
              record_of(100000 + t * kEach + i),
              [&](std::exception_ptr error) { ++(error ? failed : answered); }, i % 2 == 0);
        }
      });
    }
    for (std::thread& request : requests) request.join();
  }  // the writer commits (or moves) what is queued before it stops
  EXPECT_EQ(answered, kThreads * kEach);
  EXPECT_EQ(failed, 0);
  store::AuditTrail trail(store_);
  const store::AuditVerification verification = trail.verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, static_cast<std::size_t>(kThreads * kEach));
  for (std::int64_t client : {100000, 100000 + kThreads * kEach - 1})
    EXPECT_EQ(records_of(trail, client), 1u) << client;
}

TEST_P(AuditWriterTest, OnPostgreSQLACommitThatFailsReachesItsRequestAndTheNextOneSucceeds) {
  if (!on_postgresql()) GTEST_SKIP() << "on SQLite a record is journaled, not committed";
  AuditWriter writer(store_, 0);
  writer.write(record_of(100001));
  store::Database db(store_);
  db.execute("ALTER TABLE audit RENAME TO audit_elsewhere");
  EXPECT_ANY_THROW(writer.write(record_of(100002)));
  db.execute("ALTER TABLE audit_elsewhere RENAME TO audit");
  writer.write(record_of(100003));
  store::AuditTrail trail(store_);
  EXPECT_TRUE(trail.verify().intact);
  EXPECT_EQ(trail.count(store::AuditQuery()), 2u) << "the failed record left nothing behind";
}

TEST_P(AuditWriterTest, OnSQLiteAMoveThatFailsKeepsItsRecordsForTheNext) {
  if (on_postgresql()) GTEST_SKIP() << "on PostgreSQL records are committed, not journaled";
  AuditWriter writer(store_, 0);
  writer.write(record_of(100001));
  writer.flush();
  store::Database db(store_);
  db.execute("ALTER TABLE audit RENAME TO audit_elsewhere");
  writer.write(record_of(100002));  // answered: it is in the journal
  EXPECT_ANY_THROW(writer.flush());
  db.execute("ALTER TABLE audit_elsewhere RENAME TO audit");
  writer.write(record_of(100003));
  writer.flush();
  store::AuditTrail trail(store_);
  const store::AuditVerification verification = trail.verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, 3u) << "the record of the failed move is there, once";
  EXPECT_EQ(records_of(trail, 100002), 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditWriterTest,
                         ::testing::Values(testing::Backend::SQLite, testing::Backend::PostgreSQL),
                         testing::backend_name);

}  // namespace
}  // namespace creditscore::server
