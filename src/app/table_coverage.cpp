#include "app/table_coverage.h"

#include <algorithm>

namespace creditscore::app {
namespace {

bool is_history(tables::TableId id) {
  return id != tables::TableId::ApplicationTrain && id != tables::TableId::ApplicationTest;
}

std::string listed(const std::vector<tables::TableId>& tables) {
  std::string text;
  for (tables::TableId id : tables) {
    text += (text.empty() ? "" : ", ") + tables::schema_of(id).file_name;
  }
  return text;
}

}  // namespace

std::vector<std::string> coverage_warnings(const std::vector<tables::TableId>& learned_from,
                                           const tables::Dataset& data) {
  std::vector<tables::TableId> lacking, unused;
  for (tables::TableId id : tables::all_tables()) {
    if (!is_history(id)) continue;
    const bool learned =
        std::find(learned_from.begin(), learned_from.end(), id) != learned_from.end();
    if (learned && !data.has(id)) lacking.push_back(id);
    if (!learned && data.table(id).rows() > 0) unused.push_back(id);
  }
  std::vector<std::string> warnings;
  if (!lacking.empty()) {
    const std::string them = lacking.size() == 1 ? "it" : "them";
    warnings.push_back("no " + listed(lacking) + " given, though the model learned from " + them +
                       ": every feature drawn from " + them +
                       " counts as missing, so the score rests on the rest");
  }
  if (!unused.empty()) {
    warnings.push_back(listed(unused) + ": the model learned without " +
                       (unused.size() == 1 ? "it, so its" : "them, so their") +
                       " rows change no score");
  }
  return warnings;
}

}  // namespace creditscore::app
