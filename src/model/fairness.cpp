#include "model/fairness.h"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "common/json_count.h"

namespace creditscore::model {
namespace {

constexpr const char* kSexes[] = {"F", "M"};
constexpr const char* kAgeBands[] = {"under_25", "25_34", "35_49", "50_64", "65_and_over"};
constexpr double kAgeBandStarts[] = {25, 35, 50, 65};  // years

std::optional<std::size_t> column(std::span<const std::string> names, const char* name) {
  const auto found = std::find(names.begin(), names.end(), name);
  if (found == names.end()) return std::nullopt;
  return static_cast<std::size_t>(found - names.begin());
}

bool is_one(std::span<const float> features, const std::optional<std::size_t>& at) {
  return at && features[*at] == 1.0f;
}

std::optional<double> rate(std::size_t part, std::size_t whole) {
  if (whole < kMinClients) return std::nullopt;
  return static_cast<double>(part) / static_cast<double>(whole);
}

// A figure over the groups that have it.
template <typename Figure>
std::vector<double> values_of(const std::vector<GroupFairness>& groups, Figure figure) {
  std::vector<double> values;
  for (const GroupFairness& g : groups) {
    if (const std::optional<double> value = figure(g)) values.push_back(*value);
  }
  return values;
}

// The largest minus the smallest of a figure, when at least two groups have it.
template <typename Figure>
std::optional<double> spread(const std::vector<GroupFairness>& groups, Figure figure) {
  const std::vector<double> values = values_of(groups, figure);
  if (values.size() < 2) return std::nullopt;
  const auto [low, high] = std::minmax_element(values.begin(), values.end());
  return *high - *low;
}

struct Counts {
  std::size_t clients = 0, approved = 0;
  std::size_t defaulters = 0, defaulters_refused = 0;
  std::size_t good = 0, good_refused = 0;
  double probability_sum = 0;  // over those with an outcome
};

AttributeFairness assess(Attribute attribute, std::span<const double> probabilities,
                         std::span<const int> outcomes, std::span<const ClientGroups> groups,
                         double threshold) {
  const std::span<const char* const> names = group_names(attribute);
  std::vector<Counts> counts(names.size());
  AttributeFairness result;
  result.attribute = attribute;
  for (std::size_t i = 0; i < probabilities.size(); ++i) {
    const int group = groups[i].of(attribute);
    if (group == kUnknownGroup) {
      ++result.unknown;
      continue;
    }
    Counts& c = counts[static_cast<std::size_t>(group)];
    const bool refused = probabilities[i] >= threshold;
    ++c.clients;
    c.approved += refused ? 0 : 1;
    if (outcomes[i] != 0 && outcomes[i] != 1) continue;
    c.probability_sum += probabilities[i];
    if (outcomes[i] == 1) {
      ++c.defaulters;
      c.defaulters_refused += refused ? 1 : 0;
    } else {
      ++c.good;
      c.good_refused += refused ? 1 : 0;
    }
  }
  for (std::size_t g = 0; g < names.size(); ++g) {
    const Counts& c = counts[g];
    GroupFairness group;
    group.name = names[g];
    group.clients = c.clients;
    group.with_outcome = c.defaulters + c.good;
    group.defaulters = c.defaulters;
    group.approval_rate = rate(c.approved, c.clients);
    group.true_positive_rate = rate(c.defaulters_refused, c.defaulters);
    group.false_positive_rate = rate(c.good_refused, c.good);
    if (group.with_outcome >= kMinClients) {
      group.mean_probability = c.probability_sum / static_cast<double>(group.with_outcome);
      group.default_rate = rate(c.defaulters, group.with_outcome);
    }
    result.groups.push_back(std::move(group));
  }
  double most_approved = 0;
  for (const GroupFairness& g : result.groups)
    most_approved = std::max(most_approved, g.approval_rate.value_or(0));
  for (GroupFairness& g : result.groups) {
    if (!g.approval_rate || most_approved <= 0) continue;
    g.disparate_impact = *g.approval_rate / most_approved;
    g.four_fifths = *g.disparate_impact >= kFourFifths;
  }
  const std::vector<double> ratios =
      values_of(result.groups, [](const GroupFairness& g) { return g.disparate_impact; });
  if (ratios.size() >= 2)
    result.lowest_disparate_impact = *std::min_element(ratios.begin(), ratios.end());
  result.true_positive_rate_gap =
      spread(result.groups, [](const GroupFairness& g) { return g.true_positive_rate; });
  result.false_positive_rate_gap =
      spread(result.groups, [](const GroupFairness& g) { return g.false_positive_rate; });
  return result;
}

nlohmann::json optional_json(const std::optional<double>& value) {
  return value ? nlohmann::json(*value) : nlohmann::json();
}

std::optional<double> optional_from(const nlohmann::json& document, const char* name) {
  const nlohmann::json& value = document.at(name);
  if (value.is_null()) return std::nullopt;
  return value.get<double>();
}

Attribute attribute_named(const std::string& name) {
  for (const Attribute a : kAttributes) {
    if (name == attribute_name(a)) return a;
  }
  throw std::invalid_argument("fairness: unknown attribute '" + name + "'");
}

}  // namespace

const char* attribute_name(Attribute attribute) {
  return attribute == Attribute::Sex ? "sex" : "age_band";
}

std::span<const char* const> group_names(Attribute attribute) {
  if (attribute == Attribute::Sex) return kSexes;
  return kAgeBands;
}

GroupColumns::GroupColumns(std::span<const std::string> feature_names)
    : female_(column(feature_names, "CODE_GENDER_F")),
      male_(column(feature_names, "CODE_GENDER_M")),
      days_birth_(column(feature_names, "DAYS_BIRTH")) {}

ClientGroups GroupColumns::of(std::span<const float> features) const {
  ClientGroups groups;
  if (is_one(features, female_)) groups.sex = 0;
  if (is_one(features, male_)) groups.sex = 1;
  if (days_birth_ && std::isfinite(features[*days_birth_])) {
    const double years = -features[*days_birth_] / 365.25;
    groups.age_band = static_cast<int>(
        std::upper_bound(std::begin(kAgeBandStarts), std::end(kAgeBandStarts), years) -
        std::begin(kAgeBandStarts));
  }
  return groups;
}

Fairness assess_fairness(std::span<const double> probabilities, std::span<const int> outcomes,
                         std::span<const ClientGroups> groups, double threshold) {
  if (outcomes.size() != probabilities.size() || groups.size() != probabilities.size())
    throw std::invalid_argument("fairness: one probability, outcome and group per client");
  Fairness fairness;
  fairness.threshold = threshold;
  for (const Attribute attribute : kAttributes)
    fairness.attributes.push_back(assess(attribute, probabilities, outcomes, groups, threshold));
  return fairness;
}

nlohmann::json to_json(const Fairness& fairness) {
  nlohmann::json attributes = nlohmann::json::array();
  for (const AttributeFairness& a : fairness.attributes) {
    nlohmann::json groups = nlohmann::json::array();
    for (const GroupFairness& g : a.groups) {
      groups.push_back({{"name", g.name},
                        {"clients", g.clients},
                        {"with_outcome", g.with_outcome},
                        {"defaulters", g.defaulters},
                        {"approval_rate", optional_json(g.approval_rate)},
                        {"disparate_impact", optional_json(g.disparate_impact)},
                        {"four_fifths", g.four_fifths ? nlohmann::json(*g.four_fifths) : nullptr},
                        {"true_positive_rate", optional_json(g.true_positive_rate)},
                        {"false_positive_rate", optional_json(g.false_positive_rate)},
                        {"mean_probability", optional_json(g.mean_probability)},
                        {"default_rate", optional_json(g.default_rate)}});
    }
    attributes.push_back({{"attribute", attribute_name(a.attribute)},
                          {"groups", groups},
                          {"unknown", a.unknown},
                          {"lowest_disparate_impact", optional_json(a.lowest_disparate_impact)},
                          {"true_positive_rate_gap", optional_json(a.true_positive_rate_gap)},
                          {"false_positive_rate_gap", optional_json(a.false_positive_rate_gap)}});
  }
  return {{"threshold", fairness.threshold},
          {"min_clients", kMinClients},
          {"four_fifths", kFourFifths},
          {"attributes", attributes}};
}

Fairness fairness_from_json(const nlohmann::json& document) {
  Fairness fairness;
  fairness.threshold = document.at("threshold").get<double>();
  for (const nlohmann::json& a : document.at("attributes")) {
    AttributeFairness attribute;
    attribute.attribute = attribute_named(a.at("attribute").get<std::string>());
    attribute.unknown = json_count(a.at("unknown"));
    attribute.lowest_disparate_impact = optional_from(a, "lowest_disparate_impact");
    attribute.true_positive_rate_gap = optional_from(a, "true_positive_rate_gap");
    attribute.false_positive_rate_gap = optional_from(a, "false_positive_rate_gap");
    for (const nlohmann::json& g : a.at("groups")) {
      GroupFairness group;
      group.name = g.at("name").get<std::string>();
      group.clients = json_count(g.at("clients"));
      group.with_outcome = json_count(g.at("with_outcome"));
      group.defaulters = json_count(g.at("defaulters"));
      group.approval_rate = optional_from(g, "approval_rate");
      group.disparate_impact = optional_from(g, "disparate_impact");
      if (!g.at("four_fifths").is_null()) group.four_fifths = g["four_fifths"].get<bool>();
      group.true_positive_rate = optional_from(g, "true_positive_rate");
      group.false_positive_rate = optional_from(g, "false_positive_rate");
      group.mean_probability = optional_from(g, "mean_probability");
      group.default_rate = optional_from(g, "default_rate");
      attribute.groups.push_back(std::move(group));
    }
    fairness.attributes.push_back(std::move(attribute));
  }
  return fairness;
}

}  // namespace creditscore::model
