// The API's routes over cpp-httplib: patterns such as "/api/v1/clients/{id}", handlers that take
// a checked request and return JSON, and the same treatment for every answer: errors as
// {"error", "detail"} with the right status (ApiError, or 404/405/413 found by the server
// itself), a latency and status count per route pattern, and never a 500 for the client's input.
#pragma once

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "server/metrics.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace creditscore::server {

class Request {
 public:
  Request(const httplib::Request& http, std::vector<std::string> path_values);

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
  const httplib::Request& http_;
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

  // Its handlers refer to the router: it must outlive the server's serving.
  Router(httplib::Server& http, Metrics& metrics);
  Router(const Router&) = delete;
  Router& operator=(const Router&) = delete;

  void get(const std::string& pattern, Handler handler);
  void post(const std::string& pattern, Handler handler);

 private:
  void add(const std::string& method, const std::string& pattern, Handler handler);
  // The error body of an answer the server made without a handler (404, 405, 413, 400).
  void answer_unrouted(const httplib::Request& request, httplib::Response& response) const;

  struct Route {
    std::string method;
    std::vector<std::string> segments;  // "{...}" matches any one segment
  };
  httplib::Server& http_;
  Metrics& metrics_;
  std::vector<Route> routes_;
};

// A JSON error body.
nlohmann::json error_body(int status, const std::string& detail);

}  // namespace creditscore::server
