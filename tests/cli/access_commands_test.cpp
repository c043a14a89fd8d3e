// `creditscore users`, `tokens` and `audit` run as an operator would, on a copy of a built store.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "store/access_store.h"
#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The line of a table or an output whose first word is `first`, its words joined by one space.
std::string line_of(const std::string& output, const std::string& first) {
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    std::istringstream words(line);
    std::string word, joined;
    while (words >> word) joined += (joined.empty() ? "" : " ") + word;
    if (joined.rfind(first + " ", 0) == 0 || joined == first) return joined;
  }
  return "";
}

// The first line made of exactly `length` lower-case hex digits.
std::string hex_line(const std::string& output, std::size_t length) {
  std::istringstream lines(output);
  for (std::string line; std::getline(lines, line);) {
    if (line.size() == length && line.find_first_not_of("0123456789abcdef") == std::string::npos)
      return line;
  }
  return "";
}

class AccessCommandsTest : public ::testing::Test {
 protected:
  void SetUp() override { std::filesystem::copy_file(ServedData::root() / "clients.sqlite", db_); }

  // Runs a command on the store, with `input` as its standard input.
  CommandResult on_store(const std::string& arguments, const std::string& input = "") {
    const std::filesystem::path stdin_file = temporary_.path() / "stdin.txt";
    std::ofstream(stdin_file) << input;
    return run_creditscore(arguments + " --store " + db_.string() + " < " + stdin_file.string());
  }

  const TemporaryDirectory temporary_{"access_cli"};
  const std::filesystem::path db_ = temporary_.path() / "clients.sqlite";
};

TEST_F(AccessCommandsTest, UsersAreAddedListedDisabledAndNeverEchoed) {
  const CommandResult added =
      on_store("users add alice --role advisor", "a long password for alice\n");
  ASSERT_EQ(added.status, 0) << added.output;
  EXPECT_FALSE(contains(added.output, "a long password")) << added.output;
  EXPECT_TRUE(store::AccessStore(db_).authenticate("alice", "a long password for alice"));

  const CommandResult generated = on_store("users add root --role admin --generate");
  ASSERT_EQ(generated.status, 0) << generated.output;
  const std::string password = hex_line(generated.output, 24);
  ASSERT_FALSE(password.empty()) << generated.output;
  EXPECT_TRUE(store::AccessStore(db_).authenticate("root", password));

  const CommandResult short_one = on_store("users add carol --role advisor", "short\n");
  EXPECT_EQ(short_one.status, 1);
  EXPECT_TRUE(contains(short_one.output, "password: at least 12 characters")) << short_one.output;
  EXPECT_EQ(on_store("users add dave --role system", "a long password for dave\n").status, 1);
  EXPECT_EQ(on_store("users add alice --role advisor", "a long password again\n").status, 1);
  EXPECT_EQ(on_store("users add erin --role advisor", "").status, 1);  // no password given

  ASSERT_EQ(on_store("users disable alice").status, 0);
  const CommandResult listed = on_store("users list");
  ASSERT_EQ(listed.status, 0) << listed.output;
  EXPECT_EQ(line_of(listed.output, "alice").rfind("alice advisor disabled", 0), 0u)
      << listed.output;
  EXPECT_EQ(line_of(listed.output, "root").rfind("root admin active", 0), 0u) << listed.output;
  EXPECT_FALSE(store::AccessStore(db_).authenticate("alice", "a long password for alice"));

  const CommandResult missing =
      run_creditscore("users list --store " + (temporary_.path() / "none.sqlite").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_TRUE(contains(missing.output, "no client store here")) << missing.output;
}

TEST_F(AccessCommandsTest, ATokenIsShownOnceAsTheLastLineAndRevoked) {
  const CommandResult created = on_store("tokens create gateway --role system --expires-days 30");
  ASSERT_EQ(created.status, 0) << created.output;
  std::string output = created.output;
  while (!output.empty() && output.back() == '\n') output.pop_back();
  const std::string secret = output.substr(output.rfind('\n') + 1);
  EXPECT_EQ(secret.rfind("cs_", 0), 0u) << created.output;
  const auto live = store::AccessStore(db_).live_tokens(0);
  ASSERT_EQ(live.size(), 1u);
  EXPECT_EQ(live[0].first, store::token_hash(secret));

  ASSERT_EQ(on_store("tokens revoke gateway").status, 0);
  const CommandResult listed = on_store("tokens list");
  EXPECT_EQ(line_of(listed.output, "gateway").rfind("gateway system revoked", 0), 0u)
      << listed.output;
  EXPECT_FALSE(contains(listed.output, secret));
  EXPECT_EQ(on_store("tokens create other --role root").status, 1);
}

TEST_F(AccessCommandsTest, TheTrailRecordsEachChangeSurvivesARebuildAndShowsTampering) {
  ASSERT_EQ(on_store("users add alice --role advisor", "a long password for alice\n").status, 0);
  ASSERT_EQ(on_store("tokens create gateway").status, 0);
  const CommandResult shown = on_store("audit show");
  ASSERT_EQ(shown.status, 0) << shown.output;
  EXPECT_TRUE(contains(line_of(shown.output, "1"), "operator users add alice as advisor"))
      << shown.output;
  EXPECT_TRUE(contains(shown.output, "tokens create")) << shown.output;
  EXPECT_TRUE(contains(shown.output, "2 records match")) << shown.output;

  // A rebuilt store keeps the users, the tokens and the trail.
  const std::string rebuild = "store build --data " + (ServedData::root() / "data").string() +
                              " --models " + (ServedData::root() / "models").string() + " --out " +
                              db_.string();
  const CommandResult rebuilt = run_creditscore(rebuild);
  ASSERT_EQ(rebuilt.status, 0) << rebuilt.output;
  // Reading the old store left no write-ahead log to be replayed into the new one.
  EXPECT_FALSE(std::filesystem::exists(db_.string() + "-wal"));
  EXPECT_TRUE(store::AccessStore(db_).authenticate("alice", "a long password for alice"));
  const CommandResult verified = on_store("audit verify");
  EXPECT_EQ(verified.status, 0) << verified.output;
  EXPECT_TRUE(contains(verified.output, "Audit trail intact: 2 records")) << verified.output;

  // Edited by hand with sqlite3: verify fails and names the record.
  const int edited = std::system(
      ("sqlite3 " + db_.string() + " \"UPDATE audit SET detail = 'x' WHERE sequence = 1\"")
          .c_str());
  ASSERT_EQ(edited, 0);
  const CommandResult broken = on_store("audit verify");
  EXPECT_EQ(broken.status, 1) << broken.output;
  EXPECT_TRUE(contains(broken.output, "audit trail broken at record 1: edited")) << broken.output;
}

}  // namespace
}  // namespace creditscore::testing
