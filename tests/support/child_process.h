// Test support: the real `creditscore` binary (or another program, such as nginx) in a process of
// its own, its output in a file, to be waited for or killed mid-way (SIGKILL: no handler runs, as
// in a crash or the OOM killer).
#pragma once

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>

#include "tests/support/temporary_directory.h"

extern char** environ;

namespace creditscore::testing {

class ChildProcess {
 public:
  // Runs `creditscore ARGUMENTS`, standard output and error to `log`.
  ChildProcess(const std::string& arguments, const std::filesystem::path& log)
      : ChildProcess(Program{CREDITSCORE_BINARY}, arguments, log) {}
  struct Program {
    std::string path;
  };
  // Runs `program ARGUMENTS`, standard output and error to `log`.
  ChildProcess(const Program& program, const std::string& arguments,
               const std::filesystem::path& log) {
    const std::string command =
        "exec " + program.path + " " + arguments + " > '" + log.string() + "' 2>&1";
    const char* argv[] = {"/bin/sh", "-c", command.c_str(), nullptr};
    if (::posix_spawn(&pid_, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) != 0)
      pid_ = 0;
  }
  ~ChildProcess() { kill(); }
  ChildProcess(const ChildProcess&) = delete;
  ChildProcess& operator=(const ChildProcess&) = delete;

  // The program's own pid (the shell execs it).
  pid_t pid() const { return pid_; }
  bool running() {
    if (pid_ == 0) return false;
    if (::waitpid(pid_, &status_, WNOHANG) == 0) return true;
    pid_ = 0;  // ended, and reaped: status_ holds how
    return false;
  }
  // SIGKILL, then reaped.
  void kill() {
    if (pid_ == 0) return;
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, &status_, 0);
    pid_ = 0;
  }
  // Its exit status, once it ends; -1 when a signal ended it.
  int wait() {
    if (pid_ != 0) ::waitpid(pid_, &status_, 0);
    pid_ = 0;
    return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  }
  // Waits until `ready` holds (true) or the process ends or `patience` passes (false).
  bool wait_for(const std::function<bool()>& ready,
                std::chrono::milliseconds patience = std::chrono::seconds(120)) {
    const auto until = std::chrono::steady_clock::now() + patience;
    while (std::chrono::steady_clock::now() < until) {
      if (ready()) return true;
      if (!running()) return false;
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return false;
  }

 private:
  pid_t pid_ = 0;
  int status_ = 0;
};

// The port a `creditscore serve --port 0` child says it listens on, once it says it; 0 when it
// ends first.
inline int wait_for_serving_port(ChildProcess& serve, const std::filesystem::path& log) {
  int port = 0;
  serve.wait_for([&] {
    std::ifstream in(log);
    const std::string output((std::istreambuf_iterator<char>(in)),
                             std::istreambuf_iterator<char>());
    const std::size_t at = output.find("dashboard  http://127.0.0.1:");
    if (at != std::string::npos) port = std::stoi(output.substr(at + 28));
    return port != 0;
  });
  return port;
}

}  // namespace creditscore::testing
