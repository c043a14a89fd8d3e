// Runs the real `creditscore` binary as a user would and checks what it says and returns.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "tests/support/csv_edit.h"
#include "tests/support/run_command.h"
#include "tests/support/temporary_directory.h"

namespace {

using creditscore::testing::CommandResult;

CommandResult run(const std::string& arguments) {
  return creditscore::testing::run_creditscore(arguments);
}

class CliTest : public ::testing::Test {
 protected:
  // A directory that commands create themselves: the temporary one's child.
  const creditscore::testing::TemporaryDirectory temporary_{"cli"};
  const std::filesystem::path dir_ = temporary_.path() / "work";
};

TEST_F(CliTest, HelpTeachesEveryCommand) {
  const CommandResult help = run("--help");
  EXPECT_EQ(help.status, 0);
  for (const char* command : {"generate", "inspect", "demo"}) {
    EXPECT_NE(help.output.find(command), std::string::npos) << command;
  }
  const CommandResult generate_help = run("generate --help");
  EXPECT_EQ(generate_help.status, 0);
  EXPECT_NE(generate_help.output.find("--clients"), std::string::npos);
  EXPECT_NE(generate_help.output.find("Example"), std::string::npos);
}

TEST_F(CliTest, BadFlagsAreRefusedByName) {
  const CommandResult zero = run("generate --clients 0 --out " + dir_.string());
  EXPECT_NE(zero.status, 0);
  EXPECT_NE(zero.output.find("--clients"), std::string::npos) << zero.output;
  const CommandResult word = run("generate --clients many --out " + dir_.string());
  EXPECT_NE(word.status, 0);
  EXPECT_NE(word.output.find("--clients"), std::string::npos) << word.output;
  EXPECT_FALSE(std::filesystem::exists(dir_));
  const CommandResult unknown = run("generate --colour blue");
  EXPECT_NE(unknown.status, 0);
  EXPECT_NE(unknown.output.find("--colour"), std::string::npos) << unknown.output;
}

TEST_F(CliTest, GenerateThenInspectReportsTheTables) {
  const CommandResult generate = run("generate --clients 400 --seed 3 --out " + dir_.string());
  ASSERT_EQ(generate.status, 0) << generate.output;
  EXPECT_NE(generate.output.find("bureau_balance.csv"), std::string::npos);
  EXPECT_NE(generate.output.find("oracle AUC"), std::string::npos);
  const CommandResult inspect = run("inspect --data " + dir_.string());
  ASSERT_EQ(inspect.status, 0) << inspect.output;
  EXPECT_NE(inspect.output.find("credit_card_balance.csv"), std::string::npos);
  EXPECT_NE(inspect.output.find("refer to nothing"), std::string::npos);
}

TEST_F(CliTest, InspectNamesTheMissingFile) {
  std::filesystem::create_directories(dir_);
  const CommandResult inspect = run("inspect --data " + dir_.string());
  EXPECT_EQ(inspect.status, 1);
  EXPECT_NE(inspect.output.find("application_train.csv"), std::string::npos) << inspect.output;
}

TEST_F(CliTest, InspectNamesFileLineAndColumnOfABadNumber) {
  ASSERT_EQ(run("generate --clients 50 --seed 2 --out " + dir_.string()).status, 0);
  creditscore::testing::set_first_row_field(dir_ / "bureau.csv", "DAYS_CREDIT", "abc");
  const CommandResult inspect = run("inspect --data " + dir_.string());
  EXPECT_EQ(inspect.status, 1);
  EXPECT_NE(inspect.output.find("bureau.csv:2"), std::string::npos) << inspect.output;
  EXPECT_NE(inspect.output.find("DAYS_CREDIT"), std::string::npos) << inspect.output;
  EXPECT_NE(inspect.output.find("abc"), std::string::npos) << inspect.output;
}

}  // namespace

