// Test support: runs the real `creditscore` binary as a user would, with its output.
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

inline CommandResult run_creditscore(const std::string& arguments) {
  const std::string command = std::string(CREDITSCORE_BINARY) + " " + arguments + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return {-1, "popen failed"};
  std::string output;
  std::array<char, 4096> buffer;
  while (std::size_t n = std::fread(buffer.data(), 1, buffer.size(), pipe))
    output.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
}

}  // namespace creditscore::testing
