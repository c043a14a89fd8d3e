// The CSV path refuses every class of bad application value as the API does
// (tests/support/bad_applications.h), naming the file, the line and the column, and writes
// nothing.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "tests/support/bad_applications.h"
#include "tests/support/served_data.h"

namespace creditscore::testing {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

// A CSV line's fields, quotes kept ("Spouse, partner" is one field).
std::vector<std::string> fields_of(const std::string& line) {
  std::vector<std::string> fields(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      fields.emplace_back();
    } else {
      fields.back() += c;
    }
  }
  return fields;
}

// The data set with `column` of application_test.csv's first row set to `value` ("" missing).
void write_with(const std::filesystem::path& data, const std::filesystem::path& copy,
                const std::string& column, const std::string& value) {
  std::filesystem::copy(data, copy, std::filesystem::copy_options::recursive);
  const std::filesystem::path file = copy / "application_test.csv";
  std::ifstream in(file);
  std::string header, first;
  std::getline(in, header);
  std::getline(in, first);
  std::stringstream rest;
  rest << in.rdbuf();
  in.close();
  const std::vector<std::string> names = fields_of(header), fields = fields_of(first);
  ASSERT_EQ(names.size(), fields.size());
  std::string row;
  for (std::size_t c = 0; c < names.size(); ++c) {
    row += (c ? "," : "") + (names[c] == column ? value : fields[c]);
  }
  std::ofstream(file) << header << '\n' << row << '\n' << rest.str();
}

TEST(ApplicationRulesOnCsv, ScoringRefusesEachBadValueNamingFileLineAndColumn) {
  const TemporaryDirectory work{"csv_rules"};
  const std::filesystem::path data = ServedData::root() / "data";
  const std::string models = (ServedData::root() / "models").string();
  int k = 0;
  for (const BadApplicationField& bad : bad_application_fields()) {
    const std::filesystem::path copy = work.path() / ("data" + std::to_string(k++));
    write_with(data, copy, bad.column, bad.value.is_null() ? "" : bad.value.dump());
    const std::filesystem::path out = copy / "predictions.csv";
    const CommandResult scored = run_creditscore("score --data " + copy.string() + " --models " +
                                                 models + " --out " + out.string());
    EXPECT_EQ(scored.status, 1) << bad.column << "\n" << scored.output;
    EXPECT_NE(scored.output.find("application_test.csv:2: column " + bad.column + ": "),
              std::string::npos)
        << scored.output;
    EXPECT_NE(scored.output.find(bad.problem), std::string::npos) << scored.output;
    EXPECT_FALSE(std::filesystem::exists(out)) << "nothing is written";
  }
}

}  // namespace
}  // namespace creditscore::testing
