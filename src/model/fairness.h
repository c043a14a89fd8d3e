// Whether the model treats alike the groups the law protects (EU AI Act Art. 10: data examined
// for bias), by sex (CODE_GENDER) and by age band: for each group its approval rate and its ratio
// to the most approved group (the disparate-impact ratio, with the four-fifths rule as a flag),
// the share of defaulters refused (true-positive rate) and of good clients refused
// (false-positive rate), and its calibration (mean probability against the observed default
// rate). A figure over fewer than kMinClients clients is left out, and says so, rather than
// showing noise.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <vector>

namespace creditscore::model {

inline constexpr std::size_t kMinClients = 30;
inline constexpr double kFourFifths = 0.8;

enum class Attribute { Sex, AgeBand };
inline constexpr Attribute kAttributes[] = {Attribute::Sex, Attribute::AgeBand};
const char* attribute_name(Attribute attribute);  // "sex", "age_band"
// The groups' names, in order: "F", "M"; "under_25", "25_34", "35_49", "50_64", "65_and_over".
std::span<const char* const> group_names(Attribute attribute);

// A client's group for each attribute, an index into group_names, or kUnknownGroup.
inline constexpr int kUnknownGroup = -1;
struct ClientGroups {
  int sex = kUnknownGroup;
  int age_band = kUnknownGroup;
  int of(Attribute attribute) const { return attribute == Attribute::Sex ? sex : age_band; }
};

// Where the groups are among the features: the one-hot CODE_GENDER_F and CODE_GENDER_M, and
// DAYS_BIRTH (negative days).
class GroupColumns {
 public:
  explicit GroupColumns(std::span<const std::string> feature_names);
  ClientGroups of(std::span<const float> features) const;

 private:
  std::optional<std::size_t> female_, male_, days_birth_;
};

struct GroupFairness {
  std::string name;
  std::size_t clients = 0;
  std::size_t with_outcome = 0, defaulters = 0;
  // nullopt when the group has fewer than kMinClients clients (or defaulters, good clients, or
  // clients with an outcome) for it.
  std::optional<double> approval_rate, disparate_impact;
  std::optional<bool> four_fifths;  // disparate_impact >= kFourFifths
  std::optional<double> true_positive_rate, false_positive_rate;
  std::optional<double> mean_probability, default_rate;  // calibration, over those with outcomes
};

struct AttributeFairness {
  Attribute attribute = Attribute::Sex;
  std::vector<GroupFairness> groups;
  std::size_t unknown = 0;  // clients in no group (sex not given)
  // Over the groups with the figure; nullopt with fewer than two of them.
  std::optional<double> lowest_disparate_impact, true_positive_rate_gap, false_positive_rate_gap;
};

struct Fairness {
  double threshold = 0;
  std::vector<AttributeFairness> attributes;  // one per kAttributes
};

// One probability, outcome and groups per client; an outcome other than 0 or 1 is unknown (the
// client is counted for approvals only). Clients with probability >= threshold are refused.
// Throws std::invalid_argument when the sizes differ.
Fairness assess_fairness(std::span<const double> probabilities, std::span<const int> outcomes,
                         std::span<const ClientGroups> groups, double threshold);

nlohmann::json to_json(const Fairness& fairness);
// Throws std::invalid_argument or nlohmann::json's errors on a malformed document.
Fairness fairness_from_json(const nlohmann::json& document);

}  // namespace creditscore::model
