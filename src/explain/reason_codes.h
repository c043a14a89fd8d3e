// Reason codes: the features that push a client's probability of default up (towards refusal)
// and down (towards acceptance), strongest first, each as a plain sentence in French and English
// built from the catalogue's label, the client's own value placed among the training clients,
// and the effect in points of probability, e.g.
//   « Score externe n°2 : 0,12, plus bas que pour 85 % des clients — augmente le risque de
//     8,0 points »
// Effects come from probability_effects(), so all of them (not only those shown) add up to the
// client's probability minus the base probability.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "features/display_unit.h"
#include "features/feature_plan.h"
#include "model/reference_distribution.h"

namespace creditscore::explain {

enum class Language { French, English };

struct Reason {
  std::size_t feature;  // position in the model's features
  float value;          // the client's value; NaN when missing
  double shap;          // on the margin's scale
  double effect;        // on the probability of default (0.08 = 8 points)
  std::string fr, en;
};

struct ReasonCodes {
  std::vector<Reason> towards_refusal;     // effect > 0, largest first
  std::vector<Reason> towards_acceptance;  // effect < 0, largest magnitude first
};

class ReasonWriter {
 public:
  // `features` and `reference` describe the model's features, in its order. Throws
  // std::invalid_argument when their sizes or names differ. Both must outlive the writer.
  ReasonWriter(std::span<const features::FeatureInfo> features,
               std::span<const model::FeatureDistribution> reference);

  // `row`: the client's feature values; `shap`: their SHAP values then the base value. At most
  // `per_side` reasons each way; ties keep the features' order, so the result is stable.
  ReasonCodes reasons(std::span<const float> row, std::span<const double> shap,
                      std::size_t per_side) const;

  // The sentence for one feature with the client's value and its effect.
  std::string sentence(std::size_t feature, float value, double effect, Language language) const;
  // The client's value in words with its unit and rank: "0,12, plus bas que pour 85 % des
  // clients", "oui", "54,8 ans", "960 000 €, le plus élevé des clients"...
  std::string describe_value(std::size_t feature, float value, Language language) const;
  // The label as a client reads it beside describe_value: day counts lose their "(days, negative)".
  std::string display_label(std::size_t feature, Language language) const;

 private:
  std::span<const features::FeatureInfo> features_;
  std::span<const model::FeatureDistribution> reference_;
  std::vector<bool> indicator_;  // takes only the values 0 and 1
  std::vector<features::DisplayUnit> units_;
};

// `value` written for a reader of `language`: decimal comma and narrow spaces between thousands
// in French; integers in full, others with 2 decimals (3 significant digits below 1).
std::string format_number(double value, Language language);
// An amount in the lender's currency, to the unit: « 960 000 € », "€960,000".
std::string format_money(double value, Language language);

}  // namespace creditscore::explain
