// The access signal: one counter shared by every process that opens the same store's signal.
#include "store/access_signal.h"

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "store/access_store.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::store {
namespace {

class AccessSignalTest : public ::testing::Test {
 protected:
  const testing::TemporaryDirectory temporary_{"access_signal"};
  const std::filesystem::path store_ = temporary_.path() / "clients.sqlite";
};

TEST_F(AccessSignalTest, ARaiseIsSeenByEveryOpenerOfTheSameStoreAndKept) {
  AccessSignal reader(store_);
  const std::uint64_t before = reader.value();
  {
    AccessSignal writer(store_);
    writer.raise();
    writer.raise();
  }
  EXPECT_EQ(reader.value(), before + 2);
  EXPECT_EQ(AccessSignal(store_).value(), before + 2) << "kept in its file";
  struct stat status {};
  ASSERT_EQ(::stat((store_.string() + "-access").c_str(), &status), 0);
  EXPECT_EQ(status.st_mode & 0777, 0600u);
}

TEST_F(AccessSignalTest, ARaiseInAnotherProcessIsSeenHere) {
  AccessSignal reader(store_);
  const std::uint64_t before = reader.value();
  const pid_t other = fork();
  ASSERT_GE(other, 0);
  if (other == 0) {
    AccessSignal(store_).raise();
    _exit(0);
  }
  int status = 0;
  ASSERT_EQ(waitpid(other, &status, 0), other);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(reader.value(), before + 1);
}

TEST_F(AccessSignalTest, EveryChangeThroughTheAccessStoreRaisesIt) {
  AccessStore access(store_);
  const AccessSignal signal(store_);
  std::uint64_t last = signal.value();
  const auto raised = [&] {
    const bool moved = signal.value() > last;
    last = signal.value();
    return moved;
  };
  access.add_user("ada", Role::Advisor, "a long password");
  EXPECT_TRUE(raised()) << "user added";
  access.set_password("ada", "another long password");
  EXPECT_TRUE(raised()) << "password changed";
  access.create_token("batch", Role::System, std::nullopt);
  EXPECT_TRUE(raised()) << "token created";
  const std::string session = access.open_session("ada", unix_now(), unix_now() + 60);
  EXPECT_TRUE(raised()) << "session opened";
  access.close_session(token_hash(session));
  EXPECT_TRUE(raised()) << "session closed";
  access.revoke_token("batch");
  EXPECT_TRUE(raised()) << "token revoked";
  access.disable_user("ada");
  EXPECT_TRUE(raised()) << "user disabled";
  access.users();
  access.tokens();
  access.version();
  EXPECT_FALSE(raised()) << "reading changes nothing";
  EXPECT_EQ(access.change_signal(), signal.value());
}

TEST_F(AccessSignalTest, AFileThatCannotBeMadeIsNamed) {
  const std::filesystem::path nowhere = temporary_.path() / "missing" / "clients.sqlite";
  try {
    AccessSignal signal(nowhere);
    ADD_FAILURE() << "opened a signal in a missing directory";
  } catch (const StoreError& error) {
    EXPECT_NE(std::string(error.what()).find(nowhere.string() + "-access"), std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace creditscore::store
