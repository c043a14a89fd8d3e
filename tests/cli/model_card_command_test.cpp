// `creditscore model-card` on the served test data's registry: the card in each language and
// format says what the bundle holds (its AUC and interval, threshold, groups), and a run or a
// language that does not exist is named.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "app/document.h"
#include "model/model_bundle.h"
#include "store/run_registry.h"
#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class ModelCardCommandTest : public ::testing::Test {
 protected:
  CommandResult run(const std::string& arguments) {
    return run_creditscore("model-card " + arguments + " --models " + models_.string());
  }
  std::string read(const std::filesystem::path& file) {
    std::ostringstream text;
    text << std::ifstream(file).rdbuf();
    return text.str();
  }
  const std::filesystem::path models_ = ServedData::root() / "models";
  const TemporaryDirectory temporary_{"model_card"};
};

TEST_F(ModelCardCommandTest, TheCardSaysWhatTheBundleHoldsInEachLanguageAndFormat) {
  const std::optional<store::RunRecord> served =
      store::RunRegistry(store::registry_file(models_)).served();
  ASSERT_TRUE(served);
  const model::ModelBundle bundle = model::read_bundle(served->bundle_path);
  ASSERT_TRUE(bundle.evaluation.roc_auc_interval);
  ASSERT_TRUE(bundle.fairness);

  const std::filesystem::path markdown = temporary_.path() / "card.md";
  const CommandResult english = run("--lang en --markdown --out " + markdown.string());
  ASSERT_EQ(english.status, 0) << english.output;
  const std::string card = read(markdown);
  for (const char* heading :
       {"# Credit-scoring model card", "## Intended use", "## The data",
        "## The features, by family", "## Measured quality", "## Costs and threshold",
        "## Fairness at training", "## Known limitations", "## Human oversight", "## Version"})
    EXPECT_NE(card.find(heading), std::string::npos) << heading << "\n" << card;
  auto fixed = [](double value, int decimals) {
    char text[32];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return std::string(text);
  };
  const model::Evaluation& e = bundle.evaluation;
  EXPECT_NE(card.find("Area under the ROC curve: " + fixed(e.roc_auc, 3) +
                      " (95 % bootstrap interval: " + fixed(e.roc_auc_interval->low, 3) + " to " +
                      fixed(e.roc_auc_interval->high, 3) + ")"),
            std::string::npos)
      << card;
  EXPECT_LT(e.roc_auc_interval->low, e.roc_auc);
  EXPECT_GT(e.roc_auc_interval->high, e.roc_auc);
  EXPECT_NE(card.find(fixed(e.best.threshold, 3)), std::string::npos);
  EXPECT_NE(card.find(bundle.training["data_fingerprint"].get<std::string>()), std::string::npos);
  EXPECT_NE(card.find("XGBoost " + bundle.xgboost_version), std::string::npos);
  EXPECT_NE(card.find(bundle.run_id + " (served now)"), std::string::npos);
  // Every group of the bundle's fairness: its approval rate, or that it is too small.
  const model::GroupFairness& women = bundle.fairness->attributes[0].groups[0];
  EXPECT_NE(card.find("- Women (" + std::to_string(women.clients) +
                      " clients): " + fixed(100 * *women.approval_rate, 1) + " % granted"),
            std::string::npos)
      << card;
  for (const model::AttributeFairness& a : bundle.fairness->attributes) {
    for (const model::GroupFairness& g : a.groups) {
      if (!g.approval_rate) {
        EXPECT_NE(card.find("clients at training; the model's quality for this group is not"),
                  std::string::npos)
            << g.name;
      }
    }
  }

  const std::filesystem::path pdf = temporary_.path() / "carte.pdf";
  const CommandResult french = run(served->id + " --out " + pdf.string());
  ASSERT_EQ(french.status, 0) << french.output;
  const CommandResult text = run_command("pdftotext " + pdf.string() + " -");
  ASSERT_EQ(text.status, 0) << text.output;
  for (const char* words : {"Fiche du modèle de score de crédit", "Usage prévu",
                            "Équité à l'entraînement", "Contrôle humain", "Femmes"})
    EXPECT_NE(text.output.find(words), std::string::npos) << words << "\n" << text.output;
}

TEST_F(ModelCardCommandTest, AnUnknownRunOrLanguageIsNamedAndNothingIsWritten) {
  const std::filesystem::path out = temporary_.path() / "card.pdf";
  const CommandResult unknown = run("19990101-000000-dead --out " + out.string());
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.output.find("no run 19990101-000000-dead"), std::string::npos)
      << unknown.output;
  const CommandResult language = run("--lang de --out " + out.string());
  EXPECT_EQ(language.status, 1);
  EXPECT_NE(language.output.find("lang=\"de\""), std::string::npos) << language.output;
  EXPECT_FALSE(std::filesystem::exists(out));
}

}  // namespace
}  // namespace creditscore::testing
