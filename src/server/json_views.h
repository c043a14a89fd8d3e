// How the API writes what it knows as JSON: a score, an explanation, a feature's description,
// the model card. Missing values are null, never NaN; every feature comes with its labels.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>

#include "explain/served_model.h"

namespace creditscore::server {

// A float that may be missing, as JSON.
nlohmann::json number_or_null(double value);

// A stored application (a JSON object of its columns) as the client's file shows it: each column
// with its FR/EN label and value, a category code also in words (value_fr, value_en), and
// no_date set where a day count holds Home Credit's "no such date".
nlohmann::json application_fields_json(const nlohmann::json& application);

// {"feature", "label_fr", "label_en"}
nlohmann::json feature_json(const explain::ServedModel& model, std::size_t feature);

// {"probability", "decision", "threshold", "distance", "model"}
nlohmann::json score_json(const explain::ServedModel& model, double probability);

// The score, the base value, the `top` largest contributions (feature, labels, value, the value
// in words, SHAP and effect in points of probability) with the rest summed up, and the reason
// codes in French and English.
nlohmann::json explanation_json(const explain::ServedModel& model, std::span<const float> row,
                                const explain::ClientExplanation& explanation, std::size_t top);

// The model card: version, threshold and costs, metrics and curves, the oracle's when known,
// the explanation engine, training settings and timings, global importance of the `top` features.
nlohmann::json model_json(const explain::ServedModel& model, std::size_t top);

}  // namespace creditscore::server
