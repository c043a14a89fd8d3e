#include "store/access_store.h"

#include <gtest/gtest.h>

#include "store/database.h"
#include "store/password_hash.h"
#include "tests/support/error_kind.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::store {
namespace {

class AccessStoreTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  const testing::TemporaryDirectory temporary_{"access"};
  const testing::TestDatabase database_{GetParam(), temporary_.path() / "clients.sqlite"};
  const std::filesystem::path& file_ = database_.location();
};

TEST(PasswordHash, IsArgon2idAtOwaspCostsSaltedAndChecked) {
  const std::string hash = hash_password("correct horse battery");
  EXPECT_EQ(hash.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << hash;
  EXPECT_EQ(hash.find("correct"), std::string::npos);
  EXPECT_NE(hash_password("correct horse battery"), hash);  // a fresh salt each time
  EXPECT_TRUE(password_matches(hash, "correct horse battery"));
  EXPECT_FALSE(password_matches(hash, "correct horse batterY"));
  EXPECT_FALSE(password_matches("not a hash", "correct horse battery"));
  EXPECT_EQ(random_secret(32).size(), 64u);
  EXPECT_NE(random_secret(32), random_secret(32));
}

TEST_P(AccessStoreTest, UsersAuthenticateUntilDisabledAndKeepOnlyAHash) {
  {
    AccessStore access(file_);
    access.add_user("alice", Role::Advisor, "a long password");
    access.add_user("root", Role::Admin, "another long one");
  }
  AccessStore access(file_);  // reopened: it is all on disk
  ASSERT_TRUE(access.authenticate("alice", "a long password"));
  EXPECT_EQ(access.authenticate("alice", "a long password")->role, Role::Advisor);
  EXPECT_FALSE(access.authenticate("alice", "a long passworD"));
  EXPECT_FALSE(access.authenticate("nobody", "a long password"));
  Database db(file_);
  Statement stored = db.prepare("SELECT password_hash FROM users WHERE name = 'alice'");
  ASSERT_TRUE(stored.step());
  EXPECT_EQ(stored.text(0).find("long password"), std::string::npos);

  access.set_password("alice", "a new long password");
  EXPECT_FALSE(access.authenticate("alice", "a long password"));
  EXPECT_TRUE(access.authenticate("alice", "a new long password"));
  access.disable_user("alice");
  EXPECT_FALSE(access.authenticate("alice", "a new long password"));
  ASSERT_EQ(access.users().size(), 2u);
  EXPECT_TRUE(access.users()[0].disabled);
  EXPECT_EQ(access.users()[1].name, "root");
}

TEST_P(AccessStoreTest, RefusesBadNamesShortPasswordsDuplicatesAndUnknowns) {
  AccessStore access(file_);
  EXPECT_ERROR_KIND(access.add_user("al ice", Role::Advisor, "a long password"),
                    ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(access.add_user("", Role::Advisor, "a long password"), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(access.add_user("bob", Role::Advisor, "short"), ErrorKind::InvalidInput);
  EXPECT_ERROR_KIND(access.add_user("bot", Role::System, "a long password"),
                    ErrorKind::InvalidInput);
  access.add_user("bob", Role::Analyst, "a long password");
  EXPECT_ERROR_KIND(access.add_user("bob", Role::Advisor, "a long password"), ErrorKind::Conflict);
  EXPECT_ERROR_KIND(access.disable_user("carol"), ErrorKind::NotFound);
  EXPECT_ERROR_KIND(access.set_password("carol", "a long password"), ErrorKind::NotFound);
  EXPECT_ERROR_KIND(parse_role("root"), ErrorKind::InvalidInput);
  EXPECT_EQ(parse_role("analyst"), Role::Analyst);
}

TEST_P(AccessStoreTest, TokensAreKeptAsHashesAndStopAtExpiryOrRevocation) {
  AccessStore access(file_);
  const std::string forever = access.create_token("gateway", Role::System, std::nullopt);
  const std::string brief = access.create_token("script", Role::Analyst, 1000);
  EXPECT_EQ(forever.rfind("cs_", 0), 0u);
  EXPECT_EQ(forever.size(), 3u + 64u);
  EXPECT_ERROR_KIND(access.create_token("gateway", Role::System, std::nullopt),
                    ErrorKind::Conflict);

  auto live = access.live_tokens(999);
  ASSERT_EQ(live.size(), 2u);
  for (const auto& [hash, token] : live) {
    EXPECT_TRUE(hash == token_hash(forever) || hash == token_hash(brief)) << hash;
    EXPECT_NE(hash, forever);
  }
  EXPECT_EQ(access.live_tokens(1000).size(), 1u);  // expired at 1000
  access.revoke_token("gateway");
  EXPECT_TRUE(access.live_tokens(999).size() == 1u &&
              access.live_tokens(999)[0].second.name == "script");
  EXPECT_TRUE(access.tokens()[0].revoked);
  EXPECT_ERROR_KIND(access.revoke_token("nothing"), ErrorKind::NotFound);
}

INSTANTIATE_TEST_SUITE_P(Backends, AccessStoreTest,
                         ::testing::Values(testing::Backend::SQLite, testing::Backend::PostgreSQL),
                         testing::backend_name);

}  // namespace
}  // namespace creditscore::store
