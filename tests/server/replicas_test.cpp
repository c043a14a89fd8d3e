// Two servers on one PostgreSQL database and no shared files, as replicas behind nginx run: what
// one saves, the other shows at once, and a promotion reaches both, the bundle coming to the
// second from the database.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <thread>

#include "model/model_bundle.h"
#include "store/audit_trail.h"
#include "store/run_registry.h"
#include "tests/server/running_server.h"
#include "tests/support/bad_applications.h"
#include "tests/support/run_command.h"
#include "tests/support/test_database.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

// Asks `ask` again every 50 ms for up to `seconds` until it holds; whether it did.
template <typename Ask>
bool within(double seconds, Ask&& ask) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (!ask()) {
    if (std::chrono::steady_clock::now() > until) return false;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return true;
}

class ReplicasTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (testing::backend_under_test() != testing::Backend::PostgreSQL)
      GTEST_SKIP() << "replicas share a PostgreSQL database (run as OnPostgreSQL.ReplicasTest)";
    first_ = std::make_unique<RunningServer>(work_.path(), 0.2);
    second_ = std::make_unique<RunningServer>(*first_, work_.path() / "second-models");
  }

  const testing::TemporaryDirectory work_{"replicas"};
  std::unique_ptr<RunningServer> first_;
  std::unique_ptr<RunningServer> second_;
};

TEST_F(ReplicasTest, AnApplicationSavedByOneIsExplainedByTheOther) {
  const json application = {{"application", testing::complete_application()}};
  const json saved = first_->post("/api/v1/applications", application, 201);
  const std::string path = "/api/v1/clients/" + std::to_string(saved["id"].get<std::int64_t>());
  // The store is shared: its page is there at once.
  EXPECT_EQ(second_->get(path)["id"], saved["id"]);
  // The clients in memory follow within the moment the notice takes.
  ASSERT_TRUE(within(2, [&] {
    return second_->client->Get(path + "/explanation", second_->as(store::Role::Advisor))->status ==
           200;
  }));
  const json explained = second_->get(path + "/explanation");
  EXPECT_DOUBLE_EQ(explained["probability"].get<double>(), saved["probability"].get<double>());
  // Numbers go on from the store's, whichever server saved the last one.
  const json next = second_->post("/api/v1/applications", application, 201);
  EXPECT_GT(next["id"].get<std::int64_t>(), saved["id"].get<std::int64_t>());
  EXPECT_EQ(first_->get("/api/v1/clients?limit=1")["total"],
            second_->get("/api/v1/clients?limit=1")["total"]);
}

TEST_F(ReplicasTest, APromotionReachesBothWithinTwoSecondsWithoutAFailedRequest) {
  const std::string before = first_->get("/api/v1/model")["run_id"];
  const std::string id = first_->get("/api/v1/clients?limit=1")["clients"][0]["id"].dump();
  // Both replicas under load throughout, as nginx would share it.
  std::atomic<bool> done{false};
  std::atomic<int> requests{0}, failures{0};
  std::thread load([&] {
    std::vector<std::unique_ptr<httplib::Client>> replicas;
    for (const RunningServer* replica : {first_.get(), second_.get()}) {
      replicas.push_back(std::make_unique<httplib::Client>("127.0.0.1", replica->port));
      replicas.back()->set_default_headers(replica->as(store::Role::System));
    }
    while (!done) {
      const auto answer = replicas[requests % 2]->Get("/predict?numeroClient=" + id);
      failures += !answer || answer->status != 200 ? 1 : 0;
      ++requests;
    }
  });
  const testing::CommandResult trained = testing::run_creditscore(
      "train --data " + (ServedData::root() / "data").string() + " --models " +
      first_->settings.models.string() + " --database " + first_->settings.database.string() +
      " --folds 2 --max-rounds 10 --early-stopping 5 --seed 3");
  ASSERT_EQ(trained.status, 0) << trained.output;
  store::RunRegistry registry(first_->settings.database);
  const std::string run = registry.list().front().id;
  ASSERT_NE(run, before);
  registry.promote(run);
  for (RunningServer* replica : {first_.get(), second_.get()}) {
    EXPECT_TRUE(within(2, [&] { return replica->get("/api/v1/model")["run_id"] == run; }))
        << "port " << replica->port;
  }
  done = true;
  load.join();
  EXPECT_GT(requests, 10);
  EXPECT_EQ(failures, 0);
  // The second replica's bundles came from the database, checked file by file.
  EXPECT_EQ(model::read_bundle(work_.path() / "second-models" / run).run_id, run);
  EXPECT_EQ(model::read_bundle(work_.path() / "second-models" / before).run_id, before);
}

TEST_F(ReplicasTest, CommandsWorkOnTheSharedDatabaseWithoutItsFiles) {
  const std::filesystem::path models = work_.path() / "command-models";  // empty
  const std::string database = first_->settings.database.string();
  const std::string run = first_->get("/api/v1/model")["run_id"];
  const std::filesystem::path card = work_.path() / "card.md";
  const testing::CommandResult carded =
      testing::run_creditscore("model-card --markdown --database " + database + " --models " +
                               models.string() + " --out " + card.string());
  ASSERT_EQ(carded.status, 0) << carded.output;
  EXPECT_NE(testing::read_file(card).find(run), std::string::npos);
  EXPECT_EQ(model::read_bundle(models / run).run_id, run);  // fetched from the database

  const std::string id = first_->get("/api/v1/clients?limit=1")["clients"][0]["id"].dump();
  const std::filesystem::path exported = work_.path() / "client.json";
  const testing::CommandResult export_run =
      testing::run_creditscore("client export " + id + " --database " + database + " --models " +
                               models.string() + " --out " + exported.string());
  ASSERT_EQ(export_run.status, 0) << export_run.output;
  EXPECT_NE(testing::read_file(exported).find(id), std::string::npos);
  store::AuditQuery exports;
  exports.client_id = std::stoll(id);
  bool recorded = false;
  for (const store::AuditRecord& r : store::AuditTrail(database).find(exports))
    recorded = recorded || r.action == "client export";
  EXPECT_TRUE(recorded) << "the export is in the shared database's audit trail";
  EXPECT_FALSE(std::filesystem::exists("clients.sqlite")) << "no file store made by mistake";
}

}  // namespace
}  // namespace creditscore::server
