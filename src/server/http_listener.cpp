#include "server/http_listener.h"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <future>
#include <iostream>
#include <mutex>
#include <optional>
#include <restinio/all.hpp>
#include <restinio/tls.hpp>
#include <type_traits>

#include "common/error.h"
#include "server/forwarded_headers.h"

namespace creditscore::server {
namespace {

// One thread on the io_context reads and writes; answers run on a pool of their own. (No
// connection count limiter: RESTinio 0.6.16 frees it before the connections it counts when the
// server is destroyed with connections open.)
using PlainTraits = restinio::traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;
using TlsTraits = restinio::tls_traits_t<restinio::asio_timer_manager_t, restinio::null_logger_t>;

// How long stop() waits for the answers under way before closing what is left.
constexpr auto kDrainTime = std::chrono::seconds(10);

// The status line's words for the statuses the API answers (clients read only the number).
const char* reason_phrase(int status) {
  static constexpr std::pair<int, const char*> kPhrases[] = {
      {200, "OK"},
      {201, "Created"},
      {204, "No Content"},
      {400, "Bad Request"},
      {401, "Unauthorized"},
      {403, "Forbidden"},
      {404, "Not Found"},
      {405, "Method Not Allowed"},
      {413, "Payload Too Large"},
      {415, "Unsupported Media Type"},
      {422, "Unprocessable Entity"},
      {429, "Too Many Requests"},
      {500, "Internal Server Error"},
      {503, "Service Unavailable"},
  };
  for (const auto& [code, phrase] : kPhrases)
    if (code == status) return phrase;
  return "";
}

// An IP address as is, or a name of this machine (such as localhost) resolved.
asio::ip::address resolved(const std::string& host) {
  asio::error_code error;
  const auto address = asio::ip::make_address(host, error);
  if (!error) return address;
  asio::io_context io;
  asio::ip::tcp::resolver resolver(io);
  const auto found = resolver.resolve(host, "", error);
  if (error || found.empty())
    throw invalid_input("cannot listen on " + host + ": not an address of this machine");
  return found.begin()->endpoint().address();
}

// TLS 1.2 and up only, with the certificate chain and key given; a file that cannot be read or
// does not match is named.
asio::ssl::context tls_context(const std::filesystem::path& certificate,
                               const std::filesystem::path& key) {
  asio::ssl::context context(asio::ssl::context::tls_server);
  context.set_options(asio::ssl::context::default_workarounds | asio::ssl::context::no_sslv2 |
                      asio::ssl::context::no_sslv3 | asio::ssl::context::no_tlsv1 |
                      asio::ssl::context::no_tlsv1_1 | asio::ssl::context::single_dh_use);
  asio::error_code error;
  context.use_certificate_chain_file(certificate.string(), error);
  if (error) {
    throw invalid_input("--tls-cert " + certificate.string() +
                        ": not a readable PEM certificate (" + error.message() + ")");
  }
  context.use_private_key_file(key.string(), asio::ssl::context::pem, error);
  if (error) {
    throw invalid_input("--tls-key " + key.string() + ": not a readable PEM private key (" +
                        error.message() + ")");
  }
  if (SSL_CTX_check_private_key(context.native_handle()) != 1)
    throw invalid_input("--tls-key " + key.string() + " is not the key of " + certificate.string());
  return context;
}

}  // namespace

HttpRequest decode_request(std::string method, std::string_view path, std::string_view query,
                           std::string content_type, std::string body) {
  HttpRequest http;
  http.method = std::move(method);
  http.content_type = std::move(content_type);
  http.body = std::move(body);
  using Relaxed = restinio::utils::relaxed_unescape_traits;
  const auto decoded_path = restinio::utils::try_unescape_percent_encoding<Relaxed>(path);
  if (!decoded_path) {
    http.path = std::string(path);
    http.malformed =
        "the path is not valid percent-encoding: " + decoded_path.error().description();
    return http;
  }
  http.path = *decoded_path;
  const auto pairs = restinio::try_parse_query<restinio::parse_query_traits::relaxed>(query);
  if (!pairs) {
    http.malformed =
        "the query string is not valid percent-encoding: " + pairs.error().description();
    return http;
  }
  for (const auto& [key, value] : *pairs) http.query.emplace_back(key, value);
  return http;
}

class HttpListener::Impl {
 public:
  virtual ~Impl() = default;
  virtual int bind() = 0;
  virtual void run() = 0;
  virtual void stop() = 0;
};

namespace {

// The listener over plain TCP or TLS: the same in all but the socket.
template <typename Traits>
class Listening : public HttpListener::Impl {
  using Server = restinio::http_server_t<Traits>;
  static constexpr bool kTls = std::is_same_v<Traits, TlsTraits>;

 public:
  Listening(HttpListener::Settings settings, HttpListener::AsyncAnswer answer)
      : settings_(std::move(settings)), answer_(std::move(answer)) {}

  ~Listening() override {
    if (server_ && !ran_) server_->close_sync();  // bound, never served: no thread is in Asio
  }

  int bind() override {
    const asio::ip::address address = resolved(settings_.host);
    server_ = std::make_unique<Server>(restinio::own_io_context(), [&](auto& s) {
      if constexpr (kTls) s.tls_context(tls_context(settings_.tls_certificate, settings_.tls_key));
      s.address(address)
          .port(static_cast<std::uint16_t>(settings_.port))
          .incoming_http_msg_limits(
              restinio::incoming_http_msg_limits_t{}.max_body_size(settings_.max_read_bytes))
          .read_next_http_message_timelimit(settings_.read_time_limit)
          .socket_options_setter(
              [](auto& options) { options.set_option(asio::ip::tcp::no_delay{true}); })
          .acceptor_post_bind_hook([this](asio::ip::tcp::acceptor& acceptor) {
            port_ = acceptor.local_endpoint().port();
          })
          .request_handler(
              [this](restinio::request_handle_t request) { return handle(std::move(request)); });
    });
    try {
      server_->open_sync();
    } catch (const std::exception& failure) {
      throw invalid_input("cannot listen on " + settings_.host + ":" +
                          std::to_string(settings_.port) + " (" + failure.what() + ")");
    }
    return port_;
  }

