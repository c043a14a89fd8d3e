// The pieces of access control that need no server: reading credentials from headers, the Origin
// check and the login throttle's clock.
#include "server/authenticator.h"

#include <gtest/gtest.h>

#include "server/access_gate.h"

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

}  // namespace
}  // namespace creditscore::server
