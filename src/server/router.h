// The API's routes: patterns such as "/api/v1/clients/{id}", handlers that take a checked request
// and return JSON, directories of files under a prefix, and the same treatment for every answer:
// errors as {"error", "detail"} with the right status, a latency and status count per route
// pattern, and never a 500 for the client's input. The one place where an error's kind becomes a
// status: invalid input 422, not found 404, conflict 409, corrupt or internal 500 (logged); the
// request's own faults (HttpError) 400, 413 and 415. It knows no sockets: the HTTP listener hands
// it each request. With a gate, every route's caller is admitted before its handler runs and its
// call recorded before its answer is sent (access_gate.h).
#pragma once

#include <atomic>
#include <chrono>
#include <exception>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/access_policy.h"
#include "server/http_message.h"
#include "server/metrics.h"
#include "server/static_files.h"

namespace creditscore::server {

class Request {
 public:
  using PathValues = std::vector<std::pair<std::string, std::string>>;  // {name} -> value
  Request(const HttpRequest& http, PathValues path_values, const Caller* caller = nullptr);

  // The value of the pattern's {name}.
  const std::string& path(const std::string& name) const;
  // A path value that must be an integer: 400 naming it as `what` otherwise.
  std::int64_t path_integer(const std::string& name, const std::string& what) const;
  std::optional<std::string> query(const std::string& name) const;
  // A query parameter that must be there: 400 with `hint` otherwise.
  std::string required_query(const std::string& name, const std::string& hint) const;
  std::vector<std::string> query_all(const std::string& name) const;
  // An optional integer query parameter within [low, high]: 400 or 422 naming it otherwise.
  std::int64_t query_integer(const std::string& name, std::int64_t fallback, std::int64_t low,
                             std::int64_t high) const;
  // The JSON body: 415 unless sent as application/json, 400 when it does not parse. Parsed once,
  // however many read it (an idempotency key's fingerprint, then the route).
  const nlohmann::json& json_body() const;
  // Who called; nullptr on a public route.
  const Caller* caller() const { return caller_; }
  const HttpRequest& http() const { return http_; }

 private:
  const HttpRequest& http_;
  PathValues path_values_;
  const Caller* caller_;
  mutable std::optional<nlohmann::json> body_;
};

struct Reply {
  Reply(nlohmann::json json) : body(std::move(json)) {}
  // 201 Created, with the new resource.
  static Reply created(nlohmann::json json) {
    Reply reply(std::move(json));
    reply.status = 201;
    return reply;
  }
  // A body of another type than JSON.
  static Reply of_type(std::string text, std::string type) {
    Reply reply(nullptr);
    reply.text = std::move(text);
    reply.content_type = std::move(type);
    return reply;
  }

  int status = 200;
  nlohmann::json body;       // sent as JSON unless `text` is set
  std::string text;          // a body of another type
  std::string content_type;  // of `text`
  std::vector<std::pair<std::string, std::string>> headers;
  // The client the answer is about, for the audit trail, when the path has no {id}.
  std::optional<std::int64_t> client_id;
};

// Access control, asked by the router around each route's handler.
class Gate {
 public:
  virtual ~Gate() = default;
  // Before the handler: the caller (nullopt on a public route), or an HttpError (401, 403, 429).
  virtual std::optional<Caller> admit(const std::string& method, const std::string& pattern,
                                      const HttpRequest& request) = 0;
  // After it: records the call when the route is audited, then calls `committed` (with the error
  // when it could not be recorded, and then the answer is withheld), at once or from another
  // thread once the record is on disk.
  using Committed = std::function<void(std::exception_ptr)>;
  virtual void record(const std::string& method, const std::string& pattern,
                      const HttpRequest& request, const std::optional<Caller>& caller,
                      std::optional<std::int64_t> client_id, int status, Committed committed) = 0;
};

class Router {
 public:
  using Handler = std::function<Reply(const Request&)>;

  // Bodies over `max_body_bytes` are refused with 413.
  Router(Metrics& metrics, std::size_t max_body_bytes);
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);
  void del(const std::string& pattern, Handler handler);
  // GET of a path under `files.prefix()` that no route takes is answered from its directory.
  void mount(StaticFiles files);
  // Every route's caller is admitted by `gate`, and its call recorded.
  void guard(Gate& gate) { gate_ = &gate; }
  // Each route's method and pattern, in the order added.
  std::vector<std::pair<std::string, std::string>> routes() const;

  // May be called from many threads at once, once every route is added. `respond` is called
  // once: on this thread, or on the audit trail's once the call's record is committed.
  using Respond = std::function<void(HttpResponse)>;
  void answer(const HttpRequest& request, Respond respond) const;
  // The same, waiting for the answer.
  HttpResponse answer(const HttpRequest& request) const;

 private:
  void add(const std::string& method, const std::string& pattern, Handler handler);

  struct Route {
    std::string method;
    std::string pattern;
    std::vector<std::string> segments;  // "{...}" matches any one segment
    std::vector<std::size_t> values;    // the positions of the placeholders
    Handler handler;
  };
  void call(const Route& route, const HttpRequest& request, const std::vector<std::string>& path,
            Respond respond) const;
  // 404, or 405 naming the methods the path takes.
  HttpResponse unrouted(const HttpRequest& request, const std::vector<std::string>& path) const;
  HttpResponse refused(int status, const std::string& detail) const;
  // 500 for what no client input should cause, logged.
  HttpResponse failed(const std::string& method, const std::string& path,
                      const std::string& what) const;

  Metrics& metrics_;
  std::size_t max_body_bytes_;
  Gate* gate_ = nullptr;
  // Failed requests are logged as req-STARTED-N: unique across restarts of one machine.
  const std::int64_t started_ = std::chrono::duration_cast<std::chrono::seconds>(
                                    std::chrono::system_clock::now().time_since_epoch())
                                    .count();
  mutable std::atomic<std::uint64_t> failures_{0};
  std::vector<Route> routes_;
  std::vector<StaticFiles> files_;  // longest prefix first
};

// A JSON error body.
nlohmann::json error_body(int status, const std::string& detail);

}  // namespace creditscore::server
