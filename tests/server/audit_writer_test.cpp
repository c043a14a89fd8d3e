// The server's audit writer: every record committed once, in one unbroken chain, whether its
// request, answered alone, commits it at once or it waits for the writer's next batch; and a
// failed commit reaches every request of its batch.
#include "server/audit_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/database.h"
#include "tests/support/temporary_directory.h"

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

class AuditWriterTest : public ::testing::Test {
 protected:
  testing::TemporaryDirectory directory_{"audit_writer"};
  std::filesystem::path store_ = directory_.path() / "store.sqlite";
};

TEST_F(AuditWriterTest, ARecordAloneIsCommittedBeforeItsWriteReturns) {
  AuditWriter writer(store_, 0);
  bool committed = false;
  writer.write(
      record_of(100001),
      [&](std::exception_ptr error) {
        EXPECT_FALSE(error);
        committed = true;
      },
      true);
  EXPECT_TRUE(committed) << "nothing else was waiting: committed on this thread";
  store::AuditTrail trail(store_);
  EXPECT_EQ(records_of(trail, 100001), 1u);
}

TEST_F(AuditWriterTest, ARecordAmongOthersIsCommittedByTheWriterInItsBatch) {
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

TEST_F(AuditWriterTest, AnAnswerThatFailsToBeSentStopsNothing) {
  AuditWriter writer(store_, 0);
  for (bool alone : {true, false}) {
    writer.write(
        record_of(100001), [](std::exception_ptr) { throw std::runtime_error("socket gone"); },
        alone);
  }
  writer.write(record_of(100002));  // would wait for ever behind a writer left committing
  store::AuditTrail trail(store_);
  EXPECT_EQ(records_of(trail, 100001), 2u);
  EXPECT_EQ(records_of(trail, 100002), 1u);
}

TEST_F(AuditWriterTest, ConcurrentRecordsAreEachCommittedOnceInOneUnbrokenChain) {
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
  }  // the writer commits what is queued before it stops
  EXPECT_EQ(answered, kThreads * kEach);
  EXPECT_EQ(failed, 0);
  store::AuditTrail trail(store_);
  const store::AuditVerification verification = trail.verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, static_cast<std::size_t>(kThreads * kEach));
  for (std::int64_t client : {100000, 100000 + kThreads * kEach - 1})
    EXPECT_EQ(records_of(trail, client), 1u) << client;
}

TEST_F(AuditWriterTest, ACommitThatFailsReachesItsRequestAndTheNextOneSucceeds) {
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

}  // namespace
}  // namespace creditscore::server
