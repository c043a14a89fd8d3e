#include "synth/oracle_file.h"

#include <charconv>
#include <fstream>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore::synth {

std::unordered_map<std::int64_t, double> read_oracle(const std::filesystem::path& file) {
  std::ifstream in(file);
  if (!in) throw not_found(file.string() + ": cannot open the oracle file");
  std::string line;
  std::getline(in, line);
  if (line != "SK_ID_CURR,SPLIT,TRUE_PD,TARGET") {
    throw invalid_input(file.string() + ":1: not an oracle file (header '" + line.substr(0, 60) +
                        "')");
  }
  std::unordered_map<std::int64_t, double> oracle;
  for (std::size_t number = 2; std::getline(in, line); ++number) {
    const std::size_t first = line.find(','), second = line.find(',', first + 1),
                      third = line.find(',', second + 1);
    std::int64_t id = 0;
    double probability = 0;
    const bool ok =
        third != std::string::npos &&
        std::from_chars(line.data(), line.data() + first, id).ec == std::errc() &&
        std::from_chars(line.data() + second + 1, line.data() + third, probability).ec ==
            std::errc() &&
        probability >= 0 && probability <= 1;
    if (!ok)
      throw invalid_input(file.string() + ":" + std::to_string(number) + ": malformed oracle row");
    oracle[id] = probability;
  }
  return oracle;
}

}  // namespace creditscore::synth
