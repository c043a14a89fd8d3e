// `creditscore serve` as an operator runs it: it says where it listens, answers, and stops
// cleanly on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>

#include <chrono>
#include <thread>

#include "tests/server/running_server.h"

extern char** environ;

namespace creditscore::server {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

TEST(ServeCommand, ListensWhereItSaysAndStopsOnSigterm) {
  const testing::TemporaryDirectory work{"serve"};
  const std::string log = (work.path() / "serve.log").string();
  const std::string command = std::string("exec ") + CREDITSCORE_BINARY +
                              " serve --port 0 --store " +
                              (ServedData::root() / "clients.sqlite").string() + " --models " +
                              (ServedData::root() / "models").string() + " > " + log + " 2>&1";
  const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
  pid_t pid = 0;
  ASSERT_EQ(posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ), 0);

  int port = 0;
  for (int wait = 0; wait < 300 && port == 0; ++wait) {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    const std::string output = testing::read_file(log);
    const std::size_t at = output.find("dashboard  http://127.0.0.1:");
    if (at != std::string::npos) port = std::stoi(output.substr(at + 28));
  }
  ASSERT_GT(port, 0) << testing::read_file(log);
  httplib::Client client("127.0.0.1", port);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);

  ASSERT_EQ(::kill(pid, SIGTERM), 0);
  int status = 0;
  ASSERT_EQ(::waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status)) << testing::read_file(log);
  EXPECT_EQ(WEXITSTATUS(status), 0) << testing::read_file(log);
  EXPECT_NE(testing::read_file(log).find("stopping (signal 15)"), std::string::npos);
}

}  // namespace
}  // namespace creditscore::server
