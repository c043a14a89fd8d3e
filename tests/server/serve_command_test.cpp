// `creditscore serve` as an operator runs it: it says where it listens, answers, and stops
// cleanly on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>
#include <signal.h>

#include "tests/server/running_server.h"
#include "tests/support/child_process.h"

namespace creditscore::server {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

TEST(ServeCommand, ListensWhereItSaysAndStopsOnSigterm) {
  const testing::TemporaryDirectory work{"serve"};
  const auto log = work.path() / "serve.log";
  testing::ChildProcess serve("serve --port 0 --store " +
                                  (ServedData::root() / "clients.sqlite").string() + " --models " +
                                  (ServedData::root() / "models").string(),
                              log);
  const int port = testing::wait_for_serving_port(serve, log);
  ASSERT_GT(port, 0) << testing::read_file(log);
  httplib::Client client("127.0.0.1", port);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);

  ASSERT_EQ(::kill(serve.pid(), SIGTERM), 0);
  EXPECT_EQ(serve.wait(), 0) << testing::read_file(log);
  EXPECT_NE(testing::read_file(log).find("stopping (signal 15)"), std::string::npos);
}

}  // namespace
}  // namespace creditscore::server
