// A client's history with other lenders (bureau, bureau_balance) and with us (previous
// applications, POS/cash months, instalments, credit card months), written as CSV rows, and the
// summary of it that the true probability of default reads.
#pragma once

#include <cstdint>
#include <string>

#include "synth/applicant.h"
#include "synth/random.h"
#include "synth/row_writer.h"

namespace creditscore::synth {

// Rows of every history table for one chunk of clients.
struct HistoryBuffers {
  std::string bureau, bureau_balance, previous, pos_cash, installments, credit_card;
  std::uint64_t bureau_rows = 0, bureau_balance_rows = 0, previous_rows = 0, pos_cash_rows = 0,
                installments_rows = 0, credit_card_rows = 0;
};

// Reusable row builders, one per history table.
struct HistoryWriters {
  RowWriter bureau, bureau_balance, previous, pos_cash, installments, credit_card;
  HistoryWriters();
};

// What the lender can observe of the history, as the default model reads it.
struct HistorySummary {
  int active_bureau_credits = 0;
  double max_bureau_days_overdue = 0;
  double bureau_amount_overdue = 0;
  int refused_applications = 0;
  int installments = 0;
  int late_installments = 0;
  int short_installments = 0;
  double days_past_due_sum = 0;
  double max_pos_days_past_due = 0;
  int card_months = 0;
  double card_utilisation_sum = 0;
};

// Ids of history rows come from the client's position so that they never depend on threading:
// up to kMaxLoans bureau credits and previous applications per client.
inline constexpr int kMaxLoans = 60;

HistorySummary write_history(const Applicant& applicant, std::uint64_t client_index, Random& random,
                             HistoryWriters& writers, HistoryBuffers& out);

}  // namespace creditscore::synth
