// The real server on a loopback port, spoken to over HTTP.
#include "server/api_server.h"

#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <fstream>
#include <map>

#include "model/model_bundle.h"
#include "model/xgboost.h"
#include "store/audit_trail.h"
#include "store/client_store.h"
#include "store/run_registry.h"
#include "tests/server/running_server.h"
#include "tests/support/bad_applications.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class ApiServerTest : public ::testing::Test {
 protected:
  const testing::TemporaryDirectory work_{"api"};
  RunningServer server_{work_.path()};

  std::vector<float> stored_features(std::int64_t id) {
    store::ClientStore store(server_.settings.store);
    return store.find(id).value().features;
  }
  model::Booster served_booster() {
    return model::Booster::from_json(
        model::read_bundle(server_.server->service().bundle_path()).model_json);
  }
  // GET /predict for a stored client, checked against the served model's booster.
  json checked_predict(std::int64_t id) {
    const model::Booster booster = served_booster();
    const json answer = server_.get("/predict?numeroClient=" + std::to_string(id));
    EXPECT_TRUE(answer.is_array() && answer.size() == 3u) << answer;
    if (!answer.is_array() || answer.size() != 3u) return answer;
    const std::vector<float> row = stored_features(id);
    const model::DMatrix matrix({row.data(), 1, row.size()});
    const std::vector<double> expected = booster.predict(matrix, model::Prediction::Contributions);
    const json& values = answer[1]["0"];
    EXPECT_EQ(values.size(), row.size());
    double margin = answer[2].get<double>();
    for (std::size_t f = 0; f < row.size() && f < values.size(); ++f) {
      const double value = values.at(std::to_string(f)).get<double>();
      EXPECT_NEAR(value, expected[f], 1e-5) << f;
      margin += value;
    }
    EXPECT_NEAR(answer[2].get<double>(), expected.back(), 1e-5);
    EXPECT_EQ(answer[0].get<double>(), booster.predict(matrix, model::Prediction::Probability)[0]);
    EXPECT_NEAR(answer[0].get<double>(), 1 / (1 + std::exp(-margin)), 1e-6);  // additivity
    return answer;
  }
  std::int64_t first_id(const std::string& split) {
    const json page = server_.get("/api/v1/clients?limit=50");
    for (const auto& client : page["clients"])
      if (client["split"] == split) return client["id"].get<std::int64_t>();
    ADD_FAILURE() << "no " << split << " client";
    return 0;
  }
};

TEST_F(ApiServerTest, PredictAnswersTheFlaskShapeWithTheAskedClientsValues) {
  std::vector<json> answers;
  for (const std::string split : {"train", "test"}) {
    const std::int64_t id = first_id(split);
    answers.push_back(checked_predict(id));
    EXPECT_EQ(server_.get("/predict?numeroClient=" + std::to_string(id)), answers.back())
        << "asked again, from the explanation cache";
  }
  EXPECT_NE(answers[0][1], answers[1][1]);  // each client's own values, not row 0's
}

TEST_F(ApiServerTest, AStoredClientsScoreIsTheServedModelsProbabilityToTheBit) {
  const model::Booster booster = served_booster();
  for (const std::string split : {"train", "test"}) {
    const std::int64_t id = first_id(split);
    const std::vector<float> row = stored_features(id);
    const double expected =
        booster.predict(model::DMatrix({row.data(), 1, row.size()}), model::Prediction::Probability)
            .at(0);
    // Read from the clients held in memory, not computed again: still the model's own bits.
    const json score = server_.get("/api/v1/clients/" + std::to_string(id) + "/score");
    EXPECT_EQ(score["probability"].get<double>(), expected) << split;
    EXPECT_EQ(score["model"], server_.server->service().model()->bundle().run_id);
  }
}

