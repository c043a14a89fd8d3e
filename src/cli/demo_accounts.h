// The demo's logins: an advisor and an admin with fresh random passwords, created (or given a new
// password) in the demo's store, and written to a file only its owner may read, so that whoever
// ran the demo can log in and nobody else on the machine can.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace creditscore::cli {

struct DemoAccount {
  std::string user;
  std::string role;
  std::string password;
};

std::vector<DemoAccount> make_demo_accounts(const std::filesystem::path& store,
                                            const std::filesystem::path& credentials);

}  // namespace creditscore::cli
