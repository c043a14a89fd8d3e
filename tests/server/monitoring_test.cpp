// GET /api/v1/monitoring through the real server: the analysts' drift report, as its contract
// says, and a bad window or setting named in a 4xx.
#include <gtest/gtest.h>

#include "tests/server/running_server.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class MonitoringTest : public ::testing::Test {
 protected:
  json as_analyst(const std::string& path, int status) {
    return RunningServer::checked(server_.client->Get(path, server_.as(store::Role::Analyst)),
                                  status, "get", path.substr(0, path.find('?')));
  }
  const testing::TemporaryDirectory work_{"monitoring"};
  RunningServer server_{work_.path()};
};

TEST_F(MonitoringTest, AnalystsReadTheDriftReportOfTheCurrentClients) {
  const json report = as_analyst("/api/v1/monitoring", 200);
  EXPECT_GT(report["current_clients"].get<int>(), 100);
  EXPECT_EQ(report["features"].size(), server_.get("/api/v1/features")["features"].size());
  EXPECT_FALSE(report["dataset_drift"].get<bool>());
  EXPECT_EQ(report["settings"]["flagged_by"], "test");
  const json newest = as_analyst("/api/v1/monitoring?last=150&flag_by=psi", 200);
  EXPECT_EQ(newest["current_clients"], 150);
  EXPECT_EQ(newest["settings"]["flagged_by"], "psi");
  for (const json& f : newest["features"])
    EXPECT_EQ(f["drifted"].get<bool>(), f["psi"].get<double>() > 0.25) << f["name"];
  // An advisor works on clients, not on the model.
  EXPECT_EQ(server_.client->Get("/api/v1/monitoring", server_.as(store::Role::Advisor))->status,
            403);
}

TEST_F(MonitoringTest, OutcomesAsTheyArriveGiveTheQualityBesideTheOutOfFoldFigures) {
  EXPECT_EQ(as_analyst("/api/v1/monitoring", 200)["quality"]["clients"], 0);
  std::vector<std::int64_t> current, training;
  const json clients = server_.get("/api/v1/clients?limit=200")["clients"];
  for (const json& c : clients) (c["split"] == "train" ? training : current).push_back(c["id"]);
  ASSERT_GE(current.size(), 20u);
  ASSERT_FALSE(training.empty());
  const auto post = [&](std::int64_t id, const json& body, int status) {
    const std::string path = "/api/v1/clients/" + std::to_string(id) + "/outcome";
    return RunningServer::checked(server_.client->Post(path, server_.as(store::Role::Analyst),
                                                       body.dump(), "application/json"),
                                  status, "post", "/api/v1/clients/{id}/outcome");
  };
  for (std::size_t k = 0; k < 20; ++k) {
    const json answer = post(current[k], {{"outcome", k % 4 == 0 ? "defaulted" : "repaid"}}, 200);
    EXPECT_EQ(answer["id"], current[k]);
  }
  const json quality = as_analyst("/api/v1/monitoring", 200)["quality"];
  EXPECT_EQ(quality["clients"], 20);
  EXPECT_EQ(quality["defaulters"], 5);
  EXPECT_TRUE(quality["roc_auc"].is_number());
  EXPECT_GT(quality["out_of_fold"]["roc_auc"].get<double>(), 0.5);
  post(training.front(), {{"outcome", "repaid"}}, 409);
  post(999999999, {{"outcome", "repaid"}}, 404);
  post(current.front(), {{"outcome", "paid back"}}, 422);
}

TEST_F(MonitoringTest, ABadWindowOrSettingIsNamed) {
  EXPECT_NE(as_analyst("/api/v1/monitoring?since=yesterday", 422)["detail"].get<std::string>().find(
                "yesterday"),
            std::string::npos);
  EXPECT_NE(as_analyst("/api/v1/monitoring?flag_by=vibes", 422)["detail"].get<std::string>().find(
                "flag_by"),
            std::string::npos);
  as_analyst("/api/v1/monitoring?since=2999-01-01", 422);
  as_analyst("/api/v1/monitoring?last=0", 422);
}

}  // namespace
}  // namespace creditscore::server
