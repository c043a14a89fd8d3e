#include "synth/history.h"

#include <algorithm>
#include <array>
#include <cmath>

#include "synth/vocabulary.h"
#include "tables/schema.h"

namespace creditscore::synth {
namespace {

using tables::schema_of;
using tables::TableId;

constexpr double kPlaceholderDays = 365243;  // Kaggle's "no such date"

const Vocabulary kCreditType = {{"Consumer credit", 73.0},
                                {"Credit card", 23.4},
                                {"Car loan", 1.6},
                                {"Mortgage", 1.1},
                                {"Microloan", 0.72},
                                {"Loan for business development", 0.12},
                                {"Another type of loan", 0.06},
                                {"Unknown type of loan", 0.03},
                                {"Loan for working capital replenishment", 0.02},
                                {"Cash loan (non-earmarked)", 0.03},
                                {"Real estate loan", 0.002},
                                {"Loan for the purchase of equipment", 0.002},
                                {"Loan for purchase of shares (margin lending)", 0.0002},
                                {"Mobile operator loan", 0.0001},
                                {"Interbank credit", 0.0001}};
const Vocabulary kCurrency = {
    {"currency 1", 99.92}, {"currency 2", 0.07}, {"currency 3", 0.01}, {"currency 4", 0.0005}};
const Vocabulary kPurpose = {{"Repairs", 35},
                             {"Other", 23},
                             {"Urgent needs", 13},
                             {"Buying a used car", 4.3},
                             {"Building a house or an annex", 4.1},
                             {"Everyday expenses", 3.6},
                             {"Medicine", 3.2},
                             {"Payments on other loans", 2.9},
                             {"Education", 2.4},
                             {"Journey", 1.9},
                             {"Purchase of electronic equipment", 1.6},
                             {"Buying a new car", 1.5},
                             {"Wedding / gift / holiday", 1.5},
                             {"Buying a home", 1.3},
                             {"Car repairs", 1.2},
                             {"Furniture", 1.1},
                             {"Buying a holiday home / land", 0.8},
                             {"Business development", 0.6},
                             {"Gasification / water supply", 0.4},
                             {"Buying a garage", 0.2},
                             {"Hobby", 0.08},
                             {"Money for a third person", 0.04},
                             {"Refusal to name the goal", 0.02}};
const Vocabulary kRejectReason = {{"HC", 60},    {"LIMIT", 19}, {"SCO", 13},    {"CLIENT", 4},
                                  {"SYSTEM", 2}, {"XNA", 1.8},  {"VERIF", 1.2}, {"SCOFR", 0.1}};
const Vocabulary kPreviousSuite = {
    {"Unaccompanied", 59.9}, {"Family", 25.6}, {"Spouse, partner", 8.0}, {"Children", 3.8},
    {"Other_B", 2.1},        {"Other_A", 1.1}, {"Group of people", 0.3}};
const Vocabulary kClientType = {
    {"Repeater", 73.7}, {"New", 18.0}, {"Refreshed", 8.1}, {"XNA", 0.1}};
const Vocabulary kGoods = {{"Mobile", 31},
                           {"Consumer Electronics", 17},
                           {"Computers", 14.5},
                           {"Audio/Video", 14},
                           {"Furniture", 7.4},
                           {"Photo / Cinema Equipment", 3.5},
                           {"Construction Materials", 3.5},
                           {"Clothing and Accessories", 3.2},
                           {"Auto Accessories", 1},
                           {"Jewelry", 0.9},
                           {"Homewares", 0.7},
                           {"Medical Supplies", 0.5},
                           {"Vehicles", 0.5},
                           {"Sport and Leisure", 0.4},
                           {"Gardening", 0.4},
                           {"Other", 0.35},
                           {"Office Appliances", 0.3},
                           {"Tourism", 0.23},
                           {"Medicine", 0.22},
                           {"Direct Sales", 0.07},
                           {"Fitness", 0.03},
                           {"Additional Service", 0.01},
                           {"Education", 0.01},
                           {"Weapon", 0.005},
                           {"Insurance", 0.004},
                           {"House Construction", 0.001},
                           {"Animals", 0.0001}};
const Vocabulary kChannel = {
    {"Credit and cash offices", 43},     {"Country-wide", 30},    {"Stone", 12.7},
    {"Regional / Local", 6.5},           {"Contact center", 4.3}, {"AP+ (Cash loan)", 3.4},
    {"Channel of corporate sales", 0.4}, {"Car dealer", 0.03}};
const Vocabulary kSellerIndustry = {{"Consumer electronics", 49},
                                    {"Connectivity", 34},
                                    {"Furniture", 7},
                                    {"Construction", 3.7},
                                    {"Clothing", 2.9},
                                    {"Industry", 2.3},
                                    {"Auto technology", 0.6},
                                    {"Jewelry", 0.3},
                                    {"MLM partners", 0.14},
                                    {"Tourism", 0.06}};
const Vocabulary kYield = {{"middle", 33}, {"high", 30}, {"low_normal", 28}, {"low_action", 8}};
const Vocabulary kCashCombination = {{"Cash", 27},
                                     {"Cash X-Sell: middle", 14},
                                     {"Cash X-Sell: low", 13},
                                     {"Cash Street: high", 6},
                                     {"Cash X-Sell: high", 6},
                                     {"Cash Street: middle", 3.5},
                                     {"Cash Street: low", 3.3}};
const Vocabulary kPosCombination = {
    {"POS household with interest", 15.8},  {"POS mobile with interest", 13.2},
    {"POS industry with interest", 5.9},    {"POS household without interest", 5},
    {"POS mobile without interest", 1.45},  {"POS other with interest", 1.4},
    {"POS industry without interest", 0.8}, {"POS others without interest", 0.15}};
const Vocabulary kWeekday = {{"TUESDAY", 15.3}, {"WEDNESDAY", 15.3}, {"MONDAY", 15.3},
                             {"FRIDAY", 15.1},  {"THURSDAY", 14.9},  {"SATURDAY", 14.4},
                             {"SUNDAY", 9.7}};
constexpr std::array<double, 8> kCardLimits = {45000,  67500,  90000,  135000,
                                               180000, 225000, 270000, 450000};

// Days before the application, more often recent (as in the real tables).
std::int64_t days_ago(Random& random, double span) {
  return -1 - static_cast<std::int64_t>(span * std::pow(random.uniform(), 1.8));
}

struct Loan {
  std::int64_t id;
  std::string_view status;
  std::string_view type;
  double credit, annuity;
  int term;  // instalments
  std::int64_t decision_day, first_due;
};

// How much of the usual history a client has: less for the new-to-credit clients of kDrift.
double history_share(const Applicant& a) {
  return a.drifted ? kDrift.history_factor : 1.0;
}

void write_bureau(const Applicant& a, std::uint64_t index, Random& random, HistoryWriters& w,
                  HistoryBuffers& out, HistorySummary& summary) {
  if (!random.chance(0.86)) return;
  const int credits = std::min(kMaxLoans, 1 + random.poisson(4.6 * history_share(a)));
  for (int k = 0; k < credits; ++k) {
    const std::int64_t id = 5'000'000 + static_cast<std::int64_t>(index) * kMaxLoans + k;
    const bool active = random.chance(std::clamp(0.37 + 0.06 * a.risk, 0.1, 0.8));
    const std::int64_t opened = days_ago(random, 2922);
    const double duration = random.lognormal(700, 0.7);
    double end_planned = static_cast<double>(opened) + duration;
    if (!active) {
      end_planned = std::max(static_cast<double>(opened) + 1,
                             std::min(end_planned, -1.0 - random.integer(0, 300)));
    }
    const std::string_view type = kCreditType.draw(random);
    const double amount =
        std::round(random.lognormal(125000 * std::exp(0.2 * a.income / 150000 - 0.2), 1.0));
    RowWriter& row = w.bureau;
    row.integer("SK_ID_CURR", a.id);
    row.integer("SK_ID_BUREAU", id);
    row.text("CREDIT_ACTIVE", active                 ? "Active"
                              : random.chance(0.99)  ? "Closed"
                              : random.chance(0.999) ? "Sold"
                                                     : "Bad debt");
    row.text("CREDIT_CURRENCY", kCurrency.draw(random));
    row.integer("DAYS_CREDIT", opened);
    const bool overdue = active && random.chance(logistic(-6.3 + 1.3 * a.risk));
    const double days_overdue = overdue ? std::ceil(random.lognormal(25, 1.2)) : 0;
    row.integer("CREDIT_DAY_OVERDUE", static_cast<std::int64_t>(days_overdue));
    if (!random.chance(0.06)) row.number("DAYS_CREDIT_ENDDATE", std::round(end_planned));
    if (!active)
      row.number("DAYS_ENDDATE_FACT", std::round(std::clamp(end_planned + random.normal(0, 60),
                                                            static_cast<double>(opened), -1.0)));
    if (!random.chance(0.65)) {
      row.number("AMT_CREDIT_MAX_OVERDUE", random.chance(logistic(-2.5 + 0.9 * a.risk))
                                               ? std::round(random.lognormal(4000, 1.3) * 100) / 100
                                               : 0.0);
    }
    row.integer("CNT_CREDIT_PROLONG", random.chance(0.005) ? random.integer(1, 3) : 0);
    row.number("AMT_CREDIT_SUM", amount);
    if (!random.chance(0.15))
      row.number("AMT_CREDIT_SUM_DEBT",
                 active ? std::round(amount * random.uniform(0.05, 0.95)) : 0.0);
    if (!random.chance(0.34))
      row.number("AMT_CREDIT_SUM_LIMIT",
                 type == "Credit card" ? std::round(amount * random.uniform(0, 0.6)) : 0.0);
    const double amount_overdue = overdue ? std::round(amount * random.uniform(0.01, 0.2)) : 0.0;
    row.number("AMT_CREDIT_SUM_OVERDUE", amount_overdue);
    row.text("CREDIT_TYPE", type);
    row.integer("DAYS_CREDIT_UPDATE", active ? -random.integer(0, 60)
                                             : static_cast<std::int64_t>(std::min(
                                                   -1.0, end_planned + random.uniform(0, 60))));
    if (!random.chance(0.71))
      row.number("AMT_ANNUITY", std::round(amount / std::max(1.0, duration / 30)));
    row.write_to(out.bureau);
    ++out.bureau_rows;
    summary.active_bureau_credits += active ? 1 : 0;
    summary.max_bureau_days_overdue = std::max(summary.max_bureau_days_overdue, days_overdue);
    summary.bureau_amount_overdue += amount_overdue;

    if (!random.chance(0.475)) continue;
    const std::int64_t months = std::min<std::int64_t>(96, -opened / 30 + 1);
    const std::int64_t closed_month = active ? 1 : static_cast<std::int64_t>(end_planned / 30);
    const double late = logistic(-4.2 + 1.2 * a.risk);
    for (std::int64_t m = 0; m < months; ++m) {
      RowWriter& month = w.bureau_balance;
      month.integer("SK_ID_BUREAU", id);
      month.integer("MONTHS_BALANCE", -m);
      const char* status = -m > closed_month     ? "C"
                           : random.chance(0.22) ? "X"
                           : random.chance(late) ? (random.chance(0.8)   ? "1"
                                                    : random.chance(0.5) ? "2"
                                                    : random.chance(0.5) ? "3"
                                                    : random.chance(0.5) ? "4"
                                                                         : "5")
                                                 : "0";
      month.text("STATUS", status);
      month.write_to(out.bureau_balance);
      ++out.bureau_balance_rows;
    }
  }
}

void write_pos_months(const Applicant& a, const Loan& loan, Random& random, HistoryWriters& w,
                      HistoryBuffers& out, HistorySummary& summary) {
  const std::int64_t first_month = loan.decision_day / 30;
  const double late = logistic(-4.5 + 1.1 * a.risk);
  for (std::int64_t m = first_month; m <= 0 && m <= first_month + loan.term; ++m) {
    const std::int64_t paid = m - first_month;
    const double dpd = random.chance(late) ? std::ceil(random.lognormal(10, 1.0)) : 0.0;
    RowWriter& row = w.pos_cash;
    row.integer("SK_ID_PREV", loan.id);
    row.integer("SK_ID_CURR", a.id);
    row.integer("MONTHS_BALANCE", m - 1);
    row.number("CNT_INSTALMENT", loan.term);
    row.number("CNT_INSTALMENT_FUTURE", std::max<std::int64_t>(0, loan.term - paid));
    row.text("NAME_CONTRACT_STATUS", paid >= loan.term                 ? "Completed"
                                     : paid == 0 && random.chance(0.1) ? "Signed"
                                                                       : "Active");
    row.integer("SK_DPD", static_cast<std::int64_t>(dpd));
    row.integer("SK_DPD_DEF", random.chance(0.3) ? static_cast<std::int64_t>(dpd) : 0);
    row.write_to(out.pos_cash);
    ++out.pos_cash_rows;
    summary.max_pos_days_past_due = std::max(summary.max_pos_days_past_due, dpd);
  }
}

void write_installments(const Applicant& a, const Loan& loan, int version, Random& random,
                        HistoryWriters& w, HistoryBuffers& out, HistorySummary& summary) {
  const double late = logistic(-3.3 + 1.1 * a.risk);
  const double short_pay = logistic(-4.0 + 0.9 * a.risk);
  for (int k = 1; k <= loan.term; ++k) {
    const std::int64_t due = loan.first_due + 30 * (k - 1);
    if (due >= 0) break;
    const double delay = random.chance(late) ? std::ceil(random.lognormal(7, 1.1))
                                             : -static_cast<double>(random.integer(0, 15));
    const double paid = random.chance(short_pay)
                            ? std::round(loan.annuity * random.uniform(0.1, 0.9) * 100) / 100
                            : loan.annuity;
    const bool split = random.chance(0.04);
    for (int part = 0; part < (split ? 2 : 1); ++part) {
      RowWriter& row = w.installments;
      row.integer("SK_ID_PREV", loan.id);
      row.integer("SK_ID_CURR", a.id);
      row.number("NUM_INSTALMENT_VERSION", version);
      row.integer("NUM_INSTALMENT_NUMBER", k);
      row.number("DAYS_INSTALMENT", static_cast<double>(due));
      const double entry = std::min(-1.0, static_cast<double>(due) + delay + part);
      if (!random.chance(0.0002)) row.number("DAYS_ENTRY_PAYMENT", entry);
      row.number("AMT_INSTALMENT", loan.annuity, 3);
      row.number("AMT_PAYMENT", split ? paid / 2 : paid, 3);
      row.write_to(out.installments);
      ++out.installments_rows;
    }
    ++summary.installments;
    summary.late_installments += delay > 0 ? 1 : 0;
    summary.short_installments += paid < loan.annuity ? 1 : 0;
    summary.days_past_due_sum += std::max(0.0, delay);
  }
}

void write_card_months(const Applicant& a, const Loan& loan, Random& random, HistoryWriters& w,
                       HistoryBuffers& out, HistorySummary& summary) {
  const double limit = kCardLimits[random.pick(std::array<double, 8>{10, 8, 12, 15, 12, 10, 8, 3})];
  const double usage = logistic(-0.9 + 1.0 * a.risk + 0.6 * random.normal());
  const double late = logistic(-4.5 + 1.1 * a.risk);
  const std::int64_t first_month = std::max<std::int64_t>(-96, loan.decision_day / 30);
  for (std::int64_t m = first_month; m <= -1; ++m) {
    const double utilisation = std::clamp(usage * random.lognormal(1, 0.25), 0.0, 1.1);
    const double balance = std::round(limit * utilisation * 100) / 100;
    const bool drew = random.chance(0.6);
    const double drawings = drew ? std::round(limit * random.uniform(0, 0.2)) : 0.0;
    const double payment = std::round(balance * random.uniform(0.03, 0.12) * 100) / 100;
    const double dpd = random.chance(late) ? std::ceil(random.lognormal(8, 1.0)) : 0.0;
    RowWriter& row = w.credit_card;
    row.integer("SK_ID_PREV", loan.id);
    row.integer("SK_ID_CURR", a.id);
    row.integer("MONTHS_BALANCE", m);
    row.number("AMT_BALANCE", balance);
    row.integer("AMT_CREDIT_LIMIT_ACTUAL", static_cast<std::int64_t>(limit));
    const bool reported = !random.chance(0.19);
    if (reported) {
      row.number("AMT_DRAWINGS_ATM_CURRENT", drew && random.chance(0.4) ? drawings : 0.0);
      row.number("AMT_DRAWINGS_OTHER_CURRENT", 0.0);
      row.number("AMT_DRAWINGS_POS_CURRENT", drew ? drawings : 0.0);
      row.number("CNT_DRAWINGS_ATM_CURRENT", drew && random.chance(0.4) ? 1.0 : 0.0);
      row.number("CNT_DRAWINGS_OTHER_CURRENT", 0.0);
      row.number("CNT_DRAWINGS_POS_CURRENT",
                 drew ? static_cast<double>(random.integer(1, 8)) : 0.0);
    }
    row.number("AMT_DRAWINGS_CURRENT", drawings);
    if (!random.chance(0.08))
      row.number("AMT_INST_MIN_REGULARITY", std::round(balance * 0.05 * 100) / 100);
    if (!random.chance(0.2)) row.number("AMT_PAYMENT_CURRENT", payment);
    row.number("AMT_PAYMENT_TOTAL_CURRENT", payment);
    row.number("AMT_RECEIVABLE_PRINCIPAL", std::round(balance * 0.95 * 100) / 100);
    row.number("AMT_RECIVABLE", balance);
    row.number("AMT_TOTAL_RECEIVABLE", balance);
    row.integer("CNT_DRAWINGS_CURRENT", drew ? random.integer(1, 8) : 0);
    if (!random.chance(0.08))
      row.number("CNT_INSTALMENT_MATURE_CUM", static_cast<double>(m - first_month));
    row.text("NAME_CONTRACT_STATUS", random.chance(0.96)  ? "Active"
                                     : random.chance(0.9) ? "Completed"
                                                          : "Signed");
    row.integer("SK_DPD", static_cast<std::int64_t>(dpd));
    row.integer("SK_DPD_DEF", random.chance(0.3) ? static_cast<std::int64_t>(dpd) : 0);
    row.write_to(out.credit_card);
    ++out.credit_card_rows;
    ++summary.card_months;
    summary.card_utilisation_sum += std::min(utilisation, 1.0);
  }
}

void write_previous(const Applicant& a, std::uint64_t index, Random& random, HistoryWriters& w,
                    HistoryBuffers& out, HistorySummary& summary) {
  if (!random.chance(0.95)) return;
  const int applications = std::min(kMaxLoans, 1 + random.poisson(3.9 * history_share(a)));
  for (int k = 0; k < applications; ++k) {
    Loan loan;
    loan.id = 1'000'000 + static_cast<std::int64_t>(index) * kMaxLoans + k;
    const double kind = random.uniform();
    loan.type = kind < 0.448    ? "Cash loans"
                : kind < 0.885  ? "Consumer loans"
                : kind < 0.9998 ? "Revolving loans"
                                : "XNA";
    const double refused = logistic(-1.9 + 0.75 * a.risk);
    const double u = random.uniform();
    loan.status = u < refused           ? "Refused"
                  : u < refused + 0.19  ? "Canceled"
                  : u < refused + 0.206 ? "Unused offer"
                                        : "Approved";
    const bool approved = loan.status == "Approved";
    const bool cash = loan.type == "Cash loans";
    const bool revolving = loan.type == "Revolving loans";
    loan.decision_day = days_ago(random, 2922);
    static constexpr std::array<int, 6> kCashTerms = {6, 10, 12, 18, 24, 36};
    static constexpr std::array<int, 5> kPosTerms = {6, 10, 12, 12, 18};
    loan.term = revolving ? 0
                : cash    ? kCashTerms[random.integer(0, 5)]
                          : kPosTerms[random.integer(0, 4)];
    const double application = std::round(random.lognormal(cash ? 200000 : 60000, 0.9) / 4.5) * 4.5;
    loan.credit = revolving ? kCardLimits[random.integer(0, 7)]
                            : std::round(application * random.uniform(0.95, 1.15) * 10) / 10;
    const double rate = random.uniform(0.008, 0.03);
    loan.annuity =
        loan.term > 0
            ? std::round(loan.credit * rate / (1 - std::pow(1 + rate, -loan.term)) * 100) / 100
            : std::round(loan.credit * 0.05 * 100) / 100;
    loan.first_due = loan.decision_day + random.integer(10, 40);

    RowWriter& row = w.previous;
    row.integer("SK_ID_PREV", loan.id);
    row.integer("SK_ID_CURR", a.id);
    row.text("NAME_CONTRACT_TYPE", loan.type);
    const bool has_terms = approved || random.chance(0.5);
    if (has_terms) row.number("AMT_ANNUITY", loan.annuity);
    row.number("AMT_APPLICATION",
               loan.status == "Canceled" && random.chance(0.5) ? 0.0 : application);
    row.number("AMT_CREDIT", loan.status == "Canceled" && random.chance(0.5) ? 0.0 : loan.credit);
    const bool down_payment = !cash && !revolving && random.chance(0.9);
    const double down =
        down_payment
            ? (random.chance(0.6) ? 0.0 : std::round(application * random.uniform(0.05, 0.3)))
            : 0.0;
    if (down_payment) {
      row.number("AMT_DOWN_PAYMENT", down);
      row.number("RATE_DOWN_PAYMENT", down / application);
    }
    if (has_terms) row.number("AMT_GOODS_PRICE", application);
    row.text("WEEKDAY_APPR_PROCESS_START", kWeekday.draw(random));
    row.integer("HOUR_APPR_PROCESS_START",
                std::clamp<std::int64_t>(std::llround(random.normal(12.5, 3.3)), 0, 23));
    row.text("FLAG_LAST_APPL_PER_CONTRACT", random.chance(0.995) ? "Y" : "N");
    row.integer("NFLAG_LAST_APPL_IN_DAY", random.chance(0.996) ? 1 : 0);
    if (random.chance(0.0036)) {
      row.number("RATE_INTEREST_PRIMARY", random.uniform(0.03, 1.0), 6);
      row.number("RATE_INTEREST_PRIVILEGED", random.uniform(0.37, 1.0), 6);
    }
    row.text("NAME_CASH_LOAN_PURPOSE",
             cash ? (random.chance(0.9) ? "XNA" : kPurpose.draw(random)) : "XAP");
    row.text("NAME_CONTRACT_STATUS", loan.status);
    row.integer("DAYS_DECISION", loan.decision_day);
    row.text("NAME_PAYMENT_TYPE",
             approved || random.chance(0.3)
                 ? (random.chance(0.99) ? "Cash through the bank" : "Non-cash from your account")
                 : "XNA");
    row.text("CODE_REJECT_REASON", loan.status == "Refused" ? kRejectReason.draw(random) : "XAP");
    if (random.chance(0.51)) row.text("NAME_TYPE_SUITE", kPreviousSuite.draw(random));
    row.text("NAME_CLIENT_TYPE", kClientType.draw(random));
    row.text("NAME_GOODS_CATEGORY", cash || revolving ? "XNA" : kGoods.draw(random));
    row.text("NAME_PORTFOLIO", loan.status == "Canceled" ? "XNA"
                               : cash                    ? "Cash"
                               : revolving               ? "Cards"
                               : random.chance(0.999)    ? "POS"
                                                         : "Cars");
    row.text("NAME_PRODUCT_TYPE", cash ? (random.chance(0.75) ? "x-sell" : "walk-in") : "XNA");
    row.text("CHANNEL_TYPE", kChannel.draw(random));
    row.integer("SELLERPLACE_AREA", cash || revolving ? -1 : random.integer(0, 4000));
    row.text("NAME_SELLER_INDUSTRY", cash || revolving ? "XNA" : kSellerIndustry.draw(random));
    if (has_terms) row.number("CNT_PAYMENT", loan.term);
    row.text("NAME_YIELD_GROUP", revolving || !has_terms ? "XNA" : kYield.draw(random));
    if (!random.chance(0.0002)) {
      row.text("PRODUCT_COMBINATION", cash ? kCashCombination.draw(random)
                                      : revolving
                                          ? (random.chance(0.6) ? "Card Street" : "Card X-Sell")
                                          : kPosCombination.draw(random));
    }
    if (approved) {
      const double last_due_planned =
          static_cast<double>(loan.first_due + 30 * std::max(0, loan.term - 1));
      const bool finished = loan.term > 0 && last_due_planned < 0;
      row.number("DAYS_FIRST_DRAWING", random.chance(0.96)
                                           ? kPlaceholderDays
                                           : static_cast<double>(loan.decision_day + 3));
      row.number("DAYS_FIRST_DUE", revolving && random.chance(0.5)
                                       ? kPlaceholderDays
                                       : static_cast<double>(loan.first_due));
      row.number("DAYS_LAST_DUE_1ST_VERSION", revolving ? kPlaceholderDays : last_due_planned);
      row.number("DAYS_LAST_DUE", finished ? last_due_planned : kPlaceholderDays);
      row.number("DAYS_TERMINATION",
                 finished ? last_due_planned + static_cast<double>(random.integer(0, 10))
                          : kPlaceholderDays);
      row.number("NFLAG_INSURED_ON_APPROVAL", random.chance(0.33) ? 1.0 : 0.0);
    }
    row.write_to(out.previous);
    ++out.previous_rows;
    summary.refused_applications += loan.status == "Refused" ? 1 : 0;
    if (!approved) continue;
    if (revolving) {
      write_card_months(a, loan, random, w, out, summary);
      Loan card_instalments = loan;
      card_instalments.term =
          static_cast<int>(std::min<std::int64_t>(96, -loan.first_due / 30 + 1));
      write_installments(a, card_instalments, 0, random, w, out, summary);
    } else if (loan.term > 0) {
      write_pos_months(a, loan, random, w, out, summary);
      write_installments(a, loan, random.chance(0.9) ? 1 : 2, random, w, out, summary);
    }
  }
}

}  // namespace

HistoryWriters::HistoryWriters()
    : bureau(schema_of(TableId::Bureau)),
      bureau_balance(schema_of(TableId::BureauBalance)),
      previous(schema_of(TableId::PreviousApplication)),
      pos_cash(schema_of(TableId::PosCashBalance)),
      installments(schema_of(TableId::InstallmentsPayments)),
      credit_card(schema_of(TableId::CreditCardBalance)) {}

HistorySummary write_history(const Applicant& applicant, std::uint64_t client_index, Random& random,
                             HistoryWriters& writers, HistoryBuffers& out) {
  HistorySummary summary;
  write_bureau(applicant, client_index, random, writers, out, summary);
  write_previous(applicant, client_index, random, writers, out, summary);
  return summary;
}

}  // namespace creditscore::synth
