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

// Draws the application's latent traits and observed fields.
Applicant draw_applicant(Random& random, std::int64_t id, bool train);

// Fills every application column of `row` (TARGET is set by the caller for train clients).
void write_application(const Applicant& applicant, Random& random, RowWriter& row);

}  // namespace creditscore::synth
