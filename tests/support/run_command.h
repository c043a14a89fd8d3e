// Test support: runs the real `creditscore` binary as a user would (or another program), with its
// output.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace creditscore::testing {

struct CommandResult {
  int status;
  std::string output;  // stdout and stderr together
};

// Runs `command` through the shell.
inline CommandResult run_command(const std::string& command) {
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

inline CommandResult run_creditscore(const std::string& arguments) {
  return run_command(std::string(CREDITSCORE_BINARY) + " " + arguments);
}

}  // namespace creditscore::testing
