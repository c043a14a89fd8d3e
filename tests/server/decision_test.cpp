// Decisions owned by a person, the worklist, the client's letter and export, through the real
// server.
#include <gtest/gtest.h>

#include <fstream>

#include "store/audit_trail.h"
#include "tests/server/letter_text.h"
#include "tests/support/bad_applications.h"
#include "tests/support/run_command.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class DecisionTest : public ::testing::Test {
 protected:
  // The oldest pending application, and a past client whose outcome is known.
  std::int64_t pending() {
    return server_.get("/api/v1/applications?limit=1")["applications"][0]["id"].get<std::int64_t>();
  }
  std::int64_t past_client() {
    const json clients = server_.get("/api/v1/clients?limit=50")["clients"];
    for (const json& c : clients)
      if (c["split"] == "train") return c["id"].get<std::int64_t>();
    ADD_FAILURE() << "no past client";
    return 0;
  }
  std::string path(std::int64_t id, const std::string& what) const {
    return "/api/v1/clients/" + std::to_string(id) + (what.empty() ? "" : "/" + what);
  }
  std::string letter_text(std::int64_t id, const std::string& lang) {
    return server::letter_text(server_, id, lang, work_.path());
  }

  const testing::TemporaryDirectory work_{"decisions"};
  RunningServer server_{work_.path()};
};

TEST_F(DecisionTest, TheWorklistListsNewApplicationsOldestFirstWithTheirRecommendation) {
  const json page = server_.get("/api/v1/applications?limit=5");
  EXPECT_EQ(page["status"], "pending");
  ASSERT_GT(page["total"].get<int>(), 5);
  ASSERT_EQ(page["applications"].size(), 5u);
  for (std::size_t k = 1; k < 5; ++k) {
    EXPECT_LE(page["applications"][k - 1]["received_at"], page["applications"][k]["received_at"]);
  }
  const json first = page["applications"][0];
  EXPECT_TRUE(first["decision"].is_null());
  const json score = server_.get(path(first["id"].get<std::int64_t>(), "score"));
  EXPECT_EQ(first["score"]["probability"], score["probability"]);
  EXPECT_EQ(first["score"]["decision"], score["decision"]);
  server_.get("/api/v1/applications?status=maybe", 422);
  EXPECT_EQ(server_.get("/api/v1/applications?status=decided")["total"], 0);
}

TEST_F(DecisionTest, APersonConfirmsOrOverridesWithACommentAndACorrectionPointsBack) {
  const std::int64_t id = pending();
  const json before = server_.get(path(id, "decisions"));
  EXPECT_TRUE(before["decidable"].get<bool>());
  EXPECT_TRUE(before["decisions"].empty());
  const std::string recommended = before["recommendation"]["decision"];
  const std::string other = recommended == "granted" ? "refused" : "granted";
  EXPECT_LE(before["recommendation"]["reasons"].size(), 4u);

  // An override needs a comment of 20 characters; a confirmation does not.
  server_.post(path(id, "decision"), {{"decision", other}}, 422);
  server_.post(path(id, "decision"), {{"decision", other}, {"comment", "trop court"}}, 422);
  server_.post(path(id, "decision"), {{"decision", "perhaps"}}, 422);
  server_.post(path(id, "decision"), {{"decision", recommended}, {"extra", 1}}, 422);
  const json confirmed = server_.post(path(id, "decision"), {{"decision", recommended}}, 201);
  EXPECT_FALSE(confirmed["overrides"].get<bool>());
  EXPECT_EQ(confirmed["actor"], "test-advisor");
  EXPECT_EQ(confirmed["recommendation"], recommended);
  EXPECT_TRUE(confirmed["replaces"].is_null());
  EXPECT_EQ(confirmed["reasons"], before["recommendation"]["reasons"]);
  for (const json& reason : confirmed["reasons"])
    EXPECT_EQ(reason["effect"].get<double>() > 0, recommended == "refused") << reason;

  const std::string why = "Revenus confirmés par trois bulletins de salaire récents.";
  const json corrected =
      server_.post(path(id, "decision"), {{"decision", other}, {"comment", why}}, 201);
  EXPECT_TRUE(corrected["overrides"].get<bool>());
  EXPECT_EQ(corrected["replaces"], confirmed["id"]);
  EXPECT_EQ(corrected["comment"], why);

  const json after = server_.get(path(id, "decisions"));
  ASSERT_EQ(after["decisions"].size(), 2u);
  EXPECT_EQ(after["decisions"][0]["id"], corrected["id"]);
  EXPECT_EQ(after["decisions"][1]["id"], confirmed["id"]);

  // Out of the pending list, into the decided one, once.
  EXPECT_NE(pending(), id);
  const json decided = server_.get("/api/v1/applications?status=decided");
  ASSERT_EQ(decided["total"], 1);
  EXPECT_EQ(decided["applications"][0]["decision"]["id"], corrected["id"]);

  // Every decision is in the audit trail.
  server_.server->flush_audit();
  store::AuditQuery query;
  query.client_id = id;
  std::size_t recorded = 0;
  for (const store::AuditRecord& r : store::AuditTrail(server_.settings.store).find(query)) {
    if (r.action == "POST /api/v1/clients/{id}/decision" && r.status == 201) ++recorded;
  }
  EXPECT_EQ(recorded, 2u);
}

