// `creditscore recourse --client ID`: what would change the decision on a client's application,
// as the dashboard and the API tell it (app/recourse.h).
#include <iostream>

#include "app/client_letter.h"
#include "app/recourse.h"
#include "cli/commands.h"
#include "cli/number_format.h"
#include "cli/store_administration.h"
#include "cli/store_service.h"
#include "cli/text_table.h"

namespace creditscore::cli {
namespace {

struct RecourseOptions {
  StoreServiceOptions opened;
  std::int64_t client = 0;
  std::string language = "fr";
};

void add_loan_row(TextTable& table, const std::string& name, const app::Loan& loan,
                  double probability, double change) {
  table.add_row({name, format_fixed(loan.amount, 0), format_fixed(loan.term(), 1),
                 format_fixed(loan.annuity, 0), format_fixed(100 * probability, 1),
                 format_fixed(100 * change, 1)});
}

void run_recourse(const RecourseOptions& options) {
  const explain::Language language = app::parse_language(options.language);
  const auto service = open_store_service(options.opened);
  const app::Recourse recourse = app::client_recourse(*service, options.client);
  audit_command(options.opened.store, "recourse", "", options.client);

  TextTable table({"loan", "amount", "term (months)", "annuity", "risk (%)", "change (%)"});
  add_loan_row(table, "current", recourse.current, recourse.probability, 0);
  for (const app::RecourseOption& option : recourse.options)
    add_loan_row(table, app::change_kind_name(option.kind), option.loan, option.probability,
                 option.change);
  for (const auto* extra : {&recourse.lowest, &recourse.largest_granted}) {
    if (*extra) {
      add_loan_row(table, extra == &recourse.lowest ? "lowest risk" : "largest granted",
                   (*extra)->loan, (*extra)->probability, (*extra)->change);
    }
  }
  std::cout << "Client " << options.client << ": " << (recourse.refused() ? "refused" : "granted")
            << " (risk " << format_fixed(100 * recourse.probability, 1) << " %, threshold "
            << format_fixed(100 * recourse.threshold, 1) << " %). Searched amounts "
            << format_fixed(recourse.range.min_amount, 0) << " to "
            << format_fixed(recourse.range.max_amount, 0) << ", terms "
            << format_fixed(recourse.range.min_term, 1) << " to "
            << format_fixed(recourse.range.max_term, 1) << " months, in "
            << format_fixed(recourse.milliseconds, 1) << " ms.\n\n"
            << app::recourse_summary(recourse, language) << "\n";
  for (const app::RecourseOption& option : recourse.options)
    std::cout << "  - " << app::option_sentence(option, recourse.current, language) << "\n";
  std::cout << "\n";
  table.print(std::cout);
}

}  // namespace

void register_recourse_command(CLI::App& app) {
  auto options = std::make_shared<RecourseOptions>();
  CLI::App* recourse = app.add_subcommand(
      "recourse",
      "What would change the decision on a client's application. Refused: the smallest changes\n"
      "of the amount, the term or the price of the purchase that the model would grant (at most\n"
      "three), each checked by rebuilding the application and scoring it. Granted: the largest\n"
      "amount still granted. Only the amount, the term and the purchase move; age, family,\n"
      "history and employment never do. Recorded in the audit trail. Example:\n"
      "  creditscore recourse --client 100001 --store clients.sqlite --lang en");
  recourse->add_option("--client", options->client, "The client's number (SK_ID_CURR)")->required();
  recourse->add_option("--lang", options->language, "Language of the sentences: fr or en")
      ->capture_default_str();
  add_store_service_options(*recourse, options->opened);
  recourse->callback([options] { run_recourse(*options); });
}

}  // namespace creditscore::cli
