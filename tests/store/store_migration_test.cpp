#include "store/store_migration.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "store/access_store.h"
#include "store/audit_trail.h"
#include "store/client_store.h"
#include "store/decision_log.h"
#include "store/run_registry.h"
#include "tests/support/error_kind.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::store {
namespace {

// A small SQLite store with something in every table, and its registry.
class StoreMigrationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ClientStore clients(store_);
    clients.set_meta({{"A", "B"}, "run-1", "2026-12-01T00:00:00Z", "data"});
    std::vector<StoredClient> stored;
    for (std::int64_t id : {100, 101, 200}) {
      StoredClient c;
      c.id = id;
      c.split = id < 200 ? ClientSplit::Train : ClientSplit::New;
      if (id < 200) c.target = static_cast<int>(id % 2);
      c.application = R"({"AMT_CREDIT": 1000.5})";
      c.summary = "{}";
      c.features = {0.1f * static_cast<float>(id), std::numeric_limits<float>::quiet_NaN()};
      c.probability = 1.0 / 3.0;
      c.run_id = "run-1";
      stored.push_back(c);
    }
    clients.put(stored);
    AccessStore(store_).add_user("ada", Role::Advisor, "a long passphrase");
    AccessStore(store_).create_token("scorer", Role::System, std::nullopt);
    AuditRecord record;
    record.actor = "ada";
    record.action = "GET /api/v1/clients/{id}";
    record.client_id = 200;
    record.status = 200;
    AuditTrail(store_).append(record);
    Decision d;
    d.client_id = 200;
    d.actor = "ada";
    d.run_id = "run-1";
    d.probability = 0.3;
    d.threshold = 0.25;
    d.recommendation = d.decision = Verdict::Refused;
    d.reasons = nlohmann::json::array();
    DecisionLog(store_).record(d);
    RunRegistry registry(registry_);
    registry.record({"run-1", "2026-12-01T00:00:00Z", "data", "f", "{}", "{}", "{}", "/models/1"});
    registry.promote("run-1");
  }

  const testing::TemporaryDirectory temporary_{"migration"};
  const std::filesystem::path store_ = temporary_.path() / "clients.sqlite";
  const std::filesystem::path registry_ = temporary_.path() / "registry.sqlite";
  const testing::ThrowawayDatabase target_;
};

TEST_F(StoreMigrationTest, CopiesEveryTableOnceAndTheTargetWorksOnFromThere) {
  const auto first = migrate_store({store_, registry_, target_.url()});
  std::map<std::string, std::pair<std::size_t, std::size_t>> rows;  // table: rows, copied
  for (const MigratedTable& t : first) rows[t.name] = {t.rows, t.copied};
  EXPECT_EQ(rows["clients"], std::make_pair(std::size_t{3}, std::size_t{3}));
  EXPECT_EQ(rows["users"], std::make_pair(std::size_t{1}, std::size_t{1}));
  EXPECT_EQ(rows["tokens"].first, 1u);
  EXPECT_EQ(rows["audit"].first, 1u);
  EXPECT_EQ(rows["decisions"].first, 1u);
  EXPECT_EQ(rows["runs"].first, 1u);
  EXPECT_EQ(rows["promotions"].first, 1u);

  // Run again: nothing copied twice, the same checksums.
  const auto second = migrate_store({store_, registry_, target_.url()});
  ASSERT_EQ(second.size(), first.size());
  for (std::size_t t = 0; t < first.size(); ++t) {
    EXPECT_EQ(second[t].copied, 0u) << second[t].name;
    EXPECT_EQ(second[t].checksum, first[t].checksum) << second[t].name;
  }

  // What the stores read there is what they wrote here, and they go on from it.
  ClientStore clients(target_.url());
  const auto client = clients.find(200);
  ASSERT_TRUE(client);
  EXPECT_EQ(client->features[0], 20.0f);
  EXPECT_TRUE(std::isnan(client->features[1]));
  EXPECT_EQ(client->probability, 1.0 / 3.0);
  EXPECT_TRUE(AccessStore(target_.url()).authenticate("ada", "a long passphrase"));
  EXPECT_TRUE(AuditTrail(target_.url()).verify().intact);
  DecisionLog decisions(target_.url());
  Decision next = decisions.history(200).at(0);
  decisions.record(next);  // numbered after the copied one
  EXPECT_EQ(next.replaces, decisions.history(200).at(1).id);
  EXPECT_EQ(RunRegistry(target_.url()).served()->id, "run-1");
}

TEST_F(StoreMigrationTest, ATargetChangedSinceIsNamedAndABadTargetRefused) {
  migrate_store({store_, "", target_.url()});
  Database(target_.url()).execute("UPDATE clients SET target = 1 - target WHERE id = 100");
  try {
    migrate_store({store_, "", target_.url()});
    ADD_FAILURE() << "a differing table was not noticed";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find("table clients differs"), std::string::npos)
        << error.what();
  }
  EXPECT_ERROR_KIND(migrate_store({store_, "", temporary_.path() / "other.sqlite"}),
                    ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(migrate_store({temporary_.path() / "none.sqlite", "", target_.url()}),
                    ErrorKind::InvalidInput);
}

}  // namespace
}  // namespace creditscore::store
