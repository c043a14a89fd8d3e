// The HTTP listener on a real loopback socket: requests decoded, many kept-alive connections on
// a pool of two threads, and a stop that still sends the answers under way.
#include "server/http_listener.h"

#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

namespace creditscore::server {
namespace {

// A listener on a free port, serving on its own thread; answers with `answer`.
class Listening {
 public:
  explicit Listening(HttpListener::Answer answer, std::size_t threads = 2,
                     std::size_t max_read_bytes = 1 << 20)
      : Listening(std::move(answer),
                  HttpListener::Settings{"127.0.0.1", 0, threads, max_read_bytes}) {}
  Listening(HttpListener::Answer answer, HttpListener::Settings settings)
      : listener_(std::move(settings), std::move(answer)),
        port_(listener_.bind()),
        serving_([this] { listener_.run(); }) {}
  ~Listening() { stop(); }

  void stop() {
    listener_.stop();
    if (serving_.joinable()) serving_.join();
  }
  httplib::Client client() const {
    httplib::Client client("127.0.0.1", port_);
    client.set_url_encode(false);  // the bytes as written here
    client.set_keep_alive(true);
    return client;
  }
  int port() const { return port_; }

 private:
  HttpListener listener_;
  int port_;
  std::thread serving_;
};

HttpResponse text(std::string body) {
  return {200, "text/plain", std::move(body), {}};
}

TEST(HttpListener, DecodesThePathAndTheQueryAndSaysWhatItCannotRead) {
  std::mutex lock;
  std::vector<HttpRequest> seen;
  Listening listening([&](const HttpRequest& request) {
    const std::lock_guard hold(lock);
    seen.push_back(request);
    return text("seen");
  });
  auto client = listening.client();
  ASSERT_EQ(client.Get("/a%20b/%C3%A9t%C3%A9?x=1+2&y=%26&x=3")->status, 200);
  ASSERT_EQ(client.Post("/post", "{\"a\":1}", "application/json")->body, "seen");
  ASSERT_EQ(client.Get("/x?bad=%ZZ")->status, 200);  // the router turns `malformed` into a 400
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[0].method, "GET");
  EXPECT_EQ(seen[0].path, "/a b/été");
  using Pairs = std::vector<std::pair<std::string, std::string>>;
  EXPECT_EQ(seen[0].query, (Pairs{{"x", "1 2"}, {"y", "&"}, {"x", "3"}}));
  EXPECT_TRUE(seen[0].malformed.empty());
  EXPECT_EQ(seen[1].method, "POST");
  EXPECT_EQ(seen[1].content_type, "application/json");
  EXPECT_EQ(seen[1].body, "{\"a\":1}");
  EXPECT_NE(seen[2].malformed.find("not valid percent-encoding"), std::string::npos);
}

// A plain TCP connection, to send bytes split exactly where a test needs them.
class RawConnection {
 public:
  explicit RawConnection(int port) : socket_(::socket(AF_INET, SOCK_STREAM, 0)) {
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    const timeval patience{5, 0};
    ::setsockopt(socket_, SOL_SOCKET, SO_RCVTIMEO, &patience, sizeof patience);
    connected_ =
        ::connect(socket_, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0;
  }
  ~RawConnection() { ::close(socket_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }
  void send(const std::string& bytes) const { ASSERT_TRUE(try_send(bytes)); }
  // False when the server has closed the connection (and no SIGPIPE).
  bool try_send(const std::string& bytes) const {
    return ::send(socket_, bytes.data(), bytes.size(), MSG_NOSIGNAL) ==
           static_cast<ssize_t>(bytes.size());
  }
  // Whether the server has closed it, without waiting.
  bool closed_by_server() const {
    char byte;
    const ssize_t got = ::recv(socket_, &byte, 1, MSG_DONTWAIT);
    return got == 0 || (got < 0 && errno != EAGAIN && errno != EWOULDBLOCK);
  }
  // What arrives until `ending` is in it, the connection is closed, or 5 s pass.
  std::string read_until(const std::string& ending) const {
    std::string read;
    char chunk[4096];
    while (read.find(ending) == std::string::npos) {
      const ssize_t got = ::recv(socket_, chunk, sizeof chunk, 0);
      if (got <= 0) break;
      read.append(chunk, static_cast<std::size_t>(got));
    }
    return read;
  }

 private:
  int socket_;
  bool connected_ = false;
};

TEST(HttpListener, ARequestWhoseBodyComesLaterOnAKeptAliveConnectionIsRead) {
  Listening listening([](const HttpRequest& request) { return text("seen " + request.path); });
  const RawConnection connection(listening.port());
  ASSERT_TRUE(connection.connected());
  // The first request and the second's headers in one packet, the second's body later: the bytes
  // a browser sends when it posts on a connection it keeps.
  connection.send(
      "GET /first HTTP/1.1\r\nHost: t\r\n\r\n"
      "POST /second HTTP/1.1\r\nHost: t\r\nContent-Type: application/json\r\n"
      "Content-Length: 7\r\n\r\n");
  std::this_thread::sleep_for(std::chrono::milliseconds(100));
  connection.send("{\"a\":1}");
  const std::string answers = connection.read_until("seen /second");
  EXPECT_NE(answers.find("seen /first"), std::string::npos) << answers;
  EXPECT_NE(answers.find("seen /second"), std::string::npos) << answers;
}

TEST(HttpListener, AHundredKeptAliveConnectionsShareTwoThreads) {
  std::mutex lock;
  std::set<std::thread::id> threads;
  Listening listening([&](const HttpRequest& request) {
    const std::lock_guard hold(lock);
    threads.insert(std::this_thread::get_id());
    return HttpResponse{200, "text/plain", request.path, {{"X-Seen", "yes"}}};
  });
  std::vector<httplib::Client> clients;
  for (int c = 0; c < 100; ++c) clients.push_back(listening.client());
  for (int round = 0; round < 3; ++round) {
    for (std::size_t c = 0; c < clients.size(); ++c) {
      const auto answer = clients[c].Get("/client/" + std::to_string(c));
      ASSERT_TRUE(answer) << "connection " << c << ", round " << round;
      EXPECT_EQ(answer->body, "/client/" + std::to_string(c));
      EXPECT_EQ(answer->get_header_value("X-Seen"), "yes");
    }
  }
  EXPECT_LE(threads.size(), 2u) << "answered on the pool's threads only";
}

TEST(HttpListener, MoreWaitingThanAllowedIsRefusedAtOnceWithRetryAfter) {
  std::promise<void> release;
  const std::shared_future<void> released = release.get_future().share();
  std::atomic<bool> answering = false;
  HttpListener::Settings settings{"127.0.0.1", 0, 1, 1 << 20};
  settings.max_waiting = 1;
  Listening listening(
      [&](const HttpRequest& request) {
        answering = true;
        released.wait();
        return text("answered " + request.path);
      },
      settings);
  std::vector<std::optional<int>> statuses(2);
  std::vector<std::thread> asking;
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    asking.emplace_back([&, i] {
      if (const auto answer = listening.client().Get("/" + std::to_string(i)))
        statuses[i] = answer->status;
    });
    // The first is taken by the one worker; the second then waits for it.
    if (i == 0)
      while (!answering) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  const auto refused = listening.client().Get("/third");
  ASSERT_TRUE(refused) << "no answer while the worker is held";
  EXPECT_EQ(refused->status, 503);
  EXPECT_EQ(refused->get_header_value("Retry-After"), "1");
  release.set_value();  // only now does the worker go on
  for (std::thread& thread : asking) thread.join();
  EXPECT_EQ(statuses[0], 200);
  EXPECT_EQ(statuses[1], 200) << "a request within the limit waits and is answered";
  EXPECT_EQ(listening.client().Get("/after")->status, 200);
}

// Slowloris: a thousand connections that each send a byte a second never finish a request.
// Ordinary requests are served all along, and each slow connection is cut off at the limit.
TEST(HttpListener, SlowClientsAreCutOffAndOthersAreStillServed) {
  HttpListener::Settings settings{"127.0.0.1", 0, 2, 1 << 20};
  settings.read_time_limit = std::chrono::milliseconds(2500);
  Listening listening([](const HttpRequest& request) { return text("served " + request.path); },
                      settings);
  std::vector<std::unique_ptr<RawConnection>> slow;
  for (int c = 0; c < 1000; ++c) {
    slow.push_back(std::make_unique<RawConnection>(listening.port()));
    ASSERT_TRUE(slow.back()->connected()) << "connection " << c;
  }
  const std::string request = "GET /slow HTTP/1.1\r\nHost: t\r\n";
  auto client = listening.client();
  for (std::size_t second = 0; second < 5; ++second) {
    for (const auto& connection : slow) connection->try_send(request.substr(second, 1));
    const auto answer = client.Get("/ordinary/" + std::to_string(second));
    ASSERT_TRUE(answer) << "no answer after " << second << " s among slow clients";
    EXPECT_EQ(answer->body, "served /ordinary/" + std::to_string(second));
    std::this_thread::sleep_for(std::chrono::seconds(1));
  }
  std::size_t closed = 0;
  for (const auto& connection : slow) closed += connection->closed_by_server();
  EXPECT_EQ(closed, slow.size()) << "slow connections still open past the read time limit";
}

TEST(HttpListener, StopSendsTheAnswerUnderWayThenTakesNoMore) {
  std::atomic<bool> answering = false;
  Listening listening([&](const HttpRequest&) {
    answering = true;
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
    return text("finished");
  });
  std::optional<std::string> slow;  // the answer's body
  std::thread asking([&] {
    if (const auto answer = listening.client().Get("/slow")) slow = answer->body;
  });
  while (!answering) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  listening.stop();
  asking.join();
  EXPECT_EQ(slow, "finished") << "the answer under way was lost";
  EXPECT_FALSE(listening.client().Get("/after")) << "still listening after stop()";
}

TEST(HttpListener, BodiesOverTheReadLimitCloseTheConnectionUnread) {
  Listening listening([](const HttpRequest& request) { return text(request.body); }, 2, 1000);
  auto client = listening.client();
  EXPECT_EQ(client.Post("/", std::string(1000, 'a'), "text/plain")->body, std::string(1000, 'a'));
  EXPECT_FALSE(client.Post("/", std::string(1001, 'a'), "text/plain"));
  EXPECT_EQ(listening.client().Get("/")->status, 200) << "and the server goes on";
}

TEST(HttpListener, StoppedBeforeRunningItReturnsAtOnce) {
  HttpListener listener({"127.0.0.1", 0, 2, 1000}, [](const HttpRequest&) { return text(""); });
  listener.bind();
  listener.stop();
  listener.run();  // returns: nothing to wait for
}

void expect_refused(HttpListener& listener, const std::string& said) {
  try {
    listener.bind();
    ADD_FAILURE() << "bound";
  } catch (const std::runtime_error& error) {
    EXPECT_NE(std::string(error.what()).find(said), std::string::npos) << error.what();
  }
}

TEST(HttpListener, AnAddressItCannotTakeIsSaid) {
  const auto nothing = [](const HttpRequest&) { return text(""); };
  HttpListener named({"localhost", 0, 1, 1000}, nothing);
  EXPECT_GT(named.bind(), 0) << "a name of this machine is resolved";
  Listening first(nothing);
  HttpListener taken({"127.0.0.1", first.port(), 1, 1000}, nothing);
  expect_refused(taken, "cannot listen on 127.0.0.1:" + std::to_string(first.port()));
  HttpListener elsewhere({"192.0.2.1", 0, 1, 1000}, nothing);  // TEST-NET-1: nobody's address
  expect_refused(elsewhere, "cannot listen on 192.0.2.1:0");
}

}  // namespace
}  // namespace creditscore::server
