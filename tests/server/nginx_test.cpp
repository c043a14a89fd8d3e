// deploy/nginx.conf as shipped, with only its addresses, ports and certificate changed, in front of
// two replicas on one PostgreSQL database: Debian's nginx ends TLS. Behind it
// a login gets a Secure cookie and its state-changing requests pass the same-origin check (the
// server believes X-Forwarded-Proto from the proxy it trusts), the audit trail records the caller's
// address rather than the proxy's, an application posted through it is seen by both replicas, and
// the first replica killed (SIGKILL) costs no request.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <sstream>
#include <thread>

#include "store/store_migration.h"
#include "tests/server/running_server.h"
#include "tests/support/bad_applications.h"
#include "tests/support/child_process.h"
#include "tests/support/run_command.h"
#include "tests/support/test_database.h"

namespace creditscore::server {
namespace {

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

// nginx's address towards the replicas: another loopback address than the test's own, so that the
// replicas can tell the proxy from the caller.
constexpr const char* kProxyAddress = "127.0.0.2";

int free_port() {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &size);
  ::close(socket);
  return ntohs(address.sin_port);
}

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  const std::size_t at = text.find(from);
  EXPECT_NE(at, std::string::npos) << "deploy/nginx.conf has no \"" << from << "\"";
  return at == std::string::npos ? text : text.replace(at, from.size(), to);
}