namespace {

std::string run_id_in(const std::string& output) {
  const std::size_t at = output.find("\nRun ");
  return at == std::string::npos ? "" : output.substr(at + 5, output.find(':', at) - at - 5);
}

TEST_F(CliTest, TrainScoreCompareAndRollBack) {
  ASSERT_EQ(run("generate --clients 800 --seed 4 --out " + (dir_ / "data").string()).status, 0);
  const std::string quick = " --data " + (dir_ / "data").string() + " --models " +
                            (dir_ / "models").string() +
                            " --folds 2 --max-rounds 20 --early-stopping 5";
  const CommandResult first = run("train" + quick);
  ASSERT_EQ(first.status, 0) << first.output;
  EXPECT_NE(first.output.find("ROC AUC"), std::string::npos);
  EXPECT_NE(first.output.find("oracle"),
            std::string::npos);  // generated data: the model beside the oracle
  EXPECT_NE(first.output.find("Now served"), std::string::npos);
  const std::string first_id = run_id_in(first.output);
  ASSERT_FALSE(first_id.empty()) << first.output;
  const CommandResult second =
      run("train" + quick + " --seed 7 --promote --no-monotone --max-bin 32");
  ASSERT_EQ(second.status, 0) << second.output;
  const std::string second_id = run_id_in(second.output);
  ASSERT_NE(second_id, first_id);
  // By default the constraints chosen are said and kept in the bundle, beside the setting.
  EXPECT_NE(first.output.find("Monotone:"), std::string::npos) << first.output;
  EXPECT_EQ(second.output.find("Monotone:"), std::string::npos) << second.output;
  const auto constrained =
      nlohmann::json::parse(std::ifstream(dir_ / "models" / first_id / "bundle.json"));
  EXPECT_TRUE(constrained["training"]["settings"]["monotone"].get<bool>());
  EXPECT_EQ(constrained["training"]["monotone"].size(), 9u);
  const auto free =
      nlohmann::json::parse(std::ifstream(dir_ / "models" / second_id / "bundle.json"));
  EXPECT_FALSE(free["training"]["settings"]["monotone"].get<bool>());
  EXPECT_EQ(constrained["training"]["settings"]["max_bin"], 128);  // the default
  EXPECT_EQ(free["training"]["settings"]["max_bin"], 32);

  const CommandResult runs = run("runs --models " + (dir_ / "models").string());
  ASSERT_EQ(runs.status, 0) << runs.output;
  EXPECT_NE(runs.output.find(first_id), std::string::npos);
  EXPECT_NE(runs.output.find("* served: " + second_id), std::string::npos) << runs.output;

  const CommandResult back = run("promote --rollback --models " + (dir_ / "models").string());
  ASSERT_EQ(back.status, 0) << back.output;
  EXPECT_NE(back.output.find("now serving " + first_id), std::string::npos) << back.output;

  const CommandResult scored =
      run("score --data " + (dir_ / "data").string() + " --models " + (dir_ / "models").string() +
          " --out " + (dir_ / "predictions.csv").string());
  ASSERT_EQ(scored.status, 0) << scored.output;
  EXPECT_NE(scored.output.find("Scored with " + first_id), std::string::npos);
  std::ifstream predictions(dir_ / "predictions.csv");
  std::string line;
  std::getline(predictions, line);
  EXPECT_EQ(line, "SK_ID_CURR,PROBABILITY_OF_DEFAULT,DECISION");
  std::size_t rows = 0;
  while (std::getline(predictions, line)) {
    ++rows;
    EXPECT_TRUE(line.ends_with(",granted") || line.ends_with(",refused")) << line;
  }
  EXPECT_GT(rows, 50u);

  // One of them explained: the same probability and decision, reasons that add up.
  std::ifstream again(dir_ / "predictions.csv");
  std::getline(again, line);
  std::getline(again, line);
  const std::string id = line.substr(0, line.find(','));
  const double probability = std::stod(line.substr(id.size() + 1));
  const CommandResult explained =
      run("explain --client " + id + " --lang en --data " + (dir_ / "data").string() +
          " --models " + (dir_ / "models").string());
  ASSERT_EQ(explained.status, 0) << explained.output;
  EXPECT_NE(explained.output.find("Client " + id + " (a new application), model " + first_id),
            std::string::npos)
      << explained.output;
  char percent[32];
  std::snprintf(percent, sizeof percent, "%.1f %%", probability * 100);
  const std::size_t at = explained.output.find("probability of default ");
  ASSERT_NE(at, std::string::npos) << explained.output;
  const std::string shown = explained.output.substr(at, explained.output.find('\n', at) - at);
  EXPECT_TRUE(shown.ends_with(" " + std::string(percent))) << shown;
  EXPECT_NE(explained.output.find(line.ends_with(",refused") ? "refused" : "granted"),
            std::string::npos);
  EXPECT_NE(explained.output.find("the risk by"), std::string::npos) << explained.output;
  EXPECT_NE(explained.output.find("All other factors"), std::string::npos);
  const CommandResult stranger = run("explain --client 1 --data " + (dir_ / "data").string() +
                                     " --models " + (dir_ / "models").string());
  EXPECT_EQ(stranger.status, 1);
  EXPECT_NE(stranger.output.find("client 1 is in neither"), std::string::npos) << stranger.output;

  // A damaged bundle is never promoted; the served run stays.
  std::ofstream(dir_ / "models" / second_id / "model.json", std::ios::app) << " ";
  const CommandResult broken =
      run("promote " + second_id + " --models " + (dir_ / "models").string());
  EXPECT_EQ(broken.status, 1);
  EXPECT_NE(broken.output.find("checksum mismatch"), std::string::npos) << broken.output;
  EXPECT_NE(run("runs --models " + (dir_ / "models").string()).output.find("* served: " + first_id),
            std::string::npos);
  const CommandResult unknown = run("promote nope --models " + (dir_ / "models").string());
  EXPECT_EQ(unknown.status, 1);
  EXPECT_NE(unknown.output.find("no run nope"), std::string::npos);
}

TEST_F(CliTest, TrainingFlagsAreChecked) {
  const CommandResult weighting = run("train --weighting heavy --data " + dir_.string());
  EXPECT_NE(weighting.status, 0);
  EXPECT_NE(weighting.output.find("--weighting"), std::string::npos) << weighting.output;
  const CommandResult folds = run("train --folds 1 --data " + dir_.string());
  EXPECT_NE(folds.status, 0);
  EXPECT_NE(folds.output.find("--folds"), std::string::npos) << folds.output;
  const CommandResult bins = run("train --max-bin 1 --data " + dir_.string());
  EXPECT_NE(bins.status, 0);
  EXPECT_NE(bins.output.find("--max-bin must be in [2, 1024]"), std::string::npos) << bins.output;
}

}  // namespace
