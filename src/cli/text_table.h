// The short table a command prints when it ends: a header, aligned columns, numbers on the right.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace creditscore::cli {

class TextTable {
 public:
  explicit TextTable(std::vector<std::string> header);
  // A row must have as many cells as the header. Cells that look like numbers align right.
  void add_row(std::vector<std::string> cells);
  void print(std::ostream& out) const;

 private:
  std::vector<std::string> header_;
  std::vector<std::vector<std::string>> rows_;
};

}  // namespace creditscore::cli
