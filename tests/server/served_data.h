// A small data set, a model and a client store made once for every server test by the real
// program (generate, train, store build), and a server running on a free loopback port.
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <thread>

#include "server/api_server.h"
#include "tests/support/run_command.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::server {

// Made once per build of the program and kept beside it (each test runs in its own process);
// a lock keeps parallel tests from making it twice.
class ServedData : public ::testing::Environment {
 public:
  void SetUp() override {
    const int lock = ::open((root().string() + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    ASSERT_GE(lock, 0);
    ::flock(lock, LOCK_EX);
    if (!std::filesystem::exists(root() / "ready")) make();
    ::flock(lock, LOCK_UN);
    ::close(lock);
  }
  // Named after the program's build time, so that a rebuilt program makes new data.
  static std::filesystem::path root() {
    const std::filesystem::path binary(CREDITSCORE_BINARY);
    const auto built = std::filesystem::last_write_time(binary).time_since_epoch().count();
    return binary.parent_path() / ("server-test-data-" + std::to_string(built));
  }

 private:
  static void make() {
    for (const auto& old : std::filesystem::directory_iterator(root().parent_path())) {
      if (old.path().filename().string().starts_with("server-test-data-") && old.is_directory())
        std::filesystem::remove_all(old.path());
    }
    const std::string data = (root() / "data").string(), models = (root() / "models").string();
    for (const std::string& command : {"generate --clients 1500 --seed 11 --out " + data,
                                       "train --data " + data + " --models " + models +
                                           " --folds 2 --max-rounds 40 --early-stopping 10",
                                       "store build --data " + data + " --models " + models +
                                           " --out " + (root() / "clients.sqlite").string()}) {
      const testing::CommandResult result = testing::run_creditscore(command);
      ASSERT_EQ(result.status, 0) << command << "\n" << result.output;
    }
    std::ofstream(root() / "ready") << "made by the server tests\n";
  }
};

// A server on its own copy of the store and the models, so that tests may change them.
class RunningServer {
 public:
  explicit RunningServer(const std::filesystem::path& work, double reload_seconds = 2) {
    std::filesystem::copy(ServedData::root() / "models", work / "models",
                          std::filesystem::copy_options::recursive);
    std::filesystem::copy_file(ServedData::root() / "clients.sqlite", work / "clients.sqlite");
    settings.port = 0;
    settings.workers = 4;
    settings.models = work / "models";
    settings.store = work / "clients.sqlite";
    settings.reload_seconds = reload_seconds;
    settings.docs = work / "no-swagger-ui";  // as before `npm ci`, wherever the test runs
    start();
  }
  ~RunningServer() { stop(); }

  void start() {
    server = std::make_unique<ApiServer>(settings);
    port = server->bind();
    thread = std::thread([this] { server->run(); });
    client = std::make_unique<httplib::Client>("127.0.0.1", port);
  }
  void stop() {
    if (!server) return;
    server->stop();
    thread.join();
    server.reset();
  }

  nlohmann::json get(const std::string& path, int expected_status = 200) {
    const auto result = client->Get(path);
    return checked(result, expected_status, path);
  }
  nlohmann::json post(const std::string& path, const nlohmann::json& body,
                      int expected_status = 200) {
    const auto result = client->Post(path, body.dump(), "application/json");
    return checked(result, expected_status, path);
  }
  static nlohmann::json checked(const httplib::Result& result, int expected_status,
                                const std::string& path) {
    EXPECT_TRUE(result) << path << ": no answer";
    if (!result) return nullptr;
    EXPECT_EQ(result->status, expected_status) << path << ": " << result->body;
    EXPECT_EQ(result->get_header_value("Content-Type"), "application/json") << path;
    return nlohmann::json::parse(result->body);
  }

  ServerSettings settings;
  std::unique_ptr<ApiServer> server;
  std::thread thread;
  int port = 0;
  std::unique_ptr<httplib::Client> client;
};

}  // namespace creditscore::server
