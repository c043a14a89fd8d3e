// The reasons a client is given for a decision: the model's effects summed over each concept a
// person knows (features::Concept: "your past late payments" rather than three statistics of
// days late), only the concepts fit to be told to a client, at most four, the strongest towards
// the decision, worded for the client:
//   « Vos retards de paiement passés chez nous (en moyenne 4,6 jours) »
// Concept effects add up exactly to the sum of their members' effects, so all of them together
// still make the client's probability minus the base probability.
#pragma once

#include <cstddef>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "explain/reason_codes.h"
#include "features/feature_plan.h"

namespace creditscore::explain {

// US Regulation B's adverse-action notices give the principal reasons, in practice four.
inline constexpr std::size_t kMaxClientReasons = 4;

struct ClientReason {
  std::size_t concept_index;  // in the plan's concepts
  double effect;              // on the probability of default; the members' effects summed
  std::string fr, en;
};

// As the API and the decision's record keep them: [{"fr", "en", "effect"}...].
nlohmann::json reasons_json(std::span<const ClientReason> reasons);

// One effect per concept of `plan`: the sum of its members' `effects` (one per feature).
std::vector<double> concept_effects(const features::FeaturePlan& plan,
                                    std::span<const double> effects);

// At most `count` reasons towards `refused` (effects > 0) or towards granting (effects < 0),
// strongest first, among the concepts told to clients. `row`: the client's feature values.
std::vector<ClientReason> client_reasons(const features::FeaturePlan& plan,
                                         const ReasonWriter& writer, std::span<const float> row,
                                         std::span<const double> effects, bool refused,
                                         std::size_t count = kMaxClientReasons);

}  // namespace creditscore::explain