TEST_F(ApiServerTest, BadRequestsGetTheirStatusAndAJsonError) {
  const struct {
    std::string path;
    int status;
    std::string detail;
  } gets[] = {
      {"/predict", 400, "numeroClient"},
      {"/predict?numeroClient=12x", 400, "not an integer"},
      {"/predict?numeroClient=1", 404, "no client 1"},
      {"/nowhere", 404, "no route"},
      {"/api/v1/clients/abc", 400, "not an integer"},
      {"/api/v1/clients?limit=5000", 422, "limit"},
      {"/api/v1/features/NOPE/distribution", 404, "no feature NOPE"},
      {"/api/v1/bivariate?x=EXT_SOURCE_2&y=EXT_SOURCE_3&where=EXT_SOURCE_2:a:", 422,
       "not a number"},
  };
  for (const auto& g : gets) {
    const json body = server_.get(g.path, g.status);
    EXPECT_NE(body.value("detail", "").find(g.detail), std::string::npos) << g.path << body;
    EXPECT_TRUE(body.contains("error")) << g.path;
  }
  const auto wrong_method =
      server_.client->Delete("/api/v1/clients", server_.as(store::Role::Advisor));
  const json refused = RunningServer::checked(wrong_method, 405, "delete", "/api/v1/clients");
  EXPECT_EQ(wrong_method->get_header_value("Allow"), "GET");

  const auto form = server_.client->Post("/api/v1/score", server_.as(store::Role::Advisor), "a=1",
                                         "application/x-www-form-urlencoded");
  RunningServer::checked(form, 415, "post", "/api/v1/score");
  const auto broken = server_.client->Post("/api/v1/score", server_.as(store::Role::Advisor),
                                           "{\"application\": ", "application/json");
  RunningServer::checked(broken, 400, "post", "/api/v1/score");
  const auto huge = server_.client->Post("/api/v1/score", server_.as(store::Role::Advisor),
                                         std::string(2 << 20, ' '), "application/json");
  RunningServer::checked(huge, 413, "post", "/api/v1/score");

  // Every class of bad value, as the CSV path refuses them too (tests/cli), for scoring and for
  // saving: nothing is saved.
  const std::size_t clients = server_.get("/api/v1/clients?limit=1")["total"];
  for (const testing::BadApplicationField& bad : testing::bad_application_fields()) {
    json application = testing::complete_application();
    application[bad.column] = bad.value;
    for (const std::string route : {"/api/v1/score", "/api/v1/applications"}) {
      const json body = server_.post(route, {{"application", application}}, 422);
      EXPECT_NE(body.value("detail", "").find("application." + bad.column), std::string::npos)
          << body;
      EXPECT_NE(body.value("detail", "").find(bad.problem), std::string::npos) << body;
    }
  }
  for (const testing::BadHistoryField& bad : testing::bad_history_fields()) {
    const json body = {
        {"application", testing::complete_application()},
        {"history", {{bad.table, {testing::history_row(bad.table, bad.column, bad.value)}}}}};
    for (const std::string route : {"/api/v1/score", "/api/v1/applications"}) {
      const json refused = server_.post(route, body, 422);
      EXPECT_NE(refused.value("detail", "")
                    .find("history." + bad.table + "[0]." + bad.column + ": " + bad.problem),
                std::string::npos)
          << refused;
    }
  }
  EXPECT_EQ(server_.get("/api/v1/clients?limit=1")["total"], clients);
  const struct {
    json application;
    std::string detail;
  } invalid[] = {
      {{{"AMT_CREDIT", "much"}}, "AMT_CREDIT: expected a number"},
      {{{"FAVOURITE_COLOUR", "blue"}}, "unknown field FAVOURITE_COLOUR"},
      {{{"NAME_CONTRACT_TYPE", 3}}, "NAME_CONTRACT_TYPE: expected text"},
  };
  for (const auto& i : invalid) {
    json application = testing::complete_application();
    application.update(i.application);
    const json body = server_.post("/api/v1/score", {{"application", application}}, 422);
    EXPECT_NE(body.value("detail", "").find(i.detail), std::string::npos) << body;
  }
  const json history = server_.post("/api/v1/score",
                                    {{"application", testing::complete_application()},
                                     {"history", {{"bureau", {{{"DAYS_CREDIT", "soon"}}}}}}},
                                    422);
  EXPECT_NE(history.value("detail", "").find("history.bureau[0].DAYS_CREDIT"), std::string::npos)
      << history;
  // A number the JSON parser itself cannot hold is refused naming its field, never a 500.
  const auto overflow =
      server_.client->Post("/api/v1/applications", server_.as(store::Role::Advisor),
                           R"({"application": {"AMT_INCOME_TOTAL": 1e999}})", "application/json");
  EXPECT_NE(RunningServer::checked(overflow, 422, "post", "/api/v1/applications")
                .value("detail", "")
                .find("application.AMT_INCOME_TOTAL: 1e999 is not a number any field can hold"),
            std::string::npos);
  EXPECT_EQ(server_.get("/healthz")["status"], "ok");  // and the server is still there
}

