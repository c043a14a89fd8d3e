// Sudden death: each command is killed with SIGKILL mid-way, and what is on disk afterwards
// loads and is consistent (the old store or bundle intact, the registry readable, every
// acknowledged application present); the next run of the same command removes what the killed
// one left behind.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "model/model_bundle.h"
#include "store/access_store.h"
#include "store/audit_trail.h"
#include "store/client_store.h"
#include "store/decision_log.h"
#include "store/run_registry.h"
#include "tests/support/bad_applications.h"
#include "tests/support/child_process.h"
#include "tests/support/run_command.h"
#include "tests/support/served_data.h"
#include "tests/support/temporary_directory.h"

namespace creditscore {
namespace {

using testing::ChildProcess;
using testing::ServedData;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class CrashSafetyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy(ServedData::root() / "models", models_,
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy_file(ServedData::root() / "clients.sqlite", store_);
  }
  // Entries of `directory` whose name holds `part`.
  static std::set<std::string> named(const std::filesystem::path& directory,
                                     const std::string& part) {
    std::set<std::string> found;
    for (const auto& entry : std::filesystem::directory_iterator(directory))
      if (entry.path().filename().string().find(part) != std::string::npos)
        found.insert(entry.path().filename().string());
    return found;
  }
  void expect_served_bundle_loads() {
    const auto served = store::RunRegistry(store::registry_file(models_)).served();
    ASSERT_TRUE(served) << "no model served any more";
    EXPECT_NO_THROW(model::read_bundle(served->bundle_path)) << served->bundle_path;
  }

