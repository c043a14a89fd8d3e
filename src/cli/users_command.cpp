// `creditscore users`: the people who may log in to the dashboard, and their roles.
#include <iostream>

#include "cli/commands.h"
#include "cli/password_input.h"
#include "cli/store_administration.h"
#include "cli/text_table.h"
#include "store/access_store.h"
#include "store/database.h"

namespace creditscore::cli {
namespace {

struct UsersOptions {
  std::filesystem::path store = "clients.sqlite";
  std::string name;
  std::string role;
  bool generate = false;
};

// The password given (typed, piped) or made; a made one is printed once.
std::string new_password(const UsersOptions& options) {
  if (!options.generate) return read_new_password(options.name);
  const std::string password = generated_password();
  std::cout << "Password for " << options.name << " (shown once):\n" << password << "\n";
  return password;
}

}  // namespace

void register_users_command(CLI::App& app) {
  CLI::App* users = app.add_subcommand(
      "users",
      "The people who may log in to the dashboard: advisors (clients, explanations, what-if),\n"
      "analysts (the model and aggregates, no client's data) and admins (users, tokens, audit).\n"
      "Passwords are kept as Argon2id hashes only; every change is recorded in the audit trail.");
  users->require_subcommand(1);
  auto options = std::make_shared<UsersOptions>();

  CLI::App* add = store_subcommand(
      *users, "add",
      "Add a user. The password (12 characters or more) is read from the first line of\n"
      "standard input when it is not a terminal, else typed twice; --generate makes one and\n"
      "prints it once. Examples:\n"
      "  creditscore users add alice --role advisor --store clients.sqlite\n"
      "  echo \"$PASSWORD\" | creditscore users add bob --role analyst",
      options->store);
  add->add_option("name", options->name, "User name (letters, digits, . _ - @)")->required();
  add->add_option("--role", options->role, "advisor, analyst or admin")->required();
  add->add_flag("--generate", options->generate, "Make a random password and print it once");
  add->callback([options] {
    store::require_client_store(options->store);
    const store::Role role = store::parse_role(options->role);
    store::check_new_user(options->name, role);
    store::AccessStore access(options->store);
    if (access.find_user(options->name))
      throw conflict("user " + options->name + " already exists");
    access.add_user(options->name, role, new_password(*options));
    audit_command(options->store, "users add", options->name + " as " + options->role);
    std::cout << "Added " << options->name << " (" << options->role << ")\n";
  });

  CLI::App* list =
      store_subcommand(*users, "list", "List the users, their roles and state.", options->store);
  list->callback([options] {
    store::require_client_store(options->store);
    TextTable table({"user", "role", "state", "created"});
    for (const store::User& user : store::AccessStore(options->store).users()) {
      table.add_row({user.name, std::string(store::role_name(user.role)),
                     user.disabled ? "disabled" : "active", user.created_at});
    }
    table.print(std::cout);
  });

  CLI::App* disable = store_subcommand(
      *users, "disable", "Disable a user: refused at once, even in a session already open.",
      options->store);
  disable->add_option("name", options->name, "User name")->required();
  disable->callback([options] {
    store::require_client_store(options->store);
    store::AccessStore(options->store).disable_user(options->name);
    audit_command(options->store, "users disable", options->name);
    std::cout << "Disabled " << options->name << "\n";
  });

  CLI::App* password =
      store_subcommand(*users, "password",
                       "Set a user's password (read as for add, or --generate).", options->store);
  password->add_option("name", options->name, "User name")->required();
  password->add_flag("--generate", options->generate, "Make a random password and print it once");
  password->callback([options] {
    store::require_client_store(options->store);
    store::AccessStore access(options->store);
    if (!access.find_user(options->name)) throw not_found("no user named " + options->name);
    access.set_password(options->name, new_password(*options));
    audit_command(options->store, "users password", options->name);
    std::cout << "Password of " << options->name << " changed\n";
  });
}

}  // namespace creditscore::cli
