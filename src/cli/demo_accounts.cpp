#include "cli/demo_accounts.h"

#include "cli/store_administration.h"
#include "store/access_store.h"
#include "store/password_hash.h"
#include "tables/atomic_file.h"

namespace creditscore::cli {

std::vector<DemoAccount> make_demo_accounts(const std::filesystem::path& store,
                                            const std::filesystem::path& credentials) {
  std::vector<DemoAccount> accounts;
  store::AccessStore access(store);
  for (const store::Role role : {store::Role::Advisor, store::Role::Admin}) {
    const std::string name(store::role_name(role));
    DemoAccount account{name, name, store::random_secret(9)};
    if (access.find_user(name)) {
      access.set_password(name, account.password);
      audit_command(store, "users password", name);
    } else {
      access.add_user(name, role, account.password);
      audit_command(store, "users add", name + " as " + name);
    }
    accounts.push_back(std::move(account));
  }
  AtomicFile file(credentials);
  file.make_private();
  file.write("# The demo's logins (creditscore demo); new passwords on each run.\n");
  for (const DemoAccount& account : accounts)
    file.write(account.role + " " + account.user + " " + account.password + "\n");
  file.commit();
  return accounts;
}

}  // namespace creditscore::cli
