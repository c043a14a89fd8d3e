// A small data set, a model and a client store made once for every test that serves clients, by
// the real program (generate, train, store build).
#pragma once

#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/file.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "tests/support/run_command.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::testing {

// How many clients, and how the model learns from them.
struct ServedDataSpec {
  const char* name;
  const char* clients;
  const char* training;
  const char* generation = "";  // more options of `generate`
};
// Most server tests: small and quick.
inline constexpr ServedDataSpec kServerTestData{"server-test-data", "1500",
                                                "--folds 2 --max-rounds 40 --early-stopping 10"};

// Made once per build of the program and kept beside it (each test runs in its own process);
// a lock keeps parallel tests from making it twice.
class ServedData : public ::testing::Environment {
 public:
  explicit ServedData(ServedDataSpec spec = kServerTestData) : spec_(spec) {}

  void SetUp() override {
    const int lock = ::open((root(spec_).string() + ".lock").c_str(), O_CREAT | O_RDWR, 0644);
    ASSERT_GE(lock, 0);
    ::flock(lock, LOCK_EX);
    if (!std::filesystem::exists(root(spec_) / "ready")) make();
    ::flock(lock, LOCK_UN);
    ::close(lock);
  }
  // Named after the program's build time and the spec, so that a rebuilt program or a changed
  // spec makes new data.
  static std::filesystem::path root(const ServedDataSpec& spec = kServerTestData) {
    const std::filesystem::path binary(CREDITSCORE_BINARY);
    const auto built = std::filesystem::last_write_time(binary).time_since_epoch().count();
    const std::size_t made_as = std::hash<std::string>{}(std::string(spec.clients) + " " +
                                                         spec.training + " " + spec.generation);
    return binary.parent_path() /
           (std::string(spec.name) + "-" + std::to_string(built) + "-" + std::to_string(made_as));
  }

 private:
  void make() const {
    const std::filesystem::path root = ServedData::root(spec_);
    for (const auto& old : std::filesystem::directory_iterator(root.parent_path())) {
      if (old.path().filename().string().starts_with(std::string(spec_.name) + "-") &&
          old.is_directory())
        std::filesystem::remove_all(old.path());
    }
    const std::string data = (root / "data").string(), models = (root / "models").string();
    for (const std::string& command :
         {"generate --clients " + std::string(spec_.clients) + " --seed 11 " + spec_.generation +
              " --out " + data,
          "train --data " + data + " --models " + models + " " + spec_.training,
          "store build --data " + data + " --models " + models + " --out " +
              (root / "clients.sqlite").string()}) {
      const CommandResult result = run_creditscore(command);
      ASSERT_EQ(result.status, 0) << command << "\n" << result.output;
    }
    std::ofstream(root / "ready") << "made by the server tests\n";
  }

  ServedDataSpec spec_;
};

}  // namespace creditscore::testing