TEST_F(ApiServerTest, ClientsArePagedSearchedAndDescribedWithLabels) {
  const json page = server_.get("/api/v1/clients?offset=10&limit=5");
  EXPECT_EQ(page["total"], 1500);
  ASSERT_EQ(page["clients"].size(), 5u);
  const std::int64_t id = page["clients"][0]["id"];
  const json found = server_.get("/api/v1/clients?q=" + std::to_string(id));
  EXPECT_EQ(found["clients"][0]["id"], id);

  const json client = server_.get("/api/v1/clients/" + std::to_string(id));
  EXPECT_EQ(client["id"], id);
  bool saw_credit = false, saw_contract = false;
  for (const json& field : client["application"]) {
    EXPECT_FALSE(field["label_fr"].get<std::string>().empty()) << field;
    if (field["column"] == "AMT_CREDIT") {
      saw_credit = true;
      EXPECT_EQ(field["label_en"], "Credit amount");
      EXPECT_FALSE(field.contains("value_fr")) << "a number has no words";
      EXPECT_EQ(field["unit"], "amount");
    }
    if (field["column"] == "DAYS_BIRTH") {
      EXPECT_EQ(field["unit"], "years");
    }
    if (field["column"] == "NAME_CONTRACT_TYPE") {
      saw_contract = true;
      EXPECT_EQ(field["value_fr"],
                field["value"] == "Cash loans" ? "Prêt personnel" : "Crédit renouvelable");
    }
  }
  EXPECT_TRUE(saw_credit);
  EXPECT_TRUE(saw_contract);
  EXPECT_TRUE(client["summary"].is_object());
  EXPECT_EQ(client["score"]["probability"], page["clients"][0]["probability"]);
  const json score = server_.get("/api/v1/clients/" + std::to_string(id) + "/score");
  EXPECT_EQ(score["probability"], client["score"]["probability"]);
  EXPECT_EQ(score["decision"], client["score"]["decision"]);
}

TEST_F(ApiServerTest, ExplanationsAddUpAndGiveReasonsInBothLanguages) {
  const std::int64_t id = first_id("test");
  const json e = server_.get("/api/v1/clients/" + std::to_string(id) + "/explanation?top=10");
  double total = e["base_probability"].get<double>() + e["others"]["effect"].get<double>();
  for (const json& c : e["contributions"]) total += c["effect"].get<double>();
  EXPECT_NEAR(total, e["probability"].get<double>(), 1e-6);
  EXPECT_EQ(e["contributions"].size(), 10u);
  EXPECT_EQ(e["decision"],
            e["probability"].get<double>() >= e["threshold"].get<double>() ? "refused" : "granted");
  const json& reasons = e["reasons"];
  ASSERT_FALSE(reasons["towards_refusal"].empty() && reasons["towards_acceptance"].empty());
  for (const std::string side : {"towards_refusal", "towards_acceptance"}) {
    for (const json& r : reasons[side]) {
      EXPECT_NE(r["fr"].get<std::string>().find(" le risque de "), std::string::npos) << r;
      EXPECT_NE(r["en"].get<std::string>().find(" the risk by "), std::string::npos) << r;
    }
  }
}

