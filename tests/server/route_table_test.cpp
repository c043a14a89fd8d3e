// The route table is the one owner of who may call what: the README's table must say the same.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "server/access_policy.h"

namespace creditscore::server {
namespace {

std::string readme_section() {
  std::ifstream file(std::filesystem::path(CREDITSCORE_SOURCE_DIR) / "README.md");
  std::stringstream text;
  text << file.rdbuf();
  const std::string all = text.str();
  const std::size_t start = all.find("## Who may see what");
  if (start == std::string::npos) return "";
  return all.substr(start, all.find("\n## ", start + 1) - start);
}

// The cells of a Markdown table's row, trimmed.
std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> found;
  std::stringstream parts(row);
  std::string cell;
  std::getline(parts, cell, '|');  // before the first bar
  while (std::getline(parts, cell, '|')) {
    const std::size_t first = cell.find_first_not_of(' ');
    found.push_back(first == std::string::npos
                        ? ""
                        : cell.substr(first, cell.find_last_not_of(' ') - first + 1));
  }
  return found;
}

std::string roles_in_words(const RouteAccess& access) {
  if (access.is_public()) return "public";
  const bool everyone =
      std::ranges::all_of(store::kRoles, [&](store::Role role) { return access.roles.has(role); });
  return everyone ? "anyone logged in" : roles_text(access.roles);
}

TEST(RouteTable, TheReadmeShowsEveryRouteWithItsRolesAndWhetherItIsAudited) {
  const std::string section = readme_section();
  ASSERT_FALSE(section.empty()) << "README.md has no section \"Who may see what\"";
  for (const RouteAccess& access : route_table()) {
    const std::string name = "`" + std::string(access.method) + " " + std::string(access.pattern);
    std::vector<std::string> row;
    std::stringstream lines(section);
    for (std::string line; row.empty() && std::getline(lines, line);) {
      const bool named =
          line.find(name + "`") != std::string::npos || line.find(name + "?") != std::string::npos;
      if (line.starts_with("|") && named) row = cells(line);
    }
    ASSERT_FALSE(row.empty()) << name << "` is not in the README's route table";
    ASSERT_GE(row.size(), 3u) << name;
    EXPECT_EQ(row[1], roles_in_words(access)) << name;
    EXPECT_EQ(row[2] == "yes", access.audited) << name << ": " << row[2];
  }
}

TEST(RouteTable, EachRouteHasOneEntry) {
  const auto routes = route_table();
  for (std::size_t i = 0; i < routes.size(); ++i) {
    EXPECT_EQ(route_access(routes[i].method, routes[i].pattern), &routes[i])
        << routes[i].method << " " << routes[i].pattern << " is listed twice";
  }
}

}  // namespace
}  // namespace creditscore::server
