// `creditscore tokens`: the API tokens of machine callers (other systems, the first version's
// /predict callers) and of scripts.
#include <chrono>
#include <ctime>
#include <iostream>
#include <optional>

#include "cli/commands.h"
#include "cli/store_administration.h"
#include "cli/text_table.h"
#include "store/access_store.h"
#include "store/database.h"

namespace creditscore::cli {
namespace {

struct TokensOptions {
  std::filesystem::path store = "clients.sqlite";
  std::string name;
  std::string role = "system";
  int expires_days = 0;
};

std::string utc_date(std::int64_t seconds) {
  const std::time_t time = seconds;
  std::tm utc{};
  gmtime_r(&time, &utc);
  char text[24];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M", &utc);
  return text;
}

}  // namespace

void register_tokens_command(CLI::App& app) {
  CLI::App* tokens = app.add_subcommand(
      "tokens",
      "API tokens for machines: sent as 'Authorization: Bearer TOKEN'. A token is shown once\n"
      "when created and kept only as its SHA-256; every change is recorded in the audit trail.");
  tokens->require_subcommand(1);
  auto options = std::make_shared<TokensOptions>();

  CLI::App* create = store_subcommand(
      *tokens, "create",
      "Create a token and print it once, as the last line of the output. Example:\n"
      "  creditscore tokens create scoring-gateway --role system --expires-days 365",
      options->store);
  create->add_option("name", options->name, "Token name (letters, digits, . _ - @)")->required();
  create->add_option("--role", options->role, "system (scoring routes) or any user role")
      ->capture_default_str();
  create->add_option("--expires-days", options->expires_days, "Days until it expires; 0: never")
      ->check(CLI::Range(0, 36500))
      ->capture_default_str();
  create->callback([options] {
    store::require_client_store(options->store);
    const store::Role role = store::parse_role(options->role);
    std::optional<std::int64_t> expires;
    if (options->expires_days > 0)
      expires = store::unix_now() + std::int64_t{options->expires_days} * 86400;
    const std::string secret =
        store::AccessStore(options->store).create_token(options->name, role, expires);
    audit_command(options->store, "tokens create",
                  options->name + " as " + options->role +
                      (expires ? ", expires " + utc_date(*expires) : ", never expires"));
    std::cout << "Token " << options->name << " (" << options->role << "), shown once:\n"
              << secret << "\n";
  });

  CLI::App* list =
      store_subcommand(*tokens, "list", "List the tokens (never their secrets).", options->store);
  list->callback([options] {
    store::require_client_store(options->store);
    TextTable table({"token", "role", "state", "expires", "created"});
    const std::int64_t now = store::unix_now();
    for (const store::Token& token : store::AccessStore(options->store).tokens()) {
      const bool expired = token.expires_at && *token.expires_at <= now;
      table.add_row({token.name, std::string(store::role_name(token.role)),
                     token.revoked ? "revoked"
                     : expired     ? "expired"
                                   : "active",
                     token.expires_at ? utc_date(*token.expires_at) : "never", token.created_at});
    }
    table.print(std::cout);
  });

  CLI::App* revoke = store_subcommand(
      *tokens, "revoke", "Revoke a token: refused at once by running servers.", options->store);
  revoke->add_option("name", options->name, "Token name")->required();
  revoke->callback([options] {
    store::require_client_store(options->store);
    store::AccessStore(options->store).revoke_token(options->name);
    audit_command(options->store, "tokens revoke", options->name);
    std::cout << "Revoked " << options->name << "\n";
  });
}

}  // namespace creditscore::cli
