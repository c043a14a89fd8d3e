#include "store/decision_log.h"

#include <gtest/gtest.h>

#include "store/client_store.h"
#include "tests/support/error_kind.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::store {
namespace {

// Two past clients, three new applications, stored in this order.
class DecisionLogTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    ClientStore clients(file_);
    clients.set_meta({{"A"}, "run-1", "2026-12-01T00:00:00Z", "data"});
    std::vector<StoredClient> stored;
    for (std::int64_t id : {100, 101, 200, 201, 202}) {
      StoredClient c;
      c.id = id;
      c.split = id < 200 ? ClientSplit::Train : ClientSplit::Test;
      if (id < 200) c.target = 0;
      c.application = "{}";
      c.summary = "{}";
      c.features = {1.0f};
      stored.push_back(c);
    }
    clients.put(stored);
  }

  Decision decision(std::int64_t client, Verdict verdict) const {
    Decision d;
    d.client_id = client;
    d.actor = "alice";
    d.run_id = "run-1";
    d.probability = 0.3;
    d.threshold = 0.25;
    d.recommendation = Verdict::Refused;
    d.decision = verdict;
    d.comment = verdict == Verdict::Granted ? "Stable income confirmed by payslips." : "";
    d.reasons = {{{"fr", "Vos revenus"}, {"en", "Your income"}}};
    return d;
  }

  const testing::TemporaryDirectory temporary_{"decisions"};
  const testing::TestDatabase database_{GetParam(), temporary_.path() / "clients.sqlite"};
  const std::filesystem::path& file_ = database_.location();
};

TEST_P(DecisionLogTest, ACorrectionIsANewRecordPointingToTheOneItReplaces) {
  DecisionLog log(file_);
  Decision first = decision(200, Verdict::Refused);
  log.record(first);
  EXPECT_GT(first.id, 0);
  EXPECT_FALSE(first.replaces);
  EXPECT_FALSE(first.overrides());
  EXPECT_FALSE(first.at.empty());
  Decision second = decision(200, Verdict::Granted);
  log.record(second);
  EXPECT_EQ(second.replaces, first.id);
  EXPECT_TRUE(second.overrides());

  const std::vector<Decision> history = log.history(200);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_EQ(history[0].id, second.id);  // newest first
  EXPECT_EQ(history[0].decision, Verdict::Granted);
  EXPECT_EQ(history[0].comment, "Stable income confirmed by payslips.");
  EXPECT_EQ(history[0].reasons, second.reasons);
  EXPECT_EQ(history[1].id, first.id);
  EXPECT_TRUE(log.history(201).empty());
}

TEST_P(DecisionLogTest, ARecordIsNeverChangedNorDeleted) {
  DecisionLog log(file_);
  Decision d = decision(200, Verdict::Refused);
  log.record(d);
  Database db(file_);
  EXPECT_ERROR_KIND(db.execute("UPDATE decisions SET decision = 'granted'"), ErrorKind::Corrupt);
  EXPECT_ERROR_KIND(db.execute("DELETE FROM decisions"), ErrorKind::Corrupt);
  EXPECT_EQ(log.history(200).at(0).decision, Verdict::Refused);
}

TEST_P(DecisionLogTest, TheWorklistHoldsNewApplicationsPendingOldestFirstThenDecided) {
  DecisionLog log(file_);
  ApplicationPage pending = log.applications(ApplicationStatus::Pending, 0, 10);
  EXPECT_EQ(pending.total, 3u);
  ASSERT_EQ(pending.rows.size(), 3u);
  EXPECT_EQ(pending.rows[0].client_id, 200);
  EXPECT_FALSE(pending.rows[0].decision);

  Decision d = decision(201, Verdict::Refused);
  log.record(d);
  Decision corrected = decision(201, Verdict::Granted);
  log.record(corrected);
  Decision other = decision(202, Verdict::Refused);
  log.record(other);
  pending = log.applications(ApplicationStatus::Pending, 0, 10);
  ASSERT_EQ(pending.total, 1u);
  EXPECT_EQ(pending.rows.at(0).client_id, 200);

  const ApplicationPage decided = log.applications(ApplicationStatus::Decided, 0, 10);
  ASSERT_EQ(decided.total, 2u);
  ASSERT_EQ(decided.rows.size(), 2u);
  EXPECT_EQ(decided.rows[0].client_id, 202);  // newest decision first
  EXPECT_EQ(decided.rows[1].client_id, 201);
  EXPECT_EQ(decided.rows[1].decision->id, corrected.id);  // the latest, once per client
  EXPECT_EQ(log.applications(ApplicationStatus::Decided, 1, 10).rows.size(), 1u);

  const std::vector<Decision> since = log.latest_since("2000-01-01");
  ASSERT_EQ(since.size(), 2u);
  EXPECT_EQ(since[0].id, corrected.id);
  EXPECT_TRUE(log.latest_since("2999-01-01").empty());
}

INSTANTIATE_TEST_SUITE_P(Backends, DecisionLogTest,
                         ::testing::Values(testing::Backend::SQLite, testing::Backend::PostgreSQL),
                         testing::backend_name);

}  // namespace
}  // namespace creditscore::store
