// The API's routes: patterns such as "/api/v1/clients/{id}", handlers that take a checked request
// and return JSON, directories of files under a prefix, and the same treatment for every answer:
// errors as {"error", "detail"} with the right status (ApiError, or 404/405/413 found by the
// router itself), a latency and status count per route pattern, and never a 500 for the client's
// input. It knows no sockets: the HTTP listener hands it each request.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/http_message.h"
#include "server/metrics.h"
#include "server/static_files.h"

namespace creditscore::server {

class Request {
 public:
  Request(const HttpRequest& http, std::vector<std::string> path_values);

  // The value of a pattern's {name}, in order of appearance.
  const std::string& path(std::size_t index) const { return path_values_.at(index); }
  // A path value or query parameter that must be an integer: 400 naming it otherwise.
  std::int64_t path_integer(std::size_t index, const std::string& name) const;
  std::optional<std::string> query(const std::string& name) const;
  std::vector<std::string> query_all(const std::string& name) const;
  // An optional integer query parameter within [low, high]: 400 or 422 naming it otherwise.
  std::int64_t query_integer(const std::string& name, std::int64_t fallback, std::int64_t low,
                             std::int64_t high) const;
  // The JSON body: 415 unless sent as application/json, 400 when it does not parse.
  nlohmann::json json_body() const;

 private:
  const HttpRequest& http_;
  std::vector<std::string> path_values_;
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
  // GET of a path under `files.prefix()` that no route takes is answered from its directory.
  void mount(StaticFiles files);

  // May be called from many threads at once, once every route is added.
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
  HttpResponse call(const Route& route, const HttpRequest& request,
                    const std::vector<std::string>& path) const;
  // 404, or 405 naming the methods the path takes.
  HttpResponse unrouted(const HttpRequest& request, const std::vector<std::string>& path) const;
  HttpResponse refused(int status, const std::string& detail) const;

  Metrics& metrics_;
  std::size_t max_body_bytes_;
  std::vector<Route> routes_;
  std::vector<StaticFiles> files_;  // longest prefix first
};

// A JSON error body.
nlohmann::json error_body(int status, const std::string& detail);

}  // namespace creditscore::server
