// `creditscore model-card`: a run's instructions for use (app/model_card.h), as a PDF or as
// Markdown.
#include <iostream>

#include "app/client_letter.h"
#include "app/document_markdown.h"
#include "app/document_pdf.h"
#include "app/model_card.h"
#include "cli/commands.h"
#include "cli/database_option.h"
#include "store/run_registry.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {
namespace {

struct ModelCardOptions {
  std::string run;  // empty: the served run
  std::filesystem::path models = "models";
  std::filesystem::path database;
  std::string lang = "fr";
  std::filesystem::path out;
  bool markdown = false;
};

void run_model_card(const ModelCardOptions& options) {
  const explain::Language language = app::parse_language(options.lang);
  const std::filesystem::path location = store::registry_location(options.models, options.database);
  store::RunRegistry registry(location);
  const std::optional<store::RunRecord> served = registry.served();
  const std::optional<store::RunRecord> record =
      options.run.empty() ? served : registry.find(options.run);
  if (!record) {
    throw not_found(options.run.empty()
                        ? "no run is served in " + store::display_name(location) +
                              ": name one (see `creditscore runs`)"
                        : "no run " + options.run + " in " + store::display_name(location) +
                              " (see `creditscore runs`)");
  }
  const model::ModelBundle bundle =
      model::read_bundle(registry.bundle_directory(*record, options.models));
  const app::Document card = app::model_card(bundle, served && served->id == record->id, language);
  write_file_atomically(options.out,
                        options.markdown ? app::document_markdown(card) : app::document_pdf(card));
  std::cout << "Model card of " << bundle.run_id << " (" << options.lang << ", "
            << (options.markdown ? "Markdown" : "PDF") << "): " << options.out.string() << "\n";
}

}  // namespace

void register_model_card_command(CLI::App& app) {
  auto options = std::make_shared<ModelCardOptions>();
  CLI::App* command = app.add_subcommand(
      "model-card",
      "Write a model's card, its instructions for use (EU AI Act Art. 13): intended use and\n"
      "users, the data and its fingerprint, the features by family, the out-of-fold quality\n"
      "with the bootstrap interval of its AUC, the costs and the threshold, fairness by sex and\n"
      "age band, known limitations, the human oversight and the version. Examples:\n"
      "  creditscore model-card --out card.pdf            (the served model, in French)\n"
      "  creditscore model-card 20261124-185300-3f2a --lang en --markdown --out card.md");
  command->add_option("run", options->run,
                      "Run id, as listed by `creditscore runs` (default: the served one)");
  command
      ->add_option("--models", options->models, "Directory of the model bundles and the registry")
      ->capture_default_str();
  add_database_option(*command, options->database);
  command->add_option("--lang", options->lang, "Language: fr or en")->capture_default_str();
  command->add_option("--out", options->out, "File to write (written whole or not at all)")
      ->required();
  command->add_flag("--markdown", options->markdown, "Write Markdown instead of PDF");
  command->callback([options] { run_model_card(*options); });
}

}  // namespace creditscore::cli
