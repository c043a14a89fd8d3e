#include "app/client_filter.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "common/error.h"

namespace creditscore::app {
namespace {

std::optional<double> parse_bound(const std::string& text, const std::string& condition) {
  if (text.empty()) return std::nullopt;
  double value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || !std::isfinite(value)) {
    throw invalid_input("filter \"" + condition + "\": \"" + text + "\" is not a number");
  }
  return value;
}

}  // namespace

FeatureCondition parse_condition(const std::string& text, std::span<const std::string> names) {
  const std::size_t first = text.find(':');
  const std::size_t second = first == std::string::npos ? first : text.find(':', first + 1);
  if (second == std::string::npos || text.find(':', second + 1) != std::string::npos) {
    throw invalid_input("filter \"" + text + "\": expected FEATURE:min:max");
  }
  const std::string name = text.substr(0, first);
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) throw invalid_input("filter \"" + text + "\": unknown feature " + name);
  FeatureCondition condition{static_cast<std::size_t>(found - names.begin()),
                             parse_bound(text.substr(first + 1, second - first - 1), text),
                             parse_bound(text.substr(second + 1), text)};
  if (condition.min && condition.max && *condition.min > *condition.max) {
    throw invalid_input("filter \"" + text + "\": min is above max");
  }
  return condition;
}

std::vector<std::size_t> filter_rows(const store::StoredMatrix& clients,
                                     std::span<const FeatureCondition> conditions) {
  std::vector<std::size_t> rows;
  for (std::size_t r = 0; r < clients.rows(); ++r) {
    const auto values = clients.row(r);
    const bool kept = std::all_of(conditions.begin(), conditions.end(), [&](const auto& c) {
      const float value = values[c.feature];
      return !std::isnan(value) && (!c.min || value >= *c.min) && (!c.max || value <= *c.max);
    });
    if (kept) rows.push_back(r);
  }
  return rows;
}

}  // namespace creditscore::app
