// HTTPS served natively: a throwaway self-signed certificate made with openssl, a client that
// trusts only it, HSTS on every answer, the session cookie marked Secure, plain HTTP on the TLS
// port answered by nobody; a certificate and key that do not go together stop the start.
#include <gtest/gtest.h>

#include "tests/server/running_server.h"
#include "tests/support/run_command.h"

namespace creditscore::server {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

TEST(Tls, TheServerSpeaksHttpsWithHstsAndSecureCookies) {
  const testing::TemporaryDirectory work{"tls"};
  const auto certificate = work.path() / "certificate.pem";
  const auto key = work.path() / "key.pem";
  const testing::CommandResult made = testing::run_command(
      "openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=127.0.0.1 -addext "
      "subjectAltName=IP:127.0.0.1 -keyout " +
      key.string() + " -out " + certificate.string());
  ASSERT_EQ(made.status, 0) << made.output;

  RunningServer server(work.path());
  server.stop();
  store::AccessStore(server.settings.store)
      .add_user("ada", store::Role::Advisor, "a long passphrase");
  server.settings.tls_cert = certificate;
  server.settings.tls_key = key;
  server.start();

  httplib::SSLClient client("127.0.0.1", server.port);
  client.set_ca_cert_path(certificate.c_str());
  client.enable_server_certificate_verification(true);
  const auto health = client.Get("/healthz");
  ASSERT_TRUE(health) << httplib::to_string(health.error());
  EXPECT_EQ(health->status, 200);
  EXPECT_EQ(health->get_header_value("Strict-Transport-Security"), "max-age=31536000");
  const auto clients = client.Get("/api/v1/clients?limit=1", server.as(store::Role::Advisor));
  ASSERT_TRUE(clients);
  EXPECT_EQ(clients->status, 200);
  const auto login = client.Post(
      "/api/v1/session", R"({"user": "ada", "password": "a long passphrase"})", "application/json");
  ASSERT_TRUE(login);
  EXPECT_EQ(login->status, 200) << login->body;
  EXPECT_NE(login->get_header_value("Set-Cookie").find("; Secure"), std::string::npos)
      << login->get_header_value("Set-Cookie");

  httplib::Client plain("127.0.0.1", server.port);
  plain.set_read_timeout(2, 0);
  const auto unencrypted = plain.Get("/healthz");
  EXPECT_TRUE(!unencrypted || unencrypted->status != 200) << "plain HTTP on the TLS port";
  server.stop();

  ServerSettings mismatched = server.settings;
  mismatched.tls_key = certificate;  // a certificate is no key
  ApiServer refused(mismatched);
  try {
    refused.bind();
    ADD_FAILURE() << "started with a certificate as its key";
  } catch (const std::exception& error) {
    EXPECT_NE(std::string(error.what()).find("--tls-key " + certificate.string()),
              std::string::npos)
        << error.what();
  }
}

}  // namespace
}  // namespace creditscore::server
