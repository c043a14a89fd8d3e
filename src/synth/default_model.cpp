#include "synth/default_model.h"

#include <algorithm>
#include <cmath>

namespace creditscore::synth {
namespace {

// Tuned so that about 8 % of clients default and the best possible AUC is near 0.80, as on the
// real data.
constexpr double kIntercept = -4.55;
constexpr double kSignalScale = 0.86;

// A missing external score says something too: clients without one are a little riskier.
double external_score_term(double value, double weight, double when_missing) {
  return std::isnan(value) ? when_missing : -weight * (value - 0.5);
}

}  // namespace

DefaultModel::DefaultModel() {
  constexpr double kHalfWidth = 8.0;  // standard deviations
  double total = 0;
  for (int i = 0; i < kNodes; ++i) {
    const double z = -kHalfWidth + 2 * kHalfWidth * i / (kNodes - 1);
    nodes_[i] = z * kShockSd;
    weights_[i] = std::exp(-0.5 * z * z);
    total += weights_[i];
  }
  for (double& weight : weights_) weight /= total;
}

double DefaultModel::score(const Applicant& a, const HistorySummary& h) const {
  double s = 0;
  // External scores: the strongest signals, with a sharper effect at the low end.
  s += external_score_term(a.ext_source_1, 1.6, 0.05);
  s += external_score_term(a.ext_source_2, 2.4, 0.3);
  s += external_score_term(a.ext_source_3, 2.6, 0.15);
  const double worst = std::min({std::isnan(a.ext_source_2) ? 1.0 : a.ext_source_2,
                                 std::isnan(a.ext_source_3) ? 1.0 : a.ext_source_3});
  s += 0.8 * std::max(0.0, 0.25 - worst) * 4;
  // Age: the young are riskier, the effect fades after 40; young and poorly scored, more so.
  const double youth = std::clamp((40.0 - a.age_years) / 20.0, 0.0, 1.0);
  s += 0.55 * youth + 0.6 * youth * (worst < 0.35 ? 1.0 : 0.0);
  // Burden: annuity over income with a threshold, credit above the goods' price.
  const double burden = a.annuity / a.income;
  s += 1.4 * std::max(0.0, burden - 0.25);
  if (a.goods_price > 0) s += 2.0 * std::clamp(a.credit / a.goods_price - 1.1, 0.0, 0.5);
  s += 0.15 * std::log(a.credit / a.income);
  // Employment: short tenure is risky; pensioners are steady.
  s += std::isnan(a.employed_years) ? -0.3 : 0.45 * std::exp(-a.employed_years / 1.5);
  s += (a.male ? 0.3 : 0.0) + (a.higher_education ? -0.3 : 0.0) + (a.own_car ? -0.15 : 0.0);
  s += a.region_rating == 3 ? 0.3 : a.region_rating == 1 ? -0.25 : 0.0;
  // Bureau: overdue debt now.
  s += h.max_bureau_days_overdue > 0 ? 0.6 + 0.15 * std::log1p(h.max_bureau_days_overdue) : 0.0;
  s += 0.08 * std::max(0, h.active_bureau_credits - 3);
  // Previous applications refused, with diminishing weight.
  s += 0.35 * std::sqrt(static_cast<double>(h.refused_applications));
  // Instalments paid late or short.
  if (h.installments > 0) {
    const double late_share = static_cast<double>(h.late_installments) / h.installments;
    const double short_share = static_cast<double>(h.short_installments) / h.installments;
    s += 2.2 * late_share + 1.8 * short_share;
    s += 0.25 * std::log1p(h.days_past_due_sum / h.installments);
  }
  s += h.max_pos_days_past_due > 0 ? 0.25 : 0.0;
  // Credit cards: utilisation above half of the limit.
  if (h.card_months > 0) s += 1.5 * std::max(0.0, h.card_utilisation_sum / h.card_months - 0.5);
  return kIntercept + kSignalScale * s;
}

double DefaultModel::true_probability(double score) const {
  double p = 0;
  for (int i = 0; i < kNodes; ++i) p += weights_[i] * logistic(score + nodes_[i]);
  return p;
}

int DefaultModel::draw_target(double score, Random& random) const {
  return random.chance(logistic(score + random.normal(0, kShockSd))) ? 1 : 0;
}

}  // namespace creditscore::synth
