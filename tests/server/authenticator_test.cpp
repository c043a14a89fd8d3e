// The pieces of access control that need no server: reading credentials from headers, the Origin
// check, the login throttle's clock, and who a token names as the store changes.
#include "server/authenticator.h"

#include <gtest/gtest.h>

#include <thread>

#include "server/access_gate.h"
#include "store/database.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::server {
namespace {

TEST(Credentials, TheSessionCookieAndTheBearerTokenAreReadFromTheirHeaders) {
  EXPECT_EQ(cookie_value("theme=dark; creditscore_session=abc123 ; lang=fr", kSessionCookie),
            "abc123");
  EXPECT_EQ(cookie_value("creditscore_sessionx=no; other=1", kSessionCookie), "");
  EXPECT_EQ(cookie_value("", kSessionCookie), "");
  EXPECT_EQ(bearer_token("Bearer cs_0123"), "cs_0123");
  EXPECT_EQ(bearer_token("bearer   cs_0123 "), "cs_0123");
  EXPECT_EQ(bearer_token("Basic dXNlcjpwYXNz"), "");
  EXPECT_EQ(bearer_token("Bearer"), "");
}

TEST(Credentials, AChangeIsFromThisSiteWhenItsOriginOrRefererNamesTheHost) {
  HttpRequest request;
  request.host = "bank.example:8443";
  EXPECT_FALSE(same_origin(request)) << "neither header";
  request.origin = "http://bank.example:8443";
  EXPECT_TRUE(same_origin(request));
  request.secure = true;
  EXPECT_FALSE(same_origin(request)) << "http page, https server";
  request.origin = "https://bank.example:8443";
  EXPECT_TRUE(same_origin(request));
  request.origin = "https://bank.example:8443.evil.example";
  EXPECT_FALSE(same_origin(request));
  request.origin = "";
  request.referer = "https://bank.example:8443/clients/100002";
  EXPECT_TRUE(same_origin(request));
  request.referer = "https://evil.example/bank.example:8443";
  EXPECT_FALSE(same_origin(request));
}

TEST(LoginThrottle, FiveFailuresWithinTheWindowMakeTheNameAndTheAddressWait) {
  LoginThrottle throttle(5, std::chrono::minutes(15));
  const auto start = LoginThrottle::Clock::time_point{} + std::chrono::hours(1);
  for (int i = 0; i < 4; ++i) throttle.failed("ada", "10.0.0.1", start + std::chrono::minutes(i));
  EXPECT_FALSE(throttle.wait("ada", "10.0.0.1", start + std::chrono::minutes(4)));
  throttle.failed("ada", "10.0.0.1", start + std::chrono::minutes(4));
  const auto wait = throttle.wait("ada", "10.0.0.2", start + std::chrono::minutes(5));
  ASSERT_TRUE(wait) << "the name, from another address";
  EXPECT_EQ(*wait, std::chrono::minutes(10));  // until the first failure leaves the window
  EXPECT_TRUE(throttle.wait("bob", "10.0.0.1", start + std::chrono::minutes(5)))
      << "the address, for another name";
  EXPECT_FALSE(throttle.wait("bob", "10.0.0.2", start + std::chrono::minutes(5)));
  EXPECT_FALSE(throttle.wait("ada", "10.0.0.2", start + std::chrono::minutes(15)))
      << "the first failure has left the window";
  throttle.succeeded("ada");
  EXPECT_FALSE(throttle.wait("ada", "10.0.0.3", start + std::chrono::minutes(5)));
}

class TokenChanges : public ::testing::Test {
 protected:
  std::optional<Caller> caller_of(const std::string& token) {
    HttpRequest request;
    request.authorization = "Bearer " + token;
    return authenticator_.identify(request);
  }

  const testing::TemporaryDirectory temporary_{"authenticator"};
  const std::filesystem::path store_ = temporary_.path() / "clients.sqlite";
  store::AccessStore access_{store_};
  Authenticator authenticator_{store_, {}};
};

TEST_F(TokenChanges, ATokenRevokedByAnotherProgramIsRefusedFromTheNextRequestOn) {
  const std::string token = access_.create_token("batch", store::Role::System, std::nullopt);
  ASSERT_TRUE(caller_of(token));
  EXPECT_EQ(caller_of(token)->name, "batch");
  store::AccessStore(store_).revoke_token("batch");  // as `tokens revoke` would
  EXPECT_FALSE(caller_of(token));
}

TEST_F(TokenChanges, ATokenRevokedByHandInSqlIsRefusedWithinASecond) {
  const std::string token = access_.create_token("batch", store::Role::System, std::nullopt);
  ASSERT_TRUE(caller_of(token));
  // No signal raised: only the store's own version, read at least once a second, tells.
  store::Database(store_).execute("UPDATE tokens SET revoked = 1 WHERE name = 'batch'");
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (caller_of(token) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  EXPECT_FALSE(caller_of(token));
}

}  // namespace
}  // namespace creditscore::server