TEST_F(ApiServerTest, ComparisonsCountEveryClientOfTheirGroup) {
  const std::int64_t id = first_id("test");
  auto group_total = [](const json& d) {
    std::size_t total = 0;
    auto add = [&](const json& c) {
      total += c["repaid"].get<std::size_t>() + c["defaulted"].get<std::size_t>() +
               c["unknown"].get<std::size_t>();
    };
    for (const json& bin : d["bins"]) add(bin);
    add(d["missing"]);
    add(d["elsewhere"]);
    return total;
  };
  const std::string client = "client=" + std::to_string(id);
  const json all = server_.get("/api/v1/features/EXT_SOURCE_2/distribution?" + client);
  EXPECT_EQ(all["unit"], "share");
  EXPECT_EQ(all["size"], 1500);
  // The application's day counts are read in years; the history's are not day counts of a life.
  EXPECT_EQ(server_.get("/api/v1/features/DAYS_BIRTH/distribution")["unit"], "years");
  const json catalogue = server_.get("/api/v1/features");
  std::map<std::string, std::size_t> units;
  for (const json& feature : catalogue["features"]) {
    const std::string name = feature["feature"];
    ++units[feature["unit"]];
    const bool day_count = name == "DAYS_BIRTH" || name == "DAYS_EMPLOYED" ||
                           name == "DAYS_REGISTRATION" || name == "DAYS_ID_PUBLISH" ||
                           name == "DAYS_LAST_PHONE_CHANGE";
    EXPECT_EQ(feature["unit"] == "years", day_count) << name;
    // Application fields by their measure; history aggregates of amounts are amounts, but not
    // their variance; a history's share of rows in a category is a share; a one-hot is yes/no.
    const std::map<std::string, std::string> expected = {
        {"AMT_CREDIT", "amount"},
        {"EXT_SOURCE_2", "share"},
        {"FLAG_EMP_PHONE", "yes_no"},
        {"NAME_CONTRACT_TYPE_Cash_loans", "yes_no"},
        {"PAYMENT_RATE", "as_is"},
        {"BURO_AMT_CREDIT_SUM_MAX", "amount"},
        {"BURO_AMT_CREDIT_SUM_MEAN", "amount"},
        {"PREV_AMT_ANNUITY_MEAN", "amount"},
        {"BURO_CREDIT_ACTIVE_Active_MEAN", "share"},
        {"BURO_DAYS_CREDIT_MEAN", "as_is"},
        {"INSTAL_DPD_MEAN", "as_is"}};
    if (expected.contains(name)) {
      EXPECT_EQ(feature["unit"], expected.at(name)) << name;
    }
    if (name.ends_with("_VAR")) {
      EXPECT_NE(feature["unit"], "amount") << name;
    }
  }
  EXPECT_EQ(units["years"], 5u);
  EXPECT_GT(units["amount"], 40u);
  EXPECT_GT(units["share"], 40u);
  EXPECT_EQ(group_total(all), 1500u);
  EXPECT_EQ(all["client"]["id"], id);
  const json women = server_.get(
      "/api/v1/features/AMT_CREDIT/distribution?group=filtered&where=CODE_GENDER_F:1:1");
  EXPECT_GT(women["size"].get<int>(), 500);
  EXPECT_LT(women["size"].get<int>(), 1400);
  EXPECT_EQ(group_total(women), women["size"].get<std::size_t>());
  const json similar =
      server_.get("/api/v1/features/AMT_CREDIT/distribution?group=similar&k=50&" + client);
  EXPECT_EQ(similar["size"], 50);

  const json neighbours = server_.get("/api/v1/clients/" + std::to_string(id) + "/similar?k=7");
  ASSERT_EQ(neighbours["clients"].size(), 7u);
  for (std::size_t i = 1; i < 7; ++i) {
    EXPECT_LE(neighbours["clients"][i - 1]["distance"], neighbours["clients"][i]["distance"]);
    EXPECT_NE(neighbours["clients"][i]["id"], id);
  }
  const json pairs =
      server_.get("/api/v1/bivariate?x=EXT_SOURCE_2&y=AMT_CREDIT&limit=100&" + client);
  EXPECT_LE(pairs["points"].size(), 100u);
  EXPECT_GT(pairs["points"].size(), 50u);
  EXPECT_EQ(pairs["client"]["id"], id);
}

TEST_F(ApiServerTest, WhatIfMovesTheScoreAndSavesNothing) {
  const std::int64_t id = first_id("test");
  const std::string path = "/api/v1/clients/" + std::to_string(id);
  const json before = server_.get(path);
  const json what_if = server_.post(
      path + "/what-if", {{"changes", {{"EXT_SOURCE_2", 0.01}, {"EXT_SOURCE_3", 0.01}}}});
  EXPECT_EQ(what_if["current"]["probability"], before["score"]["probability"]);
  EXPECT_GT(what_if["edited"]["probability"].get<double>(),
            what_if["current"]["probability"].get<double>());
  EXPECT_EQ(server_.get(path), before);
  server_.post(path + "/what-if", {{"changes", {{"AMT_CREDIT", -1}}}}, 422);
  server_.post(path + "/what-if", {{"nothing", 1}}, 422);
}

