#include "store/history_summary.h"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>
#include <unordered_map>

#include "tables/schema.h"

namespace creditscore::store {
namespace {

// A share k/n stored as float is within n * 2^-24 of a whole number of rows at the true n; a
// wrong n misses by at least 1/n. Good for the few hundred rows a client has at most.
constexpr double kShareTolerance = 1e-4;
constexpr std::size_t kLargestCount = 100000;

// The value in its shortest float form, so that JSON shows 0.25 and not 0.25000000372529.
double shortest(float value) {
  char buffer[32];
  char* end = std::to_chars(buffer, buffer + sizeof buffer, value).ptr;
  return std::strtod(std::string(buffer, end).c_str(), nullptr);
}

nlohmann::ordered_json number_or_null(float value) {
  return std::isfinite(value) ? nlohmann::ordered_json(shortest(value)) : nullptr;
}

nlohmann::ordered_json count_or_null(std::optional<std::size_t> count) {
  return count ? nlohmann::ordered_json(*count) : nullptr;
}

}  // namespace

std::optional<std::size_t> history_row_count(float sum, float mean, std::span<const float> shares) {
  // Aggregates of no rows are missing, while a sum over rows never is (the sum of nothing is 0).
  if (std::isnan(sum)) return 0;
  std::size_t lower = 1;
  bool bounded = false;
  if (std::isfinite(mean) && mean != 0 && std::isfinite(sum)) {
    const double rows = std::round(static_cast<double>(sum) / static_cast<double>(mean));
    if (rows >= 1 && rows <= static_cast<double>(kLargestCount)) {
      lower = static_cast<std::size_t>(rows);
      bounded = true;
    }
  }
  bool any_share = false;
  for (float share : shares) any_share = any_share || std::isfinite(share);
  if (!any_share) return bounded ? std::optional<std::size_t>(lower) : std::nullopt;
  for (std::size_t n = lower; n <= kLargestCount; ++n) {
    bool whole = true;
    for (float share : shares) {
      if (!std::isfinite(share)) continue;
      const double rows = static_cast<double>(share) * static_cast<double>(n);
      if (std::fabs(rows - std::round(rows)) > kShareTolerance) {
        whole = false;
        break;
      }
    }
    if (whole) return n;
  }
  return std::nullopt;
}

HistorySummary::HistorySummary(std::span<const std::string> feature_names) {
  std::unordered_map<std::string_view, std::size_t> index;
  for (std::size_t i = 0; i < feature_names.size(); ++i) index.emplace(feature_names[i], i);
  auto find = [&](std::string_view name) -> Index {
    const auto found = index.find(name);
    return found == index.end() ? Index() : Index(found->second);
  };
  // The shares are PREFIX + category column + "_" + value + "_MEAN" (see feature_plan.cpp).
  auto table = [&](tables::TableId id, const std::string& prefix, std::string_view column) {
    HistoryTable t{find(prefix + std::string(column) + "_SUM"),
                   find(prefix + std::string(column) + "_MEAN"),
                   {}};
    for (const tables::ColumnSpec& spec : tables::schema_of(id).columns) {
      if (spec.kind != tables::ColumnKind::Category) continue;
      const std::string start = prefix + spec.name + "_";
      for (std::size_t i = 0; i < feature_names.size(); ++i) {
        if (feature_names[i].starts_with(start) && feature_names[i].ends_with("_MEAN"))
          t.shares.push_back(i);
      }
    }
    return t;
  };
  bureau_ = table(tables::TableId::Bureau, "BURO_", "AMT_CREDIT_SUM");
  previous_ = table(tables::TableId::PreviousApplication, "PREV_", "CNT_PAYMENT");
  active_share_ = find("BURO_CREDIT_ACTIVE_Active_MEAN");
  debt_sum_ = find("BURO_AMT_CREDIT_SUM_DEBT_SUM");
  overdue_days_max_ = find("BURO_CREDIT_DAY_OVERDUE_MAX");
  refused_share_ = find("PREV_NAME_CONTRACT_STATUS_Refused_MEAN");
  instalments_ = find("INSTAL_COUNT");
  days_late_max_ = find("INSTAL_DPD_MAX");
  days_late_mean_ = find("INSTAL_DPD_MEAN");
  card_balance_mean_ = find("CC_AMT_BALANCE_MEAN");
  card_limit_mean_ = find("CC_AMT_CREDIT_LIMIT_ACTUAL_MEAN");
}

std::optional<std::size_t> HistorySummary::rows(const HistoryTable& table,
                                                std::span<const float> features) const {
  std::vector<float> shares;
  shares.reserve(table.shares.size());
  for (std::size_t i : table.shares) shares.push_back(features[i]);
  return history_row_count(features[*table.sum], features[*table.mean], shares);
}

nlohmann::ordered_json HistorySummary::operator()(std::span<const float> features) const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  auto add = [&](const char* key, const char* label_fr, const char* label_en, const char* unit,
                 nlohmann::ordered_json value) {
    entries.push_back({{"key", key},
                       {"label_fr", label_fr},
                       {"label_en", label_en},
                       {"unit", unit},
                       {"value", std::move(value)}});
  };
  auto value = [&](Index index) { return features[*index]; };