std::string file_text(const std::filesystem::path& file) {
  std::ifstream in(file);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Nginx, TheShippedConfigurationServesOverTlsAndSurvivesTheFirstReplicasDeath) {
  ASSERT_EQ(testing::run_command("nginx -v").status, 0)
      << "nginx is needed (scripts/install-deps.sh installs it)";
  const testing::TemporaryDirectory work{"nginx"};
  const auto certificate = work.path() / "certificate.pem";
  const auto key = work.path() / "key.pem";
  ASSERT_EQ(testing::run_command("openssl req -x509 -newkey rsa:2048 -nodes -days 1 -subj "
                                 "/CN=127.0.0.1 -addext subjectAltName=IP:127.0.0.1 -keyout " +
                                 key.string() + " -out " + certificate.string())
                .status,
            0);

  // Two replicas, `creditscore serve` processes on one PostgreSQL database and one model
  // directory, trusting the proxy's address; the served data copied there, with a token per role.
  RunningServer data(work.path());
  data.stop();
  const testing::ThrowawayDatabase database;
  store::migrate_store(
      {data.settings.store, store::registry_file(data.settings.models), database.url()});
  store::AccessStore(database.url()).add_user("ada", store::Role::Advisor, "a long passphrase");
  const std::string serve = "serve --port 0 --database " + database.url() + " --models " +
                            data.settings.models.string() + " --trusted-proxy " + kProxyAddress;
  testing::ChildProcess first(serve, work.path() / "first.log");
  testing::ChildProcess second(serve, work.path() / "second.log");
  const int first_port = testing::wait_for_serving_port(first, work.path() / "first.log");
  const int second_port = testing::wait_for_serving_port(second, work.path() / "second.log");
  ASSERT_GT(first_port, 0) << file_text(work.path() / "first.log");
  ASSERT_GT(second_port, 0) << file_text(work.path() / "second.log");

  const int tls_port = free_port(), plain_port = free_port();
  std::string site = file_text(std::filesystem::path(CREDITSCORE_SOURCE_DIR) / "deploy/nginx.conf");
  site = replaced(site, "127.0.0.1:8081", "127.0.0.1:" + std::to_string(first_port));
  site = replaced(site, "127.0.0.1:8082", "127.0.0.1:" + std::to_string(second_port));
  site = replaced(site, "listen 80;", "listen 127.0.0.1:" + std::to_string(plain_port) + ";");
  site = replaced(site, "listen 443 ssl", "listen 127.0.0.1:" + std::to_string(tls_port) + " ssl");
  site = replaced(site, "/etc/ssl/creditscore/fullchain.pem", certificate.string());
  site = replaced(site, "/etc/ssl/creditscore/privkey.pem", key.string());
  site = replaced(
      site, "proxy_pass http://creditscore;",
      "proxy_pass http://creditscore;\n        proxy_bind " + std::string(kProxyAddress) + ";");
  std::ofstream(work.path() / "site.conf") << site;
  const std::string dir = work.path().string();
  std::ofstream(work.path() / "nginx.conf")
      << (::geteuid() == 0 ? "user root;\n" : "") << "pid " << dir << "/nginx.pid;\nerror_log "
      << dir << "/error.log;\nevents {}\nhttp {\n  access_log off;\n  client_body_temp_path " << dir
      << "/body;\n  proxy_temp_path " << dir << "/proxy;\n  fastcgi_temp_path " << dir
      << "/fastcgi;\n  uwsgi_temp_path " << dir << "/uwsgi;\n  scgi_temp_path " << dir
      << "/scgi;\n  include " << dir << "/site.conf;\n}\n";
  const std::string nginx_options = "-p " + dir + " -c " + dir + "/nginx.conf";
  testing::ChildProcess nginx({"nginx"}, nginx_options + " -g 'daemon off;'",
                              work.path() / "nginx.log");
  // Stopped by its own signal at the end, whatever happens, and waited for: its workers go too.
  struct Stop {
    std::string options;
    testing::ChildProcess& process;
    ~Stop() {
      testing::run_command("nginx " + options + " -s stop");
      process.wait();
    }
  } const stop{nginx_options, nginx};

  httplib::SSLClient client("127.0.0.1", tls_port);
  client.set_ca_cert_path(certificate.c_str());
  client.enable_server_certificate_verification(true);
  ASSERT_TRUE(nginx.wait_for(
      [&] {
        const auto health = client.Get("/healthz");
        return health && health->status == 200;
      },
      std::chrono::seconds(20)))
      << file_text(work.path() / "nginx.log") << file_text(work.path() / "error.log");

  // A login through the proxy: the cookie is Secure, and a change made with it is this site's.
  const std::string origin = "https://127.0.0.1:" + std::to_string(tls_port);
  const auto login =
      client.Post("/api/v1/session", {{"Origin", origin}, {"X-Forwarded-For", "203.0.113.9"}},
                  R"({"user": "ada", "password": "a long passphrase"})", "application/json");
  ASSERT_TRUE(login);
  ASSERT_EQ(login->status, 200) << login->body;
  const std::string cookie = login->get_header_value("Set-Cookie");
  EXPECT_NE(cookie.find("; Secure"), std::string::npos) << cookie;
  const std::string session = cookie.substr(0, cookie.find(';'));
  const auto logout = client.Delete("/api/v1/session", {{"Cookie", session}, {"Origin", origin}});
  ASSERT_TRUE(logout);
  EXPECT_EQ(logout->status, 200) << logout->body;

  // The trail names the caller's address, neither the proxy's nor the one the caller made up.
  const auto trail = client.Get("/api/v1/audit?user=ada", data.as(store::Role::Admin));
  ASSERT_TRUE(trail);
  const nlohmann::json page = RunningServer::checked(trail, 200, "get", "/api/v1/audit");
  ASSERT_GE(page["records"].size(), 1u) << page;
  for (const nlohmann::json& record : page["records"]) EXPECT_EQ(record["address"], "127.0.0.1");

  // Plain HTTP is sent to HTTPS.
  httplib::Client plain("127.0.0.1", plain_port);
  const auto moved = plain.Get("/healthz");
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->status, 301);

  // Both replicas answer, each showing an application posted through the other.
  const auto posted = client.Post(
      "/api/v1/applications", data.as(store::Role::Advisor),
      nlohmann::json{{"application", testing::complete_application()}}.dump(), "application/json");
  ASSERT_TRUE(posted);
  ASSERT_EQ(posted->status, 201) << posted->body;
  const std::string explanation =
      "/api/v1/clients/" + nlohmann::json::parse(posted->body)["id"].dump() + "/explanation";
  for (int port : {first_port, second_port}) {
    httplib::Client replica("127.0.0.1", port);
    int status = 0;  // the other replica hears of it within moments
    for (int wait = 0; wait < 40 && status != 200; ++wait) {
      if (wait > 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
      const auto page = replica.Get(explanation, data.as(store::Role::Advisor));
      status = page ? page->status : 0;
    }
    EXPECT_EQ(status, 200) << "replica on port " << port;
  }

  // The first replica is killed: every request still gets its answer, from the second.
  first.kill();
  int answered = 0;
  for (int i = 0; i < 20; ++i) {
    const auto page = client.Get("/api/v1/clients?limit=1", data.as(store::Role::Advisor));
    answered += page && page->status == 200;
  }
  EXPECT_EQ(answered, 20) << file_text(work.path() / "error.log");
}

}  // namespace
}  // namespace creditscore::server
