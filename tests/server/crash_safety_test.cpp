// Sudden death: each command is killed with SIGKILL mid-way, and what is on disk afterwards
// loads and is consistent (the old store or bundle intact, the registry readable, every
// acknowledged application present); the next run of the same command removes what the killed
// one left behind.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "model/model_bundle.h"
#include "store/access_store.h"
#include "store/audit_trail.h"
#include "store/client_store.h"
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

// Also the audit trail's promise: no answer about a client leaves before its record is committed,
// so every acknowledged application and every answered /predict has its record after the kill.
TEST_F(CrashSafetyTest, AServerKilledUnderLoadKeepsEveryAcknowledgedApplicationAndAuditRecord) {
  const std::string token =
      store::AccessStore(store_).create_token("crash-test", store::Role::Advisor, std::nullopt);
  const httplib::Headers credentials = {{"Authorization", "Bearer " + token}};
  ChildProcess server("serve --port 0 --store " + store_.string() + " --models " + models_.string(),
                      work_.path() / "serve.log");
  const int port = testing::wait_for_serving_port(server, work_.path() / "serve.log");
  ASSERT_GT(port, 0) << testing::read_file(work_.path() / "serve.log");

  const std::string body = nlohmann::json{{"application", testing::complete_application()}}.dump();
  const std::int64_t predicted = store::ClientStore(store_).list(0, 1).rows.front().id;
  std::mutex lock;
  std::set<std::int64_t> acknowledged;
  std::atomic<int> predictions = 0;
  std::atomic<bool> stopped = false;
  std::vector<std::thread> calling;
  for (int t = 0; t < 4; ++t) {
    calling.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", port);
      while (!stopped) {
        if (t == 0) {
          const auto answer =
              client.Get("/predict?numeroClient=" + std::to_string(predicted), credentials);
          if (answer && answer->status == 200) ++predictions;
          continue;
        }
        const auto answer =
            client.Post("/api/v1/applications", credentials, body, "application/json");
        if (!answer || answer->status != 201) continue;
        const std::lock_guard hold(lock);
        acknowledged.insert(nlohmann::json::parse(answer->body)["id"].get<std::int64_t>());
      }
    });
  }
  ASSERT_TRUE(server.wait_for([&] {
    const std::lock_guard hold(lock);
    return acknowledged.size() >= 20 && predictions >= 20;
  }));
  server.kill();  // mid-burst: requests are under way
  stopped = true;
  for (std::thread& thread : calling) thread.join();

  store::ClientStore store(store_);
  store::AuditTrail trail(store_);
  for (const std::int64_t id : acknowledged) {
    EXPECT_TRUE(store.find(id)) << "application " << id << " was acknowledged, then lost";
    store::AuditQuery query;
    query.client_id = id;
    EXPECT_EQ(trail.count(query), 1u) << "application " << id << " was answered without a record";
  }
  store::AuditQuery asked;
  asked.client_id = predicted;
  EXPECT_GE(trail.count(asked), static_cast<std::size_t>(predictions.load()))
      << "answered /predict calls without their record";
  EXPECT_TRUE(trail.verify().intact);
}

}  // namespace
}  // namespace creditscore