  if (bureau_.sum && bureau_.mean) {
    const std::optional<std::size_t> credits = rows(bureau_, features);
    add("bureau_credits", "Crédits déclarés au bureau", "Credits reported to the bureau", "count",
        count_or_null(credits));
    if (active_share_) {
      const float share = value(active_share_);
      std::optional<std::size_t> active;
      if (credits && (*credits == 0 || std::isfinite(share)))
        active = *credits == 0 ? 0
                               : static_cast<std::size_t>(std::llround(
                                     static_cast<double>(share) * static_cast<double>(*credits)));
      add("bureau_active_credits", "Crédits en cours au bureau", "Active bureau credits", "count",
          count_or_null(active));
    }
  }
  if (debt_sum_)
    add("bureau_debt", "Dette totale déclarée au bureau", "Total debt reported to the bureau",
        "amount", number_or_null(value(debt_sum_)));
  if (overdue_days_max_)
    add("bureau_days_overdue_max", "Plus long retard en cours au bureau (jours)",
        "Longest current overdue at the bureau (days)", "days",
        number_or_null(value(overdue_days_max_)));
  if (previous_.sum && previous_.mean)
    add("previous_applications", "Demandes de crédit précédentes", "Previous credit applications",
        "count", count_or_null(rows(previous_, features)));
  if (refused_share_)
    add("previous_refused_share", "Part des demandes précédentes refusées",
        "Share of previous applications refused", "share", number_or_null(value(refused_share_)));
  if (instalments_) {
    const float count = value(instalments_);  // missing when the client has no instalment
    add("instalments", "Échéances passées", "Past instalments", "count",
        count_or_null(std::isnan(count) ? 0 : static_cast<std::size_t>(count)));
  }
  if (days_late_max_)
    add("instalment_days_late_max", "Plus long retard de paiement d'une échéance (jours)",
        "Longest delay paying an instalment (days)", "days", number_or_null(value(days_late_max_)));
  if (days_late_mean_)
    add("instalment_days_late_mean", "Retard moyen par échéance (jours)",
        "Mean delay per instalment (days)", "days", number_or_null(value(days_late_mean_)));
  if (card_balance_mean_ && card_limit_mean_) {
    const float limit = value(card_limit_mean_);
    add("card_utilisation", "Utilisation de la carte de crédit (solde / plafond)",
        "Credit card utilisation (balance / limit)", "share",
        limit > 0 ? number_or_null(
                        static_cast<float>(static_cast<double>(value(card_balance_mean_)) / limit))
                  : nullptr);
  }
  return {{"history", std::move(entries)}};
}

}  // namespace creditscore::store
