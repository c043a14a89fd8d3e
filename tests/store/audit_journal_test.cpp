// The audit journal of an SQLite store: a record is in its file when append() returns, in the
// trail after a move; what a killed server left is moved once, by the next to open the journal;
// a line cut short by a crash is dropped, a garbled one stops everything; one server at a time.
#include "store/audit_journal.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <fstream>

#include "tests/support/temporary_directory.h"

namespace creditscore::store {
namespace {

AuditRecord record_of(std::int64_t client) {
  AuditRecord record;
  record.actor = "ada";
  record.role = "advisor";
  record.address = "127.0.0.1";
  record.action = "GET /predict";
  record.client_id = client;
  record.status = 200;
  return record;
}

std::size_t records_of(AuditTrail& trail, std::int64_t client) {
  AuditQuery query;
  query.client_id = client;
  return trail.count(query);
}

class AuditJournalTest : public ::testing::Test {
 protected:
  std::filesystem::path file(int k) const {
    return store_.string() + "-audit." + std::to_string(k);
  }
  std::string read(int k) const {
    std::ifstream in(file(k));
    return {std::istreambuf_iterator<char>(in), {}};
  }
  void write(int k, const std::string& text) const { std::ofstream(file(k)) << text; }

  const testing::TemporaryDirectory directory_{"audit_journal"};
  const std::filesystem::path store_ = directory_.path() / "clients.sqlite";
  AuditTrail trail_{store_};
};

TEST_F(AuditJournalTest, ARecordIsInItsFileWhenAppendReturnsAndInTheTrailAfterAMove) {
  AuditJournal journal(store_, trail_);
  AuditRecord record = record_of(100001);
  record.at = "2026-12-05T10:00:00.000Z";
  journal.append(record);
  EXPECT_NE(read(0).find("\"GET /predict\",100001,200"), std::string::npos) << read(0);
  EXPECT_EQ(records_of(trail_, 100001), 0u);

  EXPECT_EQ(journal.move(), 1u);
  const std::vector<AuditRecord> moved = trail_.find({});
  ASSERT_EQ(moved.size(), 1u);
  EXPECT_EQ(moved[0].at, "2026-12-05T10:00:00.000Z") << "the time of the answer, not of the move";
  EXPECT_EQ(moved[0].actor, "ada");
  EXPECT_EQ(moved[0].client_id, 100001);
  EXPECT_EQ(read(0), "") << "emptied once moved";

  journal.append(record_of(100002));  // into the other file
  EXPECT_NE(read(1).find("100002"), std::string::npos);
  EXPECT_EQ(journal.move(), 1u);
  EXPECT_EQ(journal.move(), 0u);
  EXPECT_TRUE(trail_.verify().intact);
}

TEST_F(AuditJournalTest, TheRecordsAKilledServerLeftAreMovedOnceByTheNextToOpenIt) {
  const pid_t server = fork();
  ASSERT_GE(server, 0);
  if (server == 0) {
    AuditTrail trail(store_);
    auto* journal = new AuditJournal(store_, trail);  // never closed: the process dies with it
    for (std::int64_t client : {100001, 100002, 100003}) journal->append(record_of(client));
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(server, &status, 0), server);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(trail_.count({}), 0u);

  EXPECT_EQ(AuditJournal::recover(store_, trail_), 3u);
  EXPECT_EQ(AuditJournal::recover(store_, trail_), 0u) << "moved once";
  EXPECT_FALSE(std::filesystem::exists(file(0)));
  {
    AuditJournal next(store_, trail_);
    next.append(record_of(100004));
  }  // closing moves the rest
  const AuditVerification verification = trail_.verify();
  EXPECT_TRUE(verification.intact) << verification.problem;
  EXPECT_EQ(verification.records, 4u);
  EXPECT_EQ(records_of(trail_, 100003), 1u);
}

TEST_F(AuditJournalTest, ACrashBetweenAMoveAndTheEmptyingMovesNothingTwice) {
  std::string left;
  {
    AuditJournal journal(store_, trail_);
    journal.append(record_of(100001));
    journal.append(record_of(100002));
    left = read(0);
    EXPECT_EQ(journal.move(), 2u);
  }
  write(0, left);  // as if the server died after the move's commit, before emptying the file
  EXPECT_EQ(AuditJournal::recover(store_, trail_), 0u);
  EXPECT_EQ(trail_.count({}), 2u);
  AuditJournal again(store_, trail_);
  again.append(record_of(100003));
  EXPECT_EQ(again.move(), 1u);
  EXPECT_EQ(trail_.count({}), 3u);
  EXPECT_TRUE(trail_.verify().intact);
}

TEST_F(AuditJournalTest, ALineCutShortByACrashIsDroppedAndAGarbledOneStopsEverything) {
  const std::string whole =
      R"(1 ["2026-12-05T10:00:00.000Z","ada","advisor","127.0.0.1","GET /predict",100001,200,""])"
      "\n";
  write(0, whole + R"(2 ["2026-12-05T10:00:00.001Z","ada","adv)");
  EXPECT_EQ(AuditJournal::recover(store_, trail_), 1u) << "the whole line moved, the cut one not";

  write(0, whole + "not a record\n" + whole);
  try {
    AuditJournal::recover(store_, trail_);
    FAIL() << "a garbled line was read past";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(file(0).string() + " line 2"), std::string::npos)
        << error.what();
  }
  EXPECT_EQ(trail_.count({}), 1u);
  EXPECT_TRUE(std::filesystem::exists(file(0))) << "kept, for whoever mends it";
}

TEST_F(AuditJournalTest, OneServerAtATimeHoldsAStoresJournal) {
  AuditJournal first(store_, trail_);
  first.append(record_of(100001));
  try {
    AuditJournal second(store_, trail_);
    FAIL() << "two servers journal into one store";
  } catch (const StoreError& error) {
    EXPECT_EQ(error.kind(), ErrorKind::Conflict);
    EXPECT_NE(std::string(error.what()).find("another server"), std::string::npos);
  }
  EXPECT_EQ(AuditJournal::recover(store_, trail_), 0u) << "the live server moves its own";
  EXPECT_EQ(first.move(), 1u);
}

}  // namespace
}  // namespace creditscore::store
