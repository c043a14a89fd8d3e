// One generated client's application: the latent traits that drive the whole record, and the
// observed fields that the true probability of default reads.
#pragma once

#include <cstdint>
#include <string>

#include "synth/random.h"
#include "synth/row_writer.h"

namespace creditscore::synth {

struct Applicant {
  std::int64_t id = 0;
  bool train = true;
  bool drifted = false;  // a test client of a data set that drifts on purpose (kDrift)
  // Latent, never written: the client's financial fragility (standard normal, higher = riskier).
  double risk = 0;

  // Observed (NaN when missing).
  double ext_source_1 = 0, ext_source_2 = 0, ext_source_3 = 0;
  double age_years = 0;
  double employed_years = 0;  // NaN for pensioners and the unemployed (DAYS_EMPLOYED = 365243)
  bool male = false;
  bool higher_education = false;
  bool own_car = false;
  int region_rating = 2;
  bool revolving = false;
  double income = 0, credit = 0, annuity = 0, goods_price = 0;
};

// How application_test shifts in a data set that drifts on purpose (generate --drift): declared
// incomes inflated, the third external score lower, a new kind of employer, twice the share of
// revolving loans, younger clients, newer to credit (about half the past credits and
// applications).
// Training clients never shift.
inline constexpr double kRevolvingShare = 0.095;  // of the applications

struct Drift {
  double income_factor = 1.3;
  double ext_source_3_shift = -0.6;  // on the score's logit
  const char* new_organization = "Plateforme numérique";
  double new_organization_share = 0.25;  // of the clients with an employer
  double revolving_share = 2 * kRevolvingShare;
  double age_shift_years = -6;  // younger clients
  // Newer to credit: each client's past credits with other lenders and past applications with
  // us beyond the first are, on average, this share of the usual.
  double history_factor = 0.5;
  // The raw columns shifted, for drift.json.
  static constexpr const char* kColumns[] = {
      "AMT_INCOME_TOTAL", "EXT_SOURCE_3", "ORGANIZATION_TYPE", "NAME_CONTRACT_TYPE", "DAYS_BIRTH"};
  // The history tables with fewer rows per client (history_factor), for drift.json.
  static constexpr const char* kThinnerTables[] = {"bureau", "previous_application"};
};
inline constexpr Drift kDrift;

// Draws the application's latent traits and observed fields; shifted by kDrift when `drifted`.
Applicant draw_applicant(Random& random, std::int64_t id, bool train, bool drifted = false);

// Fills every application column of `row` (TARGET is set by the caller for train clients).
void write_application(const Applicant& applicant, Random& random, RowWriter& row);

}  // namespace creditscore::synth
