#include "cli/password_input.h"

#include <termios.h>
#include <unistd.h>

#include <iostream>

#include "common/error.h"
#include "store/password_hash.h"

namespace creditscore::cli {
namespace {

// One line typed at the terminal with echo off, restored even when reading fails.
std::string prompt_hidden(const std::string& prompt) {
  std::cerr << prompt << std::flush;
  termios before{};
  tcgetattr(STDIN_FILENO, &before);
  termios hidden = before;
  hidden.c_lflag &= ~static_cast<tcflag_t>(ECHO);
  tcsetattr(STDIN_FILENO, TCSANOW, &hidden);
  std::string line;
  std::getline(std::cin, line);
  tcsetattr(STDIN_FILENO, TCSANOW, &before);
  std::cerr << '\n';
  return line;
}

}  // namespace

std::string read_new_password(const std::string& whom) {
  if (!isatty(STDIN_FILENO)) {
    std::string line;
    if (!std::getline(std::cin, line) || line.empty())
      throw invalid_input("password: expected it on the first line of standard input");
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  const std::string first = prompt_hidden("New password for " + whom + ": ");
  const std::string second = prompt_hidden("Once more: ");
  if (first != second) throw invalid_input("password: the two typed differ; nothing changed");
  return first;
}

std::string generated_password() {
  return store::random_secret(12);
}

}  // namespace creditscore::cli
