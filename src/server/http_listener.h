// The HTTP/1.1 server under the API: RESTinio on Asio, event-driven. One thread reads and writes
// every socket, so a thousand kept-alive connections cost no more threads than one (cpp-httplib
// gave each connection its own thread: on 2 cores, 64 connections' p99 was 20 to 40 ms; see
// bench/server_load.sh); a fixed pool, sized to the machine, runs the answers. When more answers
// wait for the pool than it can give in time, a request is refused at once (503, Retry-After)
// rather than let every latency grow, and a request that takes too long to arrive whole (a
// client sending a byte a second) is cut off.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_message.h"

namespace creditscore::server {

// A request as the router reads it, from what the HTTP parser found (the target's path and query,
// the Content-Type field, the body): the path percent-decoded and the query's pairs decoded, in
// the order sent; what cannot be decoded is said in `malformed`. Every request the listener
// takes passes here.
HttpRequest decode_request(std::string method, std::string_view path, std::string_view query,
                           std::string content_type, std::string body);

class HttpListener {
 public:
  // Called on the pool's threads, several at once.
  using Answer = std::function<HttpResponse(const HttpRequest&)>;
  // Sends a request's answer; called once, from any thread, at once or later: an answer that
  // waits (for its audit record) keeps no thread of the pool.
  using Respond = std::function<void(HttpResponse)>;
  // Called on the pool's threads, several at once; must not throw.
  using AsyncAnswer = std::function<void(const HttpRequest&, Respond)>;

  struct Settings {
    std::string host = "127.0.0.1";
    int port = 8080;          // 0: any free port
    std::size_t threads = 1;  // answering; the sockets have one more of their own
    // Bodies are read whole up to this size, then handed to `answer` (which may refuse them
    // with a 413); over it, or on bytes that are not HTTP, the connection is closed.
    std::size_t max_read_bytes = 8 << 20;
    // Requests read and waiting for a thread beyond which the next is answered `busy` at once.
    std::size_t max_waiting = 500;
    // Peers whose X-Forwarded-For and X-Forwarded-Proto are believed (forwarded_headers.h).
    std::vector<std::string> trusted_proxies{};
    HttpResponse busy{503,
                      "text/plain; charset=utf-8",
                      "the server is busy: try again in a second\n",
                      {{"Retry-After", "1"}}};
    // The longest a request may take to arrive whole, from its first byte or the previous answer;
    // the connection is closed after it.
    std::chrono::milliseconds read_time_limit = std::chrono::seconds(10);
    // HTTPS (TLS 1.2 and up) with this PEM certificate chain and key; empty: plain HTTP.
    std::filesystem::path tls_certificate{};
    std::filesystem::path tls_key{};
  };

  HttpListener(Settings settings, Answer answer);
  HttpListener(Settings settings, AsyncAnswer answer);
  ~HttpListener();
  HttpListener(const HttpListener&) = delete;
  HttpListener& operator=(const HttpListener&) = delete;

  // Binds the address; returns the port (the one chosen when the settings say 0). Throws when
  // the address is taken or invalid, or the certificate or key cannot be used.
  int bind();
  // Serves until stop(); the calling thread reads and writes the sockets.
  void run();
  // From any thread: no new connection is taken, the answers under way are sent, then run()
  // returns. Stopping before run() makes run() return at once.
  void stop();

  class Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace creditscore::server
