// `creditscore letters`: the letters of every decision since a date, as PDF files ready to mail.
#include <iostream>

#include "app/client_letter.h"
#include "app/document_pdf.h"
#include "cli/commands.h"
#include "cli/progress_bar.h"
#include "cli/store_administration.h"
#include "cli/store_service.h"
#include "cli/text_table.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct LettersOptions {
  StoreServiceOptions opened;
  std::string since;
  std::filesystem::path out = "letters";
  std::vector<std::string> languages = {"fr"};
};

void run_letters(const LettersOptions& options) {
  std::vector<explain::Language> languages;
  for (const std::string& lang : options.languages) languages.push_back(app::parse_language(lang));
  const auto opened = open_store_service(options.opened);
  app::Service& service = *opened;
  const std::vector<store::Decision> decisions = service.with_decisions(
      [&](store::DecisionLog& log) { return log.latest_since(options.since); });
  std::filesystem::create_directories(options.out);
  ProgressBar progress("letters");
  const std::uint64_t total = decisions.size() * languages.size();
  std::size_t granted = 0, refused = 0, written = 0;
  for (const store::Decision& decision : decisions) {
    (decision.decision == model::Verdict::Granted ? granted : refused) += 1;
    for (std::size_t k = 0; k < languages.size(); ++k) {
      const std::filesystem::path file =
          options.out /
          ("letter-" + std::to_string(decision.client_id) + "-" + options.languages[k] + ".pdf");
      write_file_atomically(
          file, app::document_pdf(app::decision_letter(service, decision, languages[k])));
      progress.update("writing", ++written, total);
    }
    audit_command(options.opened.store, "letters", "decision " + std::to_string(decision.id),
                  decision.client_id);
  }
  progress.finish();
  TextTable table({"decisions since " + options.since, "count"});
  table.add_row({"granted", std::to_string(granted)});
  table.add_row({"refused", std::to_string(refused)});
  table.add_row({"letters written to " + options.out.string(), std::to_string(written)});
  table.print(std::cout);
}

}  // namespace

void register_letters_command(CLI::App& app) {
  auto options = std::make_shared<LettersOptions>();
  CLI::App* letters = app.add_subcommand(
      "letters",
      "Write the client's letter (PDF) of each decision made since a date, for mailing: the\n"
      "decision, that a person took it, its principal reasons, what could change it, the data\n"
      "used and the client's rights. A client decided twice gets the letter of the latest\n"
      "decision. Example:\n"
      "  creditscore letters --store clients.sqlite --since 2026-12-01 --out letters --lang fr en");
  add_store_service_options(*letters, options->opened);
  letters->add_option("--since", options->since, "Decisions from this date (YYYY-MM-DD) on")
      ->required();
  letters->add_option("--out", options->out, "Directory to write letter-ID-LANG.pdf into")
      ->capture_default_str();
  letters->add_option("--lang", options->languages, "Languages of the letters: fr, en or both")
      ->capture_default_str();
  letters->callback([options] { run_letters(*options); });
}

}  // namespace creditscore::cli
