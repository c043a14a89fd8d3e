#include "server/router.h"

#include <httplib.h>

#include <charconv>
#include <chrono>
#include <iostream>

#include "server/api_error.h"

namespace creditscore::server {
namespace {

std::vector<std::string> split_path(const std::string& path) {
  std::vector<std::string> segments;
  std::size_t start = 1;
  while (start <= path.size()) {
    const std::size_t end = std::min(path.find('/', start), path.size());
    segments.push_back(path.substr(start, end - start));
    start = end + 1;
  }
  return segments;
}

bool placeholder(const std::string& segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

// The pattern as the regular expression cpp-httplib matches paths with.
std::string pattern_regex(const std::vector<std::string>& segments) {
  std::string regex;
  for (const std::string& segment : segments) {
    regex += '/';
    if (placeholder(segment)) {
      regex += "([^/]+)";
      continue;
    }
    for (char c : segment) {
      if (c == '.') regex += '\\';
      regex += c;
    }
  }
  return regex.empty() ? "/" : regex;
}

bool matches(const std::vector<std::string>& pattern, const std::vector<std::string>& path) {
  if (pattern.size() != path.size()) return false;
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (!placeholder(pattern[i]) && pattern[i] != path[i]) return false;
  }
  return true;
}

std::optional<std::int64_t> parse_integer(const std::string& text) {
  std::int64_t value = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (error != std::errc{} || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

void send(httplib::Response& response, int status, const nlohmann::json& body) {
  response.status = status;
  // Replacing invalid UTF-8 keeps a client's odd bytes from turning into a 500.
  response.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                       "application/json");
}

}  // namespace

nlohmann::json error_body(int status, const std::string& detail) {
  return {{"error", status_words(status)}, {"detail", detail}};
}

Request::Request(const httplib::Request& http, std::vector<std::string> path_values)
    : http_(http), path_values_(std::move(path_values)) {}

std::int64_t Request::path_integer(std::size_t index, const std::string& name) const {
  const auto value = parse_integer(path(index));
  if (!value) throw ApiError(400, name + " \"" + path(index) + "\" is not an integer");
  return *value;
}

std::optional<std::string> Request::query(const std::string& name) const {
  if (!http_.has_param(name.c_str())) return std::nullopt;
  return http_.get_param_value(name.c_str());
}

std::vector<std::string> Request::query_all(const std::string& name) const {
  std::vector<std::string> values;
  const std::size_t count = http_.get_param_value_count(name.c_str());
  for (std::size_t i = 0; i < count; ++i) values.push_back(http_.get_param_value(name.c_str(), i));
  return values;
}

std::int64_t Request::query_integer(const std::string& name, std::int64_t fallback,
                                    std::int64_t low, std::int64_t high) const {
  const auto text = query(name);
  if (!text) return fallback;
  const auto value = parse_integer(*text);
  if (!value)
    throw ApiError(400, "query parameter " + name + "=\"" + *text + "\" is not an integer");
  if (*value < low || *value > high) {
    throw ApiError(422, "query parameter " + name + "=" + *text + " is outside [" +
                            std::to_string(low) + ", " + std::to_string(high) + "]");
  }
  return *value;
}

nlohmann::json Request::json_body() const {
  const std::string type = http_.get_header_value("Content-Type");
  if (!type.starts_with("application/json")) {
    throw ApiError(415, "send the body as application/json, not \"" + type + "\"");
  }
  try {
    return nlohmann::json::parse(http_.body);
  } catch (const nlohmann::json::parse_error& error) {
    throw ApiError(400, std::string("the body is not valid JSON: ") + error.what());
  }
}

Router::Router(httplib::Server& http, Metrics& metrics) : http_(http), metrics_(metrics) {
  http_.set_error_handler(httplib::Server::HandlerWithResponse(
      [this](const httplib::Request& request, httplib::Response& response) {
        answer_unrouted(request, response);
        return httplib::Server::HandlerResponse::Handled;
      }));
}

void Router::get(const std::string& pattern, Handler handler) {
  add("GET", pattern, std::move(handler));
}

void Router::post(const std::string& pattern, Handler handler) {
  add("POST", pattern, std::move(handler));
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  const std::vector<std::string> segments = split_path(pattern);
  routes_.push_back({method, segments});
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < segments.size(); ++i)
    if (placeholder(segments[i])) positions.push_back(i);

  auto serve = [this, pattern, positions, handler = std::move(handler)](
                   const httplib::Request& http, httplib::Response& response) {
    const auto start = std::chrono::steady_clock::now();
    const std::vector<std::string> path = split_path(http.path);
    std::vector<std::string> values;
    for (std::size_t p : positions) values.push_back(path.at(p));
    try {
      Reply reply = handler(Request(http, std::move(values)));
      if (reply.text.empty()) {
        send(response, reply.status, reply.body);
      } else {
        response.status = reply.status;
        response.set_content(reply.text, reply.content_type.c_str());
      }
    } catch (const ApiError& error) {
      send(response, error.status(), error_body(error.status(), error.detail()));
    } catch (const std::exception& error) {
      // A bug of ours, not the client's: said as such, logged, and the server goes on.
      std::cerr << "creditscore serve: " << http.method << " " << http.path << ": " << error.what()
                << '\n';
      send(response, 500, error_body(500, "the server failed on this request; it is logged"));
    }
    metrics_.observe(
        pattern, response.status,
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
  const std::string regex = pattern_regex(segments);
  if (method == "GET") http_.Get(regex, serve);
  if (method == "POST") http_.Post(regex, serve);
}

void Router::answer_unrouted(const httplib::Request& request, httplib::Response& response) const {
  if (!response.body.empty()) return;  // a handler's own error body
  int status = response.status;
  std::string detail;
  if (status == 404) {
    const std::vector<std::string> path = split_path(request.path);
    std::string allowed;
    for (const Route& route : routes_) {
      if (matches(route.segments, path)) allowed += (allowed.empty() ? "" : ", ") + route.method;
    }
    if (!allowed.empty()) {
      status = 405;
      response.set_header("Allow", allowed);
      detail = request.method + " is not allowed on " + request.path + "; use " + allowed;
    } else {
      detail = "no route " + request.method + " " + request.path + " (see /openapi.json)";
    }
  } else if (status == 413) {
    detail = "the body is larger than the server accepts";
  } else {
    detail = "the request could not be read as HTTP/1.1";
  }
  send(response, status, error_body(status, detail));
  metrics_.count("unrouted", status);
}

}  // namespace creditscore::server