TEST_F(DecisionTest, APastApplicationWithAKnownOutcomeIsNotDecided) {
  const std::int64_t id = past_client();
  EXPECT_FALSE(server_.get(path(id, "decisions"))["decidable"].get<bool>());
  server_.post(path(id, "decision"), {{"decision", "granted"}, {"comment", std::string(30, 'x')}},
               409);
  server_.post(path(999999999, "decision"), {{"decision", "granted"}}, 404);
}

TEST_F(DecisionTest, TheLetterTellsTheDecisionItsReasonsAndTheRightsInBothLanguages) {
  const std::int64_t id = pending();
  server_.get(path(id, "letter"), 409);  // no decision yet
  const json decision = server_.post(
      path(id, "decision"),
      {{"decision", "refused"}, {"comment", "Endettement trop élevé pour ce montant."}}, 201);
  ASSERT_FALSE(decision["reasons"].empty());

  const std::string fr = letter_text(id, "fr");
  EXPECT_NE(fr.find("Prêt à dépenser"), std::string::npos) << fr;
  EXPECT_NE(fr.find(std::to_string(id)), std::string::npos);
  EXPECT_NE(fr.find("ne pouvons pas vous accorder"), std::string::npos) << fr;
  EXPECT_NE(fr.find("un conseiller a pris cette décision"), std::string::npos) << fr;
  EXPECT_NE(fr.find("Ce qui pourrait changer cette décision"), std::string::npos);
  EXPECT_NE(fr.find("Le bureau de crédit"), std::string::npos);
  EXPECT_NE(fr.find("réexamine"), std::string::npos);
  EXPECT_NE(fr.find("Contester cette décision"), std::string::npos);
  const std::string en = letter_text(id, "en");
  EXPECT_NE(en.find("We cannot grant the credit"), std::string::npos) << en;
  EXPECT_NE(en.find("A person reviewed your file"), std::string::npos);
  EXPECT_NE(en.find("Contest this decision"), std::string::npos);
  // The reasons as the decision keeps them.
  for (const json& reason : decision["reasons"]) {
    EXPECT_NE(fr.find(flat(reason["fr"])), std::string::npos) << reason["fr"] << "\n" << fr;
    EXPECT_NE(en.find(flat(reason["en"])), std::string::npos) << reason["en"] << "\n" << en;
  }
  // No model internals.
  for (const char* internal : {"SHAP", "EXT_SOURCE", "probabilit", "threshold", "seuil de"})
    EXPECT_EQ(fr.find(internal) + en.find(internal), 2 * std::string::npos) << internal;
  server_.get(path(id, "letter?lang=de"), 422);
}

