#include "explain/client_reasons.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "common/error.h"

namespace creditscore::explain {
namespace {

using features::Concept;

bool french(Language language) {
  return language == Language::French;
}

// "en moyenne", "au plus"... for an aggregate's headline feature, from its kernel-style suffix.
std::string aggregate_words(const std::string& name, Language language) {
  const bool fr = french(language);
  if (name.ends_with("_MEAN")) return fr ? "en moyenne " : "on average ";
  if (name.ends_with("_MAX")) return fr ? "au plus " : "at most ";
  if (name.ends_with("_MIN")) return fr ? "au moins " : "at least ";
  if (name.ends_with("_SUM")) return fr ? "en tout " : "in all ";
  return "";
}

// The category a one-hot concept's client has, from the label of the member that is 1
// ("Type de contrat : Crédit renouvelable" → "Crédit renouvelable").
std::string category_words(const features::FeaturePlan& plan, const Concept& group,
                           std::span<const float> row, Language language) {
  const std::string separator = french(language) ? " : " : ": ";
  for (std::size_t member : group.members) {
    if (row[member] != 1) continue;
    const features::Label& label = plan.features[member].label;
    const std::string& text = french(language) ? label.fr : label.en;
    const std::size_t at = text.rfind(separator);
    return at == std::string::npos ? text : text.substr(at + separator.size());
  }
  return french(language) ? "non renseigné" : "not given";
}

// The client's value for the concept in words; "" when one number would not mean anything (the
// shares of several categories).
std::string value_words(const features::FeaturePlan& plan, const ReasonWriter& writer,
                        const Concept& group, std::span<const float> row, Language language) {
  const float value = row[group.headline];
  const bool fr = french(language);
  switch (group.kind) {
    case Concept::Kind::Value:
      return writer.describe_value(group.headline, value, language);
    case Concept::Kind::Category:
      return category_words(plan, group, row, language);
    case Concept::Kind::Count:
      return std::isnan(value) ? (fr ? "aucun" : "none") : format_number(value, language);
    case Concept::Kind::Aggregates: {
      if (std::isnan(value)) return fr ? "aucune donnée" : "no record";
      const std::string& name = plan.features[group.headline].name;
      // The tables count dates as days before the application, negative: told as "days ago".
      if (name.find("DAYS_") != std::string::npos && value <= 0) {
        const std::string days = format_number(std::round(-value), language);
        return aggregate_words(name, language) +
               (fr ? "il y a " + days + " jours" : days + " days ago");
      }
      const std::string& unit = fr ? group.wording.unit.fr : group.wording.unit.en;
      return aggregate_words(name, language) + format_number(value, language) +
             (unit.empty() ? "" : " " + unit);
    }
    case Concept::Kind::Shares:
      return "";
  }
  return "";
}

std::string sentence(const features::FeaturePlan& plan, const ReasonWriter& writer,
                     const Concept& group, std::span<const float> row, Language language) {
  std::string text = french(language) ? group.wording.label.fr : group.wording.label.en;
  const std::string value = value_words(plan, writer, group, row, language);
  return value.empty() ? text : text + " (" + value + ")";
}

}  // namespace

nlohmann::json reasons_json(std::span<const ClientReason> reasons) {
  nlohmann::json list = nlohmann::json::array();
  for (const ClientReason& r : reasons)
    list.push_back({{"fr", r.fr}, {"en", r.en}, {"effect", r.effect}});
  return list;
}

std::vector<double> concept_effects(const features::FeaturePlan& plan,
                                    std::span<const double> effects) {
  if (effects.size() != plan.features.size()) {
    throw internal_error("client reasons: " + std::to_string(effects.size()) + " effects for " +
                         std::to_string(plan.features.size()) + " features");
  }
  std::vector<double> sums(plan.concepts.size(), 0.0);
  for (std::size_t f = 0; f < effects.size(); ++f)
    sums[plan.features[f].concept_index] += effects[f];
  return sums;
}

std::vector<ClientReason> client_reasons(const features::FeaturePlan& plan,
                                         const ReasonWriter& writer, std::span<const float> row,
                                         std::span<const double> effects, bool refused,
                                         std::size_t count) {
  if (row.size() != plan.features.size()) {
    throw internal_error("client reasons: " + std::to_string(row.size()) + " values for " +
                         std::to_string(plan.features.size()) + " features");
  }
  const std::vector<double> sums = concept_effects(plan, effects);
  const double sign = refused ? 1.0 : -1.0;
  std::vector<std::size_t> order;
  for (std::size_t c = 0; c < sums.size(); ++c) {
    if (plan.concepts[c].wording.told && sign * sums[c] > 0) order.push_back(c);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return sign * sums[a] > sign * sums[b]; });
  order.resize(std::min(order.size(), count));
  std::vector<ClientReason> reasons;
  for (std::size_t c : order) {
    const Concept& group = plan.concepts[c];
    reasons.push_back({c, sums[c], sentence(plan, writer, group, row, Language::French),
                       sentence(plan, writer, group, row, Language::English)});
  }
  return reasons;
}

}  // namespace creditscore::explain
