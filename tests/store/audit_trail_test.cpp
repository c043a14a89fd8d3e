#include "store/audit_trail.h"

#include <gtest/gtest.h>

#include <vector>

#include "store/database.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::store {
namespace {

class AuditTrailTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    AuditTrail trail(file_);
    std::vector<AuditRecord> records;
    for (int i = 0; i < 6; ++i) {
      AuditRecord r;
      r.at = "2020-12-0" + std::to_string(i + 1) + "T10:00:00.000Z";
      r.actor = i % 2 ? "alice" : "bob";
      r.role = "advisor";
      r.address = "127.0.0.1";
      r.action = "GET /api/v1/clients/{id}";
      r.client_id = 100000 + i % 3;
      r.status = 200;
      records.push_back(r);
    }
    trail.append(records);
    EXPECT_EQ(records.back().sequence, 6);
  }

  // Runs SQL on the trail behind its back, as someone with the file could.
  void tamper(const std::string& sql) { Database(file_).execute(sql); }

  const testing::TemporaryDirectory temporary_{"audit"};
  const testing::TestDatabase database_{GetParam(), temporary_.path() / "clients.sqlite"};
  const std::filesystem::path& file_ = database_.location();
};

TEST_P(AuditTrailTest, AnIntactTrailVerifiesAndIsFoundByClientUserAndDate) {
  AuditTrail trail(file_);
  AuditRecord login;
  login.actor = "alice";
  login.action = "login";
  login.status = 200;
  trail.append(login);
  const AuditVerification result = trail.verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.records, 7u);

  const auto newest = trail.find({});
  ASSERT_EQ(newest.size(), 7u);
  EXPECT_EQ(newest[0].action, "login");
  EXPECT_FALSE(newest[0].client_id);
  EXPECT_EQ(newest[0].at.size(), 24u);  // 2026-12-02T19:04:05.123Z
  EXPECT_EQ(trail.count({100001, "", "", 100, 0}), 2u);
  EXPECT_EQ(trail.count({std::nullopt, "bob", "", 100, 0}), 3u);
  // The set-up's 4th, 5th and 6th of December 2020, and today's login.
  EXPECT_EQ(trail.count({std::nullopt, "", "2020-12-04", 100, 0}), 4u);
  EXPECT_EQ(trail.find({std::nullopt, "", "", 2, 1})[0].sequence, 6);
}

TEST_P(AuditTrailTest, AnEditedRecordIsNamed) {
  tamper("UPDATE audit SET actor = 'mallory' WHERE sequence = 3");
  const AuditVerification result = AuditTrail(file_).verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken, 3);
  EXPECT_NE(result.problem.find("edited"), std::string::npos);
  EXPECT_EQ(result.records, 2u);
}

TEST_P(AuditTrailTest, ADeletedRecordIsNamed) {
  tamper("DELETE FROM audit WHERE sequence = 4");
  const AuditVerification result = AuditTrail(file_).verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken, 4);
}

TEST_P(AuditTrailTest, AnInsertedRecordIsNamed) {
  tamper(
      "UPDATE audit SET sequence = -sequence WHERE sequence >= 5;"
      "UPDATE audit SET sequence = 1 - sequence WHERE sequence < 0;"
      "INSERT INTO audit SELECT 5, at, 'mallory', role, address, action, client_id, status, "
      "detail, previous_hash, hash FROM audit WHERE sequence = 4");
  const AuditVerification result = AuditTrail(file_).verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken, 5);
}

TEST_P(AuditTrailTest, RecordsCutOffTheEndAreNoticed) {
  tamper("DELETE FROM audit WHERE sequence = 6");
  const AuditVerification result = AuditTrail(file_).verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken, 6);
}

TEST_P(AuditTrailTest, PruningOldRecordsKeepsTheRestVerifiable) {
  AuditTrail trail(file_);
  EXPECT_EQ(trail.prune("2020-12-03"), 2u);
  AuditVerification result = trail.verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.records, 4u);
  trail.append(AuditRecord{0, "", "root", "admin", "", "audit prune", {}, 0, "2 records"});
  EXPECT_TRUE(trail.verify().intact);
  EXPECT_EQ(trail.prune("2020-01-01"), 0u);
  // Deleting the oldest remaining record is still noticed.
  tamper("DELETE FROM audit WHERE sequence = 3");
  result = trail.verify();
  EXPECT_FALSE(result.intact);
  EXPECT_EQ(result.first_broken, 3);
}

TEST_P(AuditTrailTest, PruningStopsAtTheFirstRecordToKeepAndCanTakeEverything) {
  AuditTrail trail(file_);
  // A record answered a moment late: older than the one before it.
  AuditRecord late;
  late.at = "2020-12-02T09:00:00.000Z";
  late.actor = "carol";
  late.action = "GET /predict";
  trail.append(late);
  EXPECT_EQ(trail.prune("2020-12-03"), 2u) << "up to the first record to keep, 2020-12-03";
  EXPECT_EQ(trail.count({}), 5u) << "the late record stays behind newer ones";
  EXPECT_EQ(trail.prune("2021-01-01"), 5u) << "everything older, the late one too";
  EXPECT_EQ(trail.count({}), 0u);
  trail.append(late);
  const AuditVerification result = trail.verify();
  EXPECT_TRUE(result.intact) << result.problem;
  EXPECT_EQ(result.records, 1u);
}

INSTANTIATE_TEST_SUITE_P(Backends, AuditTrailTest,
                         ::testing::Values(testing::Backend::SQLite, testing::Backend::PostgreSQL),
                         testing::backend_name);

}  // namespace
}  // namespace creditscore::store