TEST_F(DecisionTest, TheExportHoldsEverythingKeptAboutTheClient) {
  const std::int64_t id = pending();
  server_.get(path(id, ""));  // an access, recorded
  server_.post(path(id, "decision"),
               {{"decision", "granted"}, {"comment", "Garant solide présenté en agence."}}, 201);
  const json exported = server_.get(path(id, "export"));
  EXPECT_EQ(exported["client_id"], id);
  const json file = server_.get(path(id, ""));
  EXPECT_EQ(exported["application"].size(), file["application"].size());
  EXPECT_EQ(exported["features"].size(), server_.get("/api/v1/features")["features"].size());
  ASSERT_EQ(exported["decisions"].size(), 1u);
  // The client's own history rows, from the data set the store was built from.
  const json& rows = exported["history_rows"]["tables"];
  ASSERT_TRUE(rows.is_object()) << exported["history_rows"];
  EXPECT_EQ(rows.size(), 6u);
  std::size_t held = 0;
  for (const auto& [file, list] : rows.items()) {
    held += list.size();
    for (const json& row : list) {
      if (row.contains("SK_ID_CURR")) {
        EXPECT_EQ(row["SK_ID_CURR"], id) << file;
      }
    }
  }
  EXPECT_GT(held, 0u);
  EXPECT_EQ(exported["scores"][1]["run_id"], file["score"]["model"]);
  bool decision_recorded = false;
  for (const json& access : exported["accesses"]) {
    EXPECT_EQ(access["client_id"], id);
    decision_recorded |= access["action"] == "POST /api/v1/clients/{id}/decision";
  }
  EXPECT_TRUE(decision_recorded);
  server_.get(path(999999999, "export"), 404);
}

TEST_F(DecisionTest, AnApplicationPostedWithItsHistoryIsExportedWithThoseRows) {
  const json credit = {{"SK_ID_BUREAU", 7001},
                       {"CREDIT_ACTIVE", "Active"},
                       {"DAYS_CREDIT", -400},
                       {"AMT_CREDIT_SUM", 25000}};
  const json previous = {
      {"SK_ID_PREV", 8001}, {"NAME_CONTRACT_STATUS", "Approved"}, {"AMT_APPLICATION", 12000}};
  const json history = {{"bureau", {credit}}, {"previous_application", {previous}}};
  const auto id =
      server_
          .post("/api/v1/applications",
                {{"application", testing::complete_application()}, {"history", history}}, 201)["id"]
          .get<std::int64_t>();
  const json exported = server_.get(path(id, "export"))["history_rows"];
  EXPECT_EQ(exported["source"], "posted with the application");
  const json& tables = exported["tables"];
  ASSERT_EQ(tables.size(), 6u) << tables;  // a history given: the tables left out hold no rows
  ASSERT_EQ(tables["bureau.csv"].size(), 1u);
  EXPECT_EQ(tables["bureau.csv"][0]["SK_ID_CURR"], id);
  EXPECT_EQ(tables["bureau.csv"][0]["AMT_CREDIT_SUM"], 25000);
  EXPECT_EQ(tables["bureau.csv"][0]["CREDIT_ACTIVE"], "Active");
  ASSERT_EQ(tables["previous_application.csv"].size(), 1u);
  EXPECT_EQ(tables["previous_application.csv"][0]["AMT_APPLICATION"], 12000);
  EXPECT_TRUE(tables["installments_payments.csv"].empty());

  // Without a history, none is known, and the export says so rather than listing empty tables.
  const auto alone =
      server_.post("/api/v1/applications", {{"application", testing::complete_application()}}, 201);
  const json none = server_.get(path(alone["id"].get<std::int64_t>(), "export"))["history_rows"];
  EXPECT_EQ(none["source"], "posted with the application");
  EXPECT_EQ(none["tables"], json::object());
}

}  // namespace
}  // namespace creditscore::server
