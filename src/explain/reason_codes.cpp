#include "explain/reason_codes.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>
#include <stdexcept>

#include "common/error.h"
#include "explain/probability_effects.h"
#include "features/display_unit.h"

namespace creditscore::explain {
namespace {

constexpr const char* kNarrowSpace = "\u202f";  // French thousands and "85 %"

bool french(Language language) {
  return language == Language::French;
}

std::string group_thousands(const std::string& digits, Language language) {
  std::string grouped;
  const std::size_t sign = !digits.empty() && digits[0] == '-' ? 1 : 0;
  grouped += digits.substr(0, sign);
  for (std::size_t i = sign; i < digits.size(); ++i) {
    if (i > sign && (digits.size() - i) % 3 == 0) grouped += french(language) ? kNarrowSpace : ",";
    grouped += digits[i];
  }
  return grouped;
}

std::string percent(double share, Language language) {
  const std::string number = std::to_string(static_cast<int>(std::lround(share * 100)));
  return french(language) ? number + kNarrowSpace + "%" : number + "%";
}

std::string points(double effect, Language language) {
  const double magnitude = std::abs(effect) * 100;
  if (magnitude < 0.05) return french(language) ? "moins de 0,1 point" : "less than 0.1 points";
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", magnitude);
  std::string result = text;
  if (french(language)) std::replace(result.begin(), result.end(), '.', ',');
  return result + (french(language) && magnitude < 2 ? " point" : " points");
}

}  // namespace

std::string format_money(double value, Language language) {
  const std::string amount = format_number(std::round(value), language);
  if (french(language)) return amount + kNarrowSpace + features::kCurrencySymbol;
  return amount.front() == '-' ? "-" + std::string(features::kCurrencySymbol) + amount.substr(1)
                               : features::kCurrencySymbol + amount;
}

std::string format_number(double value, Language language) {
  if (!std::isfinite(value)) return std::isnan(value) ? "-" : (value > 0 ? "inf" : "-inf");
  const double magnitude = std::abs(value);
  if (magnitude >= 100 || value == std::round(value)) {
    char digits[32];
    std::snprintf(digits, sizeof digits, "%.0f", value);
    return group_thousands(digits, language);
  }
  char text[32];
  std::snprintf(text, sizeof text, magnitude >= 1 ? "%.2f" : "%.3g", value);
  std::string result = text;
  if (result.find('.') != std::string::npos && result.find('e') == std::string::npos) {
    while (result.back() == '0') result.pop_back();
    if (result.back() == '.') result.pop_back();
  }
  if (french(language)) std::replace(result.begin(), result.end(), '.', ',');
  return result;
}

ReasonWriter::ReasonWriter(std::span<const features::FeatureInfo> features,
                           std::span<const model::FeatureDistribution> reference)
    : features_(features), reference_(reference) {
  if (features.size() != reference.size()) {
    throw corrupt("reason codes: " + std::to_string(features.size()) + " features but " +
                  std::to_string(reference.size()) + " reference distributions");
  }
  for (std::size_t i = 0; i < features.size(); ++i) {
    if (features[i].name != reference[i].name) {
      throw corrupt("reason codes: feature " + std::to_string(i) + " is " + features[i].name +
                    " in the catalogue but " + reference[i].name +
                    " in the reference distributions");
    }
    const model::FeatureDistribution& d = reference[i];
    indicator_.push_back(d.discrete && !d.values_or_edges.empty() &&
                         std::all_of(d.values_or_edges.begin(), d.values_or_edges.end(),
                                     [](double v) { return v == 0 || v == 1; }));
    units_.push_back(features[i].unit);
  }
}

std::string ReasonWriter::display_label(std::size_t feature, Language language) const {
  std::string text = french(language) ? features_[feature].label.fr : features_[feature].label.en;
  if (units_[feature] == features::DisplayUnit::Years) {
    const std::size_t unit = text.find(" (");
    if (unit != std::string::npos) text.erase(unit);
  }
  return text;
}

std::string ReasonWriter::describe_value(std::size_t feature, float value,
                                         Language language) const {
  const bool fr = french(language);
  if (std::isnan(value)) return fr ? "non renseigné" : "not given";
  if (indicator_.at(feature) && (value == 0 || value == 1)) {
    return value == 1 ? (fr ? "oui" : "yes") : (fr ? "non" : "no");
  }
  double rank = model::percentile_rank(reference_[feature], value);
  std::string text;
  switch (units_[feature]) {
    case features::DisplayUnit::Years:
      // -20,000 days is 54.8 years; more days before the application is more years, a lower rank.
      text = format_number(features::years_before(value), language) + (fr ? " ans" : " years");
      rank = 1 - rank;
      break;
    case features::DisplayUnit::Amount:
      text = format_money(value, language);
      break;
    case features::DisplayUnit::Share:
      text =
          format_number(std::round(value * 1000) / 10, language) + (fr ? kNarrowSpace : "") + "%";
      break;
    default:
      text = format_number(value, language);
  }
  if (std::isnan(rank)) return text;
  // Above all but less than half a percent of clients is the highest, said so.
  if (rank < 0.4) {
    if (rank < 0.005) return text + (fr ? ", le plus bas des clients" : ", the lowest of clients");
    return text + (fr ? ", plus bas que pour " : ", lower than for ") +
           percent(1 - rank, language) + (fr ? " des clients" : " of clients");
  }
  if (rank > 0.6) {
    if (rank >= 0.995)
      return text + (fr ? ", le plus élevé des clients" : ", the highest of clients");
    return text + (fr ? ", plus élevé que pour " : ", higher than for ") + percent(rank, language) +
           (fr ? " des clients" : " of clients");
  }
  return text + (fr ? ", dans la moyenne des clients" : ", typical of clients");
}

std::string ReasonWriter::sentence(std::size_t feature, float value, double effect,
                                   Language language) const {
  const bool fr = french(language);
  const std::string what = describe_value(feature, value, language);
  const bool flag = indicator_[feature] && (value == 0 || value == 1);
  std::string text = display_label(feature, language);
  text += flag ? " (" + what + ")" : (fr ? " : " : ": ") + what;
  if (effect >= 0) {
    text += fr ? " — augmente le risque de " : " — raises the risk by ";
  } else {
    text += fr ? " — réduit le risque de " : " — lowers the risk by ";
  }
  return text + points(effect, language);
}

ReasonCodes ReasonWriter::reasons(std::span<const float> row, std::span<const double> shap,
                                  std::size_t per_side) const {
  if (row.size() != features_.size() || shap.size() != features_.size() + 1) {
    throw internal_error("reason codes: " + std::to_string(row.size()) + " values and " +
                         std::to_string(shap.size()) + " SHAP values for " +
                         std::to_string(features_.size()) + " features");
  }
  const std::vector<double> effects = probability_effects(shap);
  std::vector<std::size_t> order(effects.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::abs(effects[a]) > std::abs(effects[b]);
  });
  ReasonCodes codes;
  for (std::size_t f : order) {
    if (effects[f] == 0) break;
    std::vector<Reason>& side = effects[f] > 0 ? codes.towards_refusal : codes.towards_acceptance;
    if (side.size() < per_side) {
      side.push_back({f, row[f], shap[f], effects[f],
                      sentence(f, row[f], effects[f], Language::French),
                      sentence(f, row[f], effects[f], Language::English)});
    }
    if (codes.towards_refusal.size() == per_side && codes.towards_acceptance.size() == per_side)
      break;
  }
  return codes;
}

}  // namespace creditscore::explain