TEST_F(ApiServerTest, WhatIfAnnuityFollowsTheAmountAndTheTerm) {
  const std::string path = "/api/v1/clients/" + std::to_string(first_id("test"));
  double amount = 0, annuity = 0;
  const json file = server_.get(path);
  for (const json& field : file["application"]) {
    if (field["column"] == "AMT_CREDIT") amount = field["value"].get<double>();
    if (field["column"] == "AMT_ANNUITY") annuity = field["value"].get<double>();
  }
  ASSERT_GT(annuity, 0);
  // Half the amount over the same term: half the annuity, to the cent.
  const json halved = server_.post(path + "/what-if", {{"changes", {{"AMT_CREDIT", amount / 2}}}});
  EXPECT_NEAR(halved["changes"]["AMT_ANNUITY"].get<double>(), annuity / 2, 0.01);
  // The same amount over 60 months, for every client of the first page: the annuity it gives,
  // and a score that follows it for some (the small model here splits on the annuity's ratios on
  // few paths).
  bool moved = false;
  const json page = server_.get("/api/v1/clients?limit=50");
  for (const json& client : page["clients"]) {
    const json longer = server_.post(
        "/api/v1/clients/" + std::to_string(client["id"].get<std::int64_t>()) + "/what-if",
        {{"changes", {{"term", 60}}}});
    const double credit = client["amt_credit"].get<double>();
    EXPECT_EQ(longer["changes"], (json{{"AMT_ANNUITY", std::round(credit / 60 * 100) / 100}}));
    moved = moved || longer["edited"]["probability"] != longer["current"]["probability"];
  }
  EXPECT_TRUE(moved) << "no score follows the annuity";
  const json refused = server_.post(path + "/what-if", {{"changes", {{"term", 0}}}}, 422);
  EXPECT_NE(refused.dump().find("changes.term"), std::string::npos) << refused.dump();
}

TEST_F(ApiServerTest, AnApplicationWithoutHistoryIsToldItsScoreRestsOnTheApplication) {
  const json application = testing::complete_application();
  const json alone = server_.post("/api/v1/score", {{"application", application}});
  ASSERT_EQ(alone["warnings"].size(), 1u) << alone.dump();
  EXPECT_EQ(alone["warnings"][0],
            "no bureau.csv, bureau_balance.csv, previous_application.csv, POS_CASH_balance.csv, "
            "installments_payments.csv, credit_card_balance.csv given, though the model "
            "learned from them: every feature drawn from them counts as missing, so the score "
            "rests on the rest");
  // A history given, even empty, says the client has none: nothing is lacking.
  const json none =
      server_.post("/api/v1/score", {{"application", application}, {"history", json::object()}});
  EXPECT_TRUE(none["warnings"].empty()) << none.dump();
  EXPECT_EQ(none["probability"], alone["probability"]);
}

TEST_F(ApiServerTest, NewApplicationsAreScoredSavedAndSurviveARestart) {
  json application = testing::complete_application();
  application["ORGANIZATION_TYPE"] = "Space agency";
  const json scored = server_.post("/api/v1/score", {{"application", application}});
  const json saved = server_.post("/api/v1/applications", {{"application", application}}, 201);
  EXPECT_EQ(saved["probability"], scored["probability"]);
  ASSERT_FALSE(saved["warnings"].empty());
  EXPECT_NE(saved["warnings"][0].get<std::string>().find("ORGANIZATION_TYPE"), std::string::npos);
  const std::string path = "/api/v1/clients/" + std::to_string(saved["id"].get<std::int64_t>());

  server_.stop();
  server_.start();
  const json client = server_.get(path);
  EXPECT_EQ(client["split"], "new");
  EXPECT_EQ(client["score"]["probability"], saved["probability"]);
  EXPECT_EQ(server_.get("/api/v1/clients?limit=1")["total"], 1501);
}

TEST_F(ApiServerTest, PromotionsSwitchTheModelWithoutAFailedRequestAndBrokenBundlesAreRefused) {
  const std::string before = server_.get("/api/v1/model")["run_id"];
  const std::string data = (ServedData::root() / "data").string();
  const std::string id = std::to_string(first_id("test"));
  std::atomic<bool> done{false};
  std::atomic<int> failures{0}, requests{0};
  std::thread load([&] {
    httplib::Client client("127.0.0.1", server_.port);
    client.set_default_headers(server_.as(store::Role::System));
    while (!done) {
      const auto result = client.Get("/predict?numeroClient=" + id);
      failures += !result || result->status != 200 ? 1 : 0;
      ++requests;
    }
  });
  const testing::CommandResult trained = testing::run_creditscore(
      "train --data " + data + " --models " + server_.settings.models.string() +
      (server_.settings.database.empty() ? ""
                                         : " --database " + server_.settings.database.string()) +
      " --folds 2 --max-rounds 20 --early-stopping 5 --seed 9 --promote");
  ASSERT_EQ(trained.status, 0) << trained.output;
  std::string live = before;
  for (int wait = 0; wait < 100 && live == before; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    live = server_.get("/api/v1/model")["run_id"];
  }
  EXPECT_NE(live, before);
  checked_predict(std::stoll(id));  // the new model's values, not those held for the old one

  // A promoted bundle that does not load: refused, the live model serves on.
  store::RunRegistry registry(
      store::registry_location(server_.settings.models, server_.settings.database));
  const store::RunRecord current = *registry.find(live);
  const std::filesystem::path broken = server_.settings.models / "broken";
  std::filesystem::copy(current.bundle_path, broken);
  std::ofstream(broken / "model.json", std::ios::app) << " ";
  store::RunRecord record = current;
  record.id = "broken";
  record.bundle_path = broken.string();
  registry.record(record);
  registry.promote("broken");
  std::this_thread::sleep_for(std::chrono::milliseconds(2500));
  EXPECT_EQ(server_.get("/api/v1/model")["run_id"], live);
  EXPECT_EQ(server_.get("/readyz")["status"], "ready");
  done = true;
  load.join();
  EXPECT_GT(requests, 10);
  EXPECT_EQ(failures, 0);
  // Both are in the audit trail, as the registry's doing.
  store::AuditQuery switches;
  switches.actor = "registry";
  const auto recorded = store::AuditTrail(server_.settings.store).find(switches);
  ASSERT_EQ(recorded.size(), 2u);
  EXPECT_EQ(recorded[0].action, "model refused");
  EXPECT_NE(recorded[0].detail.find("checksum mismatch"), std::string::npos) << recorded[0].detail;
  EXPECT_EQ(recorded[1].action, "model switched");
  EXPECT_NE(recorded[1].detail.find(live), std::string::npos) << recorded[1].detail;
}

