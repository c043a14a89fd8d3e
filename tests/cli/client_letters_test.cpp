// `creditscore letters`, `client export` and `recourse`, run as an operator would, on a copy of a
// built store where advisors made decisions.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/audit_trail.h"
#include "store/client_store.h"
#include "store/decision_log.h"
#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class ClientLettersTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::filesystem::copy_file(ServedData::root() / "clients.sqlite", db_);
    store::DecisionLog log(db_);
    const store::ApplicationPage pending =
        log.applications(store::ApplicationStatus::Pending, 0, 2);
    ASSERT_EQ(pending.rows.size(), 2u);
    for (std::size_t k = 0; k < 2; ++k) {
      store::Decision d;
      d.client_id = pending.rows[k].client_id;
      d.actor = "ada";
      d.run_id = "run";
      d.recommendation = d.decision = k == 0 ? model::Verdict::Refused : model::Verdict::Granted;
      d.reasons = {
          {{"fr", "Vos revenus (12 000)"}, {"en", "Your income (12,000)"}, {"effect", 0.1}}};
      log.record(d);
      decided_.push_back(d.client_id);
    }
  }
  CommandResult run(const std::string& arguments) {
    return run_creditscore(arguments + " --store " + db_.string() + " --models " +
                           (ServedData::root() / "models").string());
  }

  const TemporaryDirectory temporary_{"letters_cli"};
  const std::filesystem::path db_ = temporary_.path() / "clients.sqlite";
  std::vector<std::int64_t> decided_;
};

TEST_F(ClientLettersTest, WritesTheLetterOfEachDecisionSinceADateInEachLanguage) {
  const std::filesystem::path out = temporary_.path() / "letters";
  const CommandResult result = run("letters --since 2000-01-01 --lang fr en --out " + out.string());
  ASSERT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("granted"), std::string::npos) << result.output;
  for (std::int64_t id : decided_) {
    for (const std::string lang : {"fr", "en"}) {
      const std::filesystem::path pdf =
          out / ("letter-" + std::to_string(id) + "-" + lang + ".pdf");
      ASSERT_TRUE(std::filesystem::exists(pdf)) << pdf;
      const CommandResult text = run_command("pdftotext " + pdf.string() + " -");
      EXPECT_NE(text.output.find(std::to_string(id)), std::string::npos);
      EXPECT_NE(text.output.find(lang == "fr" ? "Vos revenus" : "Your income"), std::string::npos)
          << text.output;
    }
  }
  // Each letter is recorded.
  store::AuditQuery query;
  query.client_id = decided_[0];
  const auto records = store::AuditTrail(db_).find(query);
  ASSERT_FALSE(records.empty());
  EXPECT_EQ(records[0].action, "letters");

  const CommandResult none = run("letters --since 2999-01-01 --out " + out.string());
  ASSERT_EQ(none.status, 0) << none.output;
  const CommandResult bad = run("letters --since yesterday --out " + out.string());
  EXPECT_NE(bad.status, 0);
  EXPECT_NE(bad.output.find("since 'yesterday'"), std::string::npos) << bad.output;
  const CommandResult language = run("letters --since 2000-01-01 --lang de --out " + out.string());
  EXPECT_NE(language.status, 0);
  EXPECT_NE(language.output.find("lang=\"de\""), std::string::npos) << language.output;
}

TEST_F(ClientLettersTest, ExportsEverythingHeldAboutAClientAndRecordsTheExport) {
  const std::filesystem::path file = temporary_.path() / "client.json";
  const CommandResult result =
      run("client export " + std::to_string(decided_[0]) + " --out " + file.string());
  ASSERT_EQ(result.status, 0) << result.output;
  const nlohmann::json document = nlohmann::json::parse(std::ifstream(file));
  EXPECT_EQ(document["client_id"], decided_[0]);
  EXPECT_FALSE(document["application"].empty());
  EXPECT_EQ(document["decisions"].size(), 1u);
  EXPECT_EQ(document["decisions"][0]["actor"], "ada");
  EXPECT_GT(document["features"].size(), 500u);
  store::AuditQuery query;
  query.client_id = decided_[0];
  EXPECT_EQ(store::AuditTrail(db_).find(query).at(0).action, "client export");

  const CommandResult missing = run("client export 999999999");
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.output.find("no client 999999999"), std::string::npos) << missing.output;
}

TEST_F(ClientLettersTest, RecourseTellsWhatWouldChangeTheDecisionAndRecordsTheAccess) {
  const std::string id = std::to_string(decided_[0]);
  const CommandResult result = run("recourse --client " + id + " --lang en");
  ASSERT_EQ(result.status, 0) << result.output;
  EXPECT_NE(result.output.find("Client " + id + ": "), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("term (months)"), std::string::npos) << result.output;
  EXPECT_NE(result.output.find("current"), std::string::npos) << result.output;
  // Refused: options or the lowest risk; granted: the largest amount.
  EXPECT_TRUE(result.output.find("lowest risk") != std::string::npos ||
              result.output.find("What would lead to acceptance") != std::string::npos ||
              result.output.find("largest granted") != std::string::npos)
      << result.output;
  store::AuditQuery query;
  query.client_id = decided_[0];
  EXPECT_EQ(store::AuditTrail(db_).find(query).at(0).action, "recourse");

  const CommandResult language = run("recourse --client " + id + " --lang de");
  EXPECT_NE(language.status, 0);
  EXPECT_NE(language.output.find("lang=\"de\""), std::string::npos) << language.output;
  const CommandResult missing = run("recourse --client 999999999");
  EXPECT_NE(missing.status, 0);
  EXPECT_NE(missing.output.find("no client 999999999"), std::string::npos) << missing.output;
}

}  // namespace
}  // namespace creditscore::testing
