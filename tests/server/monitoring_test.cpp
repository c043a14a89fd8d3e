// GET /api/v1/monitoring through the real server: the analysts' drift report, as its contract
// says, and a bad window or setting named in a 4xx.
#include <gtest/gtest.h>

#include <cmath>
#include <string>

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

TEST_F(MonitoringTest, FairnessBySexAndAgeBandNowAndAtTrainingCountsEveryClient) {
  const json report = as_analyst("/api/v1/monitoring", 200);
  const std::pair<const char*, const char*> moments[] = {{"now", "current_clients"},
                                                         {"at_training", "reference_clients"}};
  for (const auto& [moment, clients] : moments) {
    const json& fairness = report["fairness"][moment];
    ASSERT_EQ(fairness["attributes"].size(), 2u) << moment;
    for (const json& attribute : fairness["attributes"]) {
      int counted = attribute["unknown"].get<int>();
      int most_approved = 0;
      for (const json& group : attribute["groups"]) {
        counted += group["clients"].get<int>();
        if (group["approval_rate"].is_null()) continue;
        const double ratio = group["disparate_impact"].get<double>();
        EXPECT_GT(ratio, 0);
        EXPECT_LE(ratio, 1);
        EXPECT_EQ(group["four_fifths"].get<bool>(), ratio >= 0.8);
        most_approved += ratio == 1.0 ? 1 : 0;
      }
      EXPECT_EQ(counted, report[clients].get<int>()) << moment << " " << attribute["attribute"];
      EXPECT_GE(most_approved, 1) << moment << " " << attribute["attribute"];
    }
    // Both sexes are numerous enough for an approval rate.
    for (const json& sex : fairness["attributes"][0]["groups"])
      EXPECT_TRUE(sex["approval_rate"].is_number()) << moment << " " << sex["name"];
  }
  // Out of fold, every training client has an outcome: the refused shares are there too.
  const json& women = report["fairness"]["at_training"]["attributes"][0]["groups"][0];
  EXPECT_EQ(women["name"], "F");
  EXPECT_TRUE(women["false_positive_rate"].is_number());
  EXPECT_EQ(women["with_outcome"], women["clients"]);
}

// The value of one series in Prometheus' text, or NaN.
double series(const std::string& text, const std::string& name) {
  const auto at = text.find("\n" + name + " ");
  if (at == std::string::npos) return std::nan("");
  return std::stod(text.substr(at + name.size() + 2));
}

TEST_F(MonitoringTest, MetricsExportTheMonitorsHeadlineFiguresAsGauges) {
  const json report = as_analyst("/api/v1/monitoring", 200);
  const auto metrics = server_.client->Get("/metrics", server_.as(store::Role::System));
  ASSERT_TRUE(metrics);
  ASSERT_EQ(metrics->status, 200);
  const std::string& text = metrics->body;
  EXPECT_EQ(series(text, "creditscore_dataset_drift"), report["dataset_drift"].get<bool>() ? 1 : 0)
      << text;
  EXPECT_NEAR(series(text, "creditscore_drift_share"), report["drift_share"].get<double>(), 1e-5);
  EXPECT_NEAR(series(text, "creditscore_refusal_rate{clients=\"current\"}"),
              report["prediction"]["refusal_rate_now"].get<double>(), 1e-5);
  EXPECT_NEAR(series(text, "creditscore_refusal_rate{clients=\"out_of_fold\"}"),
              report["prediction"]["refusal_rate_before"].get<double>(), 1e-5);
  const json& women = report["fairness"]["now"]["attributes"][0]["groups"][0];
  EXPECT_NEAR(series(text, "creditscore_disparate_impact_ratio{attribute=\"sex\",group=\"F\"}"),
              women["disparate_impact"].get<double>(), 1e-5);
  // The PSI of the ten features the model uses most.
  std::size_t psi_series = 0;
  for (std::size_t at = text.find("\ncreditscore_feature_psi{"); at != std::string::npos;
       at = text.find("\ncreditscore_feature_psi{", at + 1))
    ++psi_series;
  EXPECT_EQ(psi_series, 10u) << text;
}

TEST_F(MonitoringTest, TheModelCardDownloadsAsMarkdownOrPdfForTheLiveModel) {
  const auto markdown = server_.client->Get("/api/v1/model/card?lang=en&format=markdown",
                                            server_.as(store::Role::Advisor));
  ASSERT_TRUE(markdown);
  ASSERT_EQ(markdown->status, 200) << markdown->body;
  EXPECT_EQ(markdown->get_header_value("Content-Type"), "text/markdown; charset=utf-8");
  const std::string run_id = server_.get("/api/v1/model")["run_id"].get<std::string>();
  EXPECT_EQ(markdown->get_header_value("Content-Disposition"),
            "attachment; filename=\"model-card-" + run_id + "-en.md\"");
  EXPECT_EQ(markdown->body.rfind("# Credit-scoring model card\n", 0), 0u) << markdown->body;
  EXPECT_NE(markdown->body.find("## Fairness at training"), std::string::npos);
  EXPECT_NE(markdown->body.find(run_id + " (served now)"), std::string::npos);
  const auto pdf = server_.client->Get("/api/v1/model/card", server_.as(store::Role::Advisor));
  ASSERT_TRUE(pdf);
  ASSERT_EQ(pdf->status, 200);
  EXPECT_EQ(pdf->get_header_value("Content-Type"), "application/pdf");
  EXPECT_EQ(pdf->body.rfind("%PDF-", 0), 0u);
  const auto odt =
      server_.client->Get("/api/v1/model/card?format=odt", server_.as(store::Role::Advisor));
  ASSERT_TRUE(odt);
  EXPECT_EQ(odt->status, 422);
  EXPECT_NE(odt->body.find("format=\\\"odt\\\""), std::string::npos) << odt->body;
}

TEST_F(MonitoringTest, OutcomesAsTheyArriveGiveTheQualityBesideTheOutOfFoldFigures) {
  const json before = as_analyst("/api/v1/monitoring", 200)["quality"];
  EXPECT_EQ(before["clients"], 0);
  EXPECT_TRUE(before["by_month"].empty());
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
  // By month of application: these clients were all stored in one.
  ASSERT_EQ(quality["by_month"].size(), 1u);
  EXPECT_EQ(quality["by_month"][0]["clients"], 20);
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