TEST_F(ApiServerTest, MetricsAndTheOpenApiDocumentDescribeTheService) {
  server_.get("/api/v1/clients?limit=2");
  server_.get("/api/v1/clients/1", 404);
  const auto metrics = server_.client->Get("/metrics", server_.as(store::Role::System));
  ASSERT_TRUE(metrics);
  EXPECT_EQ(metrics->get_header_value("Content-Type"), "text/plain; version=0.0.4");
  EXPECT_NE(metrics->body.find(
                "creditscore_http_requests_total{route=\"/api/v1/clients\",status=\"200\"} 1"),
            std::string::npos)
      << metrics->body;
  EXPECT_NE(metrics->body.find("route=\"/api/v1/clients/{id}\",status=\"404\"} 1"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("creditscore_http_request_duration_seconds_bucket"),
            std::string::npos);
  EXPECT_NE(metrics->body.find("creditscore_model_info{run_id=\""), std::string::npos);
  EXPECT_NE(metrics->body.find("creditscore_explanation_cache_capacity 20000"), std::string::npos);

  const json openapi = server_.get("/openapi.json");
  EXPECT_EQ(openapi["openapi"], "3.0.3");
  for (const std::string path : {"/predict", "/api/v1/clients/{id}/explanation", "/api/v1/score",
                                 "/api/v1/applications", "/api/v1/bivariate"})
    EXPECT_TRUE(openapi["paths"].contains(path)) << path;
  const json model = server_.get("/api/v1/model");
  EXPECT_GT(model["evaluation"]["roc_auc"].get<double>(), 0.6);
  EXPECT_EQ(model["explanation_engine"], "tree_shap");
  EXPECT_FALSE(model["importance"].empty());
  EXPECT_EQ(server_.get("/api/v1/model/global?top=3")["features"].size(), 3u);
  EXPECT_GE(server_.get("/api/v1/runs")["runs"].size(), 1u);
}

TEST(Documentation, SwaggerUiFromNpmReadsTheOpenApiDocument) {
  const testing::TemporaryDirectory work{"docs"};
  RunningServer server(work.path());
  EXPECT_NE(server.get("/docs", 404)["detail"].get<std::string>().find("npm ci"),
            std::string::npos);
  server.stop();
  server.settings.docs =
      std::filesystem::path(CREDITSCORE_SOURCE_DIR) / "web/node_modules/swagger-ui-dist";
  server.start();
  const auto page = server.client->Get("/docs");
  ASSERT_TRUE(page);
  EXPECT_EQ(page->status, 200);
  EXPECT_NE(page->body.find("<script src=\"/docs/init.js\">"), std::string::npos);
  const auto init = server.client->Get("/docs/init.js");
  ASSERT_TRUE(init);
  EXPECT_NE(init->body.find("url: \"/openapi.json\""), std::string::npos);
  const auto script = server.client->Get("/docs/assets/swagger-ui-bundle.js");
  ASSERT_TRUE(script);
  EXPECT_EQ(script->status, 200);
  EXPECT_GT(script->body.size(), 100000u);
}

}  // namespace
}  // namespace creditscore::server