  const testing::TemporaryDirectory work_{"crash"};
  const std::filesystem::path models_ = work_.path() / "models";
  const std::filesystem::path store_ = work_.path() / "clients.sqlite";
  const std::string data_ = (ServedData::root() / "data").string();
};

TEST_F(CrashSafetyTest, AStoreBuildKilledMidwayLeavesTheOldStoreWhole) {
  const std::size_t clients = store::ClientStore(store_).count();
  const std::string build =
      "store build --data " + data_ + " --models " + models_.string() + " --out " + store_.string();
  {
    ChildProcess killed(build, work_.path() / "build.log");
    const std::filesystem::path temporary =
        store_.string() + ".tmp." + std::to_string(killed.pid());
    ASSERT_TRUE(killed.wait_for([&] {
      std::error_code none;
      return std::filesystem::file_size(temporary, none) > 0 && !none;
    })) << testing::read_file(work_.path() / "build.log");
    killed.kill();
  }
  EXPECT_FALSE(named(work_.path(), "clients.sqlite.tmp.").empty()) << "killed before the rename";
  EXPECT_EQ(store::ClientStore(store_).count(), clients) << "the old store is intact";

  const auto again = testing::run_creditscore(build);
  ASSERT_EQ(again.status, 0) << again.output;
  EXPECT_TRUE(named(work_.path(), "clients.sqlite.tmp.").empty()) << "the killed run's files";
  EXPECT_EQ(store::ClientStore(store_).count(), clients);
}

TEST_F(CrashSafetyTest, TrainKilledWhileWritingItsBundleThenPromoteKilledAtAnyMoment) {
  const std::string train = "train --data " + data_ + " --models " + models_.string() +
                            " --folds 2 --max-rounds 20 --early-stopping 5";
  const std::size_t runs = store::RunRegistry(store::registry_file(models_)).list().size();
  {
    ChildProcess killed(train, work_.path() / "train.log");
    const std::string staging = ".bundle-being-written.tmp." + std::to_string(killed.pid());
    ASSERT_TRUE(killed.wait_for([&] { return std::filesystem::exists(models_ / staging); }))
        << testing::read_file(work_.path() / "train.log");
    killed.kill();
  }
  EXPECT_EQ(store::RunRegistry(store::registry_file(models_)).list().size(), runs);
  expect_served_bundle_loads();

  const auto trained = testing::run_creditscore(train);
  ASSERT_EQ(trained.status, 0) << trained.output;
  EXPECT_TRUE(named(models_, ".tmp.").empty()) << "the killed run's staging directory";
  const auto listed = store::RunRegistry(store::registry_file(models_)).list();
  ASSERT_EQ(listed.size(), runs + 1);

  // Promotions back and forth, each killed a little later than the one before.
  for (int delay = 0; delay < 40; delay += 2) {
    const std::string& run = listed[static_cast<std::size_t>(delay / 2) % listed.size()].id;
    {
      ChildProcess promote("promote " + run + " --models " + models_.string(),
                           work_.path() / "promote.log");
      std::this_thread::sleep_for(std::chrono::milliseconds(delay));
      promote.kill();
    }
    expect_served_bundle_loads();
    EXPECT_EQ(store::RunRegistry(store::registry_file(models_)).list().size(), listed.size());
  }
}

// Also the audit trail's promise: no answer about a client leaves before its record is on disk,
// so every acknowledged application, decision and outcome, and every answered /predict, has its
// record after the kill; the decisions' correction chain holds.
TEST_F(CrashSafetyTest, AServerKilledUnderLoadKeepsEveryAcknowledgedWriteAndAuditRecord) {
  store::AccessStore access(store_);
  const httplib::Headers advisor = {
      {"Authorization",
       "Bearer " + access.create_token("crash-advisor", store::Role::Advisor, std::nullopt)}};
  const httplib::Headers analyst = {
      {"Authorization",
       "Bearer " + access.create_token("crash-analyst", store::Role::Analyst, std::nullopt)}};
  ChildProcess server("serve --port 0 --store " + store_.string() + " --models " + models_.string(),
                      work_.path() / "serve.log");
  const int port = testing::wait_for_serving_port(server, work_.path() / "serve.log");
  ASSERT_GT(port, 0) << testing::read_file(work_.path() / "serve.log");

  const std::string body = nlohmann::json{{"application", testing::complete_application()}}.dump();
  const std::string decision =
      nlohmann::json{{"decision", "refused"}, {"comment", "Refus confirmé après entretien."}}
          .dump();
  std::int64_t predicted = 0, decided = 0;  // a past client, and a new application
  for (const store::ClientRow& row : store::ClientStore(store_).list(0, 1000).rows) {
    if (row.split == store::ClientSplit::Train && predicted == 0) predicted = row.id;
    if (row.split == store::ClientSplit::Test && decided == 0) decided = row.id;
  }
  ASSERT_TRUE(predicted != 0 && decided != 0);
  std::mutex lock;
  std::set<std::int64_t> acknowledged, decisions;  // application and decision ids
  std::map<std::int64_t, std::string> outcomes;    // application id -> outcome
  std::atomic<int> predictions = 0;
  std::atomic<bool> stopped = false;
  const auto enough = [&] {
    const std::lock_guard hold(lock);
    return acknowledged.size() >= 20 && decisions.size() >= 10 && outcomes.size() >= 10 &&
           predictions >= 20;
  };
  // What each caller asks, again and again until the kill; it keeps what was acknowledged.
  const std::function<void(httplib::Client&)> callers[] = {
      [&](httplib::Client& client) {
        const auto answer =
            client.Get("/predict?numeroClient=" + std::to_string(predicted), advisor);
        if (answer && answer->status == 200) ++predictions;
      },
      [&](httplib::Client& client) {
        const auto answer = client.Post("/api/v1/applications", advisor, body, "application/json");
        if (!answer || answer->status != 201) return;
        const std::lock_guard hold(lock);
        acknowledged.insert(nlohmann::json::parse(answer->body)["id"].get<std::int64_t>());
      },
      [&](httplib::Client& client) {
        const auto answer = client.Post("/api/v1/clients/" + std::to_string(decided) + "/decision",
                                        advisor, decision, "application/json");
        if (!answer || answer->status != 201) return;
        const std::lock_guard hold(lock);
        decisions.insert(nlohmann::json::parse(answer->body)["id"].get<std::int64_t>());
      },
      [&](httplib::Client& client) {
        std::int64_t id = 0;
        {
          const std::lock_guard hold(lock);
          for (const std::int64_t a : acknowledged)
            if (!outcomes.contains(a)) id = a;
        }
        if (id == 0) return;
        const std::string outcome = id % 2 == 0 ? "defaulted" : "repaid";
        const auto answer =
            client.Post("/api/v1/clients/" + std::to_string(id) + "/outcome", analyst,
                        nlohmann::json{{"outcome", outcome}}.dump(), "application/json");
        if (!answer || answer->status != 200) return;
        const std::lock_guard hold(lock);
        outcomes[id] = outcome;
      }};
  std::vector<std::thread> calling;
  for (const auto& call : callers) {
    calling.emplace_back([&] {
      httplib::Client client("127.0.0.1", port);
      while (!stopped) call(client);
    });
  }
  ASSERT_TRUE(server.wait_for(enough));
  server.kill();  // mid-burst: requests are under way
  stopped = true;
  for (std::thread& thread : calling) thread.join();
  // The records still in the server's journal join the trail, as the next server's start would.
  const testing::CommandResult verified =
      testing::run_creditscore("audit verify --store " + store_.string());
  ASSERT_EQ(verified.status, 0) << verified.output;

  store::ClientStore store(store_);
  store::AuditTrail trail(store_);
  for (const std::int64_t id : acknowledged) {
    const auto client = store.find(id);
    EXPECT_TRUE(client) << "application " << id << " was acknowledged, then lost";
    if (client && outcomes.contains(id)) {
      EXPECT_EQ(client->target, outcomes[id] == "defaulted" ? 1 : 0) << "outcome of " << id;
    }
    store::AuditQuery query;
    query.client_id = id;
    EXPECT_GE(trail.count(query), outcomes.contains(id) ? 2u : 1u)
        << "application " << id << " was answered without its records";
  }
  // Newest first, each correction pointing at the one before it, every acknowledged one there.
  const std::vector<store::Decision> history = store::DecisionLog(store_).history(decided);
  std::set<std::int64_t> kept;
  for (std::size_t k = 0; k < history.size(); ++k) {
    kept.insert(history[k].id);
    if (k + 1 < history.size()) {
      EXPECT_EQ(history[k].replaces, history[k + 1].id) << "decision " << history[k].id;
    } else {
      EXPECT_FALSE(history[k].replaces) << "the first decision replaces nothing";
    }
  }
  for (const std::int64_t id : decisions) EXPECT_TRUE(kept.contains(id)) << "decision " << id;
  store::AuditQuery asked;
  asked.client_id = predicted;
  EXPECT_GE(trail.count(asked), static_cast<std::size_t>(predictions.load()))
      << "answered /predict calls without their record";
  EXPECT_TRUE(trail.verify().intact);
}

// Safe retries through a crash: each application is sent with its own key until acknowledged,
// to whichever server is up; one is killed mid-way and another started. Every application is then
// saved exactly once, whether its first answer was lost or not.
TEST_F(CrashSafetyTest, ApplicationsRetriedWithTheirKeysThroughAKillAreSavedExactlyOnce) {
  const std::size_t clients = store::ClientStore(store_).count();
  const std::string token =
      store::AccessStore(store_).create_token("retrier", store::Role::Advisor, std::nullopt);
  const std::string serve =
      "serve --port 0 --store " + store_.string() + " --models " + models_.string();
  auto server = std::make_unique<ChildProcess>(serve, work_.path() / "serve-1.log");
  std::atomic<int> port = testing::wait_for_serving_port(*server, work_.path() / "serve-1.log");
  ASSERT_GT(port, 0) << testing::read_file(work_.path() / "serve-1.log");

  constexpr int kApplications = 60;
  std::atomic<int> acknowledged = 0, retries = 0;
  std::atomic<bool> given_up = false;
  std::set<std::int64_t> ids;
  std::thread sender([&] {
    const std::string body =
        nlohmann::json{{"application", testing::complete_application()}}.dump();
    for (int n = 0; n < kApplications; ++n) {
      const httplib::Headers headers = {{"Authorization", "Bearer " + token},
                                        {"Idempotency-Key", "retried-" + std::to_string(n)}};
      for (; !given_up; ++retries) {
        httplib::Client client("127.0.0.1", port);
        client.set_read_timeout(std::chrono::seconds(10));
        const auto answer = client.Post("/api/v1/applications", headers, body, "application/json");
        if (answer && answer->status == 201) {
          ids.insert(nlohmann::json::parse(answer->body)["id"].get<std::int64_t>());
          break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
      }
      ++acknowledged;
    }
  });
  ASSERT_TRUE(server->wait_for([&] { return acknowledged >= kApplications / 3; }));
  server->kill();  // mid-stream: a request may have been saved and its answer lost
  server = std::make_unique<ChildProcess>(serve, work_.path() / "serve-2.log");
  port = testing::wait_for_serving_port(*server, work_.path() / "serve-2.log");
  given_up = port == 0;
  sender.join();
  ASSERT_FALSE(given_up) << testing::read_file(work_.path() / "serve-2.log");

  EXPECT_GT(retries, 0) << "the kill interrupted nothing";
  EXPECT_EQ(ids.size(), static_cast<std::size_t>(kApplications)) << "one client per key";
  EXPECT_EQ(store::ClientStore(store_).count(), clients + kApplications) << "none saved twice";
}

}  // namespace
}  // namespace creditscore
