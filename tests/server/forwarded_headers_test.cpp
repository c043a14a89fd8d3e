#include "server/forwarded_headers.h"

#include <gtest/gtest.h>

#include <vector>

namespace creditscore::server {
namespace {

const std::vector<std::string> kNginx = {"127.0.0.1"};

HttpRequest from(const std::string& peer) {
  HttpRequest request;
  request.peer = peer;
  return request;
}

TEST(ForwardedHeaders, FromTheTrustedProxyTheCallerIsTheAddressItAddedAndTlsIsItsSay) {
  HttpRequest request = from("127.0.0.1");
  // The first entry is whatever the caller sent; the proxy appended the address it saw.
  apply_forwarded_headers(request, kNginx, "203.0.113.9, 198.51.100.7", "https");
  EXPECT_EQ(request.peer, "198.51.100.7");
  EXPECT_TRUE(request.secure);

  HttpRequest plain = from("127.0.0.1");
  apply_forwarded_headers(plain, kNginx, " 198.51.100.7 ", "http");
  EXPECT_EQ(plain.peer, "198.51.100.7");
  EXPECT_FALSE(plain.secure);
}

TEST(ForwardedHeaders, FromAnyoneElseTheyAreIgnored) {
  HttpRequest request = from("198.51.100.7");
  apply_forwarded_headers(request, kNginx, "10.0.0.1", "https");
  EXPECT_EQ(request.peer, "198.51.100.7");
  EXPECT_FALSE(request.secure);

  HttpRequest untrusting = from("127.0.0.1");
  apply_forwarded_headers(untrusting, {}, "10.0.0.1", "https");
  EXPECT_EQ(untrusting.peer, "127.0.0.1") << "no proxy is trusted unless told";
  EXPECT_FALSE(untrusting.secure);
}

TEST(ForwardedHeaders, AProxyThatSendsNoneChangesNothing) {
  HttpRequest request = from("127.0.0.1");
  apply_forwarded_headers(request, kNginx, "", "");
  EXPECT_EQ(request.peer, "127.0.0.1");
  EXPECT_FALSE(request.secure);
}

}  // namespace
}  // namespace creditscore::server