  void run() override {
    {
      const std::lock_guard hold(lock_);
      if (stopping_ || !server_) return;
      ran_ = true;
    }
    server_->io_context().run();
  }

  void stop() override {
    {
      const std::lock_guard hold(lock_);
      if (stopping_) return;
      stopping_ = true;
      if (!ran_) return;  // run() will return at once; the destructor closes the socket
    }
    std::promise<void> closed;
    server_->close_async([&] { closed.set_value(); },
                         [&](std::exception_ptr) { closed.set_value(); });
    closed.get_future().wait();
    std::unique_lock hold(lock_);
    answered_.wait_for(hold, kDrainTime, [this] { return under_way_ == 0; });
    hold.unlock();
    server_->io_context().stop();
    workers_.join();
  }

 private:
  // The answer is posted, never written from within the handler: RESTinio 0.6.16 resumes reading
  // twice when a kept-alive connection's answer is written before the handler returns, and the
  // second time drops the part of the next request already read (a POST's headers, say).
  restinio::request_handling_status_t handle(restinio::request_handle_t request) {
    bool busy = false;
    {
      const std::lock_guard hold(lock_);
      busy = waiting_ >= settings_.max_waiting;
      if (!busy) ++waiting_;
      ++under_way_;
    }
    if (busy) {
      asio::post(server_->io_context(),
                 [this, request = std::move(request)] { send(request, settings_.busy); });
    } else {
      asio::post(workers_, [this, request = std::move(request)] {
        {
          const std::lock_guard hold(lock_);
          --waiting_;
        }
        answer(request);
      });
    }
    return restinio::request_accepted();
  }

  void answer(const restinio::request_handle_t& handle) {
    const restinio::request_t& request = *handle;
    HttpRequest http;
    try {
      const auto& header = request.header();
      http = decode_request(header.method().c_str(), header.path(), header.query(),
                            header.get_field_or(restinio::http_field::content_type, ""),
                            request.body());
      http.authorization = header.get_field_or(restinio::http_field::authorization, "");
      http.cookie = header.get_field_or(restinio::http_field::cookie, "");
      http.origin = header.get_field_or(restinio::http_field::origin, "");
      http.referer = header.get_field_or(restinio::http_field::referer, "");
      http.host = header.get_field_or(restinio::http_field::host, "");
      http.idempotency_key = header.get_field_or("Idempotency-Key", "");
      http.peer = request.remote_endpoint().address().to_string();
      http.secure = kTls;
      apply_forwarded_headers(http, settings_.trusted_proxies,
                              header.get_field_or("X-Forwarded-For", ""),
                              header.get_field_or("X-Forwarded-Proto", ""));
    } catch (const std::exception& error) {
      std::cerr << "creditscore serve: " << error.what() << '\n';
      send(handle, {500, "text/plain; charset=utf-8", "the server failed on this request\n", {}});
      return;
    }
    answer_(http, [this, handle](HttpResponse response) { send(handle, std::move(response)); });
  }

  // From any thread: RESTinio hands the bytes to the connection's own thread.
  void send(const restinio::request_handle_t& request, HttpResponse response) {
    auto reply = request->create_response(restinio::http_status_line_t(
        restinio::http_status_code_t(static_cast<std::uint16_t>(response.status)),
        reason_phrase(response.status)));
    if (!response.content_type.empty())
      reply.append_header(restinio::http_field::content_type, response.content_type);
    for (const auto& [name, value] : response.headers) reply.append_header(name, value);
    reply.set_body(std::move(response.body));
    // Counted out once the bytes are written (or the connection is lost): stop() waits for it.
    reply.done([this](const asio::error_code&) {
      const std::lock_guard hold(lock_);
      if (--under_way_ == 0) answered_.notify_all();
    });
  }

  HttpListener::Settings settings_;
  HttpListener::AsyncAnswer answer_;
  asio::thread_pool workers_{settings_.threads};
  std::unique_ptr<Server> server_;
  int port_ = 0;
  std::mutex lock_;
  std::condition_variable answered_;
  std::size_t under_way_ = 0;  // read and not yet answered
  std::size_t waiting_ = 0;    // of which not yet taken by a worker
  bool ran_ = false;
  bool stopping_ = false;
};

}  // namespace

HttpListener::HttpListener(Settings settings, Answer answer)
    : HttpListener(
          std::move(settings), AsyncAnswer([answer = std::move(answer)](const HttpRequest& request,
                                                                        const Respond& respond) {
            HttpResponse response;
            try {
              response = answer(request);
            } catch (const std::exception& error) {
              std::cerr << "creditscore serve: " << error.what() << '\n';
              response = {
                  500, "text/plain; charset=utf-8", "the server failed on this request\n", {}};
            }
            respond(std::move(response));
          })) {}

HttpListener::HttpListener(Settings settings, AsyncAnswer answer) {
  if (settings.tls_certificate.empty()) {
    impl_ = std::make_unique<Listening<PlainTraits>>(std::move(settings), std::move(answer));
  } else {
    impl_ = std::make_unique<Listening<TlsTraits>>(std::move(settings), std::move(answer));
  }
}

HttpListener::~HttpListener() = default;

int HttpListener::bind() {
  return impl_->bind();
}

void HttpListener::run() {
  impl_->run();
}

void HttpListener::stop() {
  impl_->stop();
}

}  // namespace creditscore::server
