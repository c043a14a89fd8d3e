// `creditscore openapi`: the API's contract, the document the server answers at /openapi.json,
// written without starting a server. The dashboard's TypeScript types are generated from the
// copy kept in docs/openapi.json (a test keeps it equal to this).
#include <iostream>

#include "cli/commands.h"
#include "server/openapi.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {

void register_openapi_command(CLI::App& app) {
  auto out = std::make_shared<std::filesystem::path>();
  CLI::App* command = app.add_subcommand(
      "openapi",
      "Print the API's OpenAPI 3.0 document (every route, body and answer with its schema), or\n"
      "write it to a file. Example, after a change of the API:\n"
      "  creditscore openapi --out docs/openapi.json");
  command->add_option("--out", *out, "File to write (default: standard output)");
  command->callback([out] {
    const std::string document = server::openapi_document().dump(2) + "\n";
    if (out->empty()) {
      std::cout << document;
      return;
    }
    AtomicFile file(*out);
    file.write(document);
    file.commit();
  });
}

}  // namespace creditscore::cli
