// `creditscore store build` run as a user would: generate, train, score, then build the store and
// check it against the data set and the predictions file.
#include <gtest/gtest.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <string>

#include "store/client_store.h"
#include "tables/dataset.h"
#include "tests/support/run_command.h"
#include "tests/support/temporary_directory.h"

namespace {

using creditscore::store::ClientSplit;

using creditscore::testing::CommandResult;

CommandResult run(const std::string& arguments) {
  return creditscore::testing::run_creditscore(arguments);
}

// Rows per client of a history table.
std::map<std::int64_t, std::size_t> rows_per_client(const creditscore::tables::Table& table) {
  std::map<std::int64_t, std::size_t> rows;
  for (std::int64_t id : table.ids("SK_ID_CURR")) ++rows[id];
  return rows;
}

class StoreCommandTest : public ::testing::Test {
 protected:
  const creditscore::testing::TemporaryDirectory temporary_{"store_cli"};
  const std::filesystem::path dir_ = temporary_.path();
  const std::string data_ = (dir_ / "data").string();
  const std::string models_ = (dir_ / "models").string();
};

TEST_F(StoreCommandTest, BuildsTheStoreWithTheScoresOfTheServedModel) {
  ASSERT_EQ(run("generate --clients 600 --seed 5 --out " + data_).status, 0);
  const CommandResult trained = run("train --data " + data_ + " --models " + models_ +
                                    " --folds 2 --max-rounds 20 --early-stopping 5");
  ASSERT_EQ(trained.status, 0) << trained.output;
  const CommandResult scored = run("score --data " + data_ + " --models " + models_ + " --out " +
                                   (dir_ / "predictions.csv").string());
  ASSERT_EQ(scored.status, 0) << scored.output;

  const std::filesystem::path db = dir_ / "store" / "clients.sqlite";
  const CommandResult built =
      run("store build --data " + data_ + " --models " + models_ + " --out " + db.string());
  ASSERT_EQ(built.status, 0) << built.output;
  const CommandResult into_postgresql =
      run("store build --data " + data_ + " --models " + models_ +
          " --out postgresql://nobody@127.0.0.1:1/creditscore");
  EXPECT_EQ(into_postgresql.status, 1);
  EXPECT_NE(into_postgresql.output.find("store migrate"), std::string::npos)
      << into_postgresql.output;
  EXPECT_NE(built.output.find("Client store built with"), std::string::npos) << built.output;
  EXPECT_NE(built.output.find("database size"), std::string::npos) << built.output;
  // Only the database is left: no temporary file, no write-ahead log.
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(db.parent_path()),
                          std::filesystem::directory_iterator()),
            1);

  const creditscore::tables::Dataset data = creditscore::tables::read_dataset(data_);
  creditscore::store::ClientStore store(db);
  const std::size_t train = data.application_train.rows(), test = data.application_test.rows();
  EXPECT_EQ(store.count(), train + test);
  const creditscore::store::StoredMatrix all = store.load_all();
  EXPECT_EQ(std::count(all.splits.begin(), all.splits.end(), ClientSplit::Train),
            static_cast<std::ptrdiff_t>(train));
  EXPECT_EQ(std::count(all.splits.begin(), all.splits.end(), ClientSplit::Test),
            static_cast<std::ptrdiff_t>(test));
  for (std::size_t r = 0; r < all.rows(); ++r) {
    EXPECT_EQ(all.targets[r] != creditscore::store::kUnknownTarget,
              all.splits[r] == ClientSplit::Train)
        << all.ids[r];
  }
  const creditscore::store::StoreMeta meta = store.meta();
  EXPECT_NE(trained.output.find("Run " + meta.run_id), std::string::npos) << meta.run_id;
  EXPECT_EQ(meta.feature_names.size(), all.cols());

  // Every new application has the probability `score` wrote for it, to the bit.
  std::ifstream predictions(dir_ / "predictions.csv");
  std::string line;
  std::getline(predictions, line);
  std::size_t checked = 0;
  while (std::getline(predictions, line)) {
    const std::size_t comma = line.find(','), second = line.find(',', comma + 1);
    const std::int64_t id = std::stoll(line.substr(0, comma));
    float written = 0;
    std::from_chars(line.data() + comma + 1, line.data() + second, written);
    const auto client = store.find(id);
    ASSERT_TRUE(client.has_value()) << id;
    EXPECT_EQ(client->split, ClientSplit::Test);
    EXPECT_EQ(static_cast<float>(*client->probability), written) << id;
    EXPECT_EQ(client->run_id, meta.run_id);
    ++checked;
  }
  EXPECT_EQ(checked, test);

  // The summary's counts are those of the history tables, for every client.
  const auto bureau = rows_per_client(data.bureau);
  const auto previous = rows_per_client(data.previous_application);
  std::size_t compared = 0;
  for (const std::int64_t id : all.ids) {
    const auto client = store.find(id);
    const nlohmann::json application = nlohmann::json::parse(client->application);
    EXPECT_EQ(application["SK_ID_CURR"], id);
    std::map<std::string, nlohmann::json> summary;
    const nlohmann::json document = nlohmann::json::parse(client->summary);
    for (const auto& entry : document["history"]) summary[entry["key"]] = entry["value"];
    const auto count = [](const std::map<std::int64_t, std::size_t>& rows, std::int64_t id) {
      const auto found = rows.find(id);
      return found == rows.end() ? 0 : found->second;
    };
    EXPECT_EQ(summary["bureau_credits"], count(bureau, id)) << id;
    EXPECT_EQ(summary["previous_applications"], count(previous, id)) << id;
    ++compared;
  }
  EXPECT_EQ(compared, train + test);
}

TEST_F(StoreCommandTest, AFailedBuildLeavesTheStoreAsItWas) {
  std::filesystem::create_directories(dir_ / "models");
  const std::filesystem::path db = dir_ / "clients.sqlite";
  {
    creditscore::store::ClientStore store(db);
    store.set_meta({{"A"}, "before", "2026-01-01T00:00:00Z", "/old"});
  }
  const CommandResult unserved =
      run("store build --data " + data_ + " --models " + models_ + " --out " + db.string());
  EXPECT_EQ(unserved.status, 1);
  EXPECT_NE(unserved.output.find("no model is served"), std::string::npos) << unserved.output;
  const CommandResult help = run("store build --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.output.find("--out"), std::string::npos);
  EXPECT_NE(help.output.find("Example"), std::string::npos);
  EXPECT_NE(run("store").status, 0);  // a sub-command is required

  EXPECT_TRUE(std::filesystem::exists(db));
  EXPECT_FALSE(std::filesystem::exists(db.string() + "-wal"));
  for (const auto& entry : std::filesystem::directory_iterator(dir_))
    EXPECT_EQ(entry.path().string().find(".tmp."), std::string::npos) << entry.path();
  creditscore::store::ClientStore store(db);
  EXPECT_EQ(store.meta().run_id, "before");
}

}  // namespace
