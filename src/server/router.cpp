#include "server/router.h"

#include <algorithm>
#include <charconv>
#include <chrono>
#include <future>
#include <iostream>

#include "server/http_error.h"
#include "server/json_body.h"

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

HttpResponse json_response(int status, const nlohmann::json& body) {
  // Replacing invalid UTF-8 keeps a client's odd bytes from turning into a 500.
  return {status,
          "application/json",
          body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
          {}};
}

double seconds_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

nlohmann::json error_body(int status, const std::string& detail) {
  return {{"error", status_words(status)}, {"detail", detail}};
}

Request::Request(const HttpRequest& http, PathValues path_values, const Caller* caller)
    : http_(http), path_values_(std::move(path_values)), caller_(caller) {}

const std::string& Request::path(const std::string& name) const {
  for (const auto& [key, value] : path_values_)
    if (key == name) return value;
  throw internal_error("route has no path parameter {" + name + "}");
}

std::int64_t Request::path_integer(const std::string& name, const std::string& what) const {
  const auto value = parse_integer(path(name));
  if (!value) throw HttpError(400, what + " \"" + path(name) + "\" is not an integer");
  return *value;
}

std::string Request::required_query(const std::string& name, const std::string& hint) const {
  auto value = query(name);
  if (!value) throw HttpError(400, "missing query parameter " + name + " (" + hint + ")");
  return std::move(*value);
}

std::optional<std::string> Request::query(const std::string& name) const {
  for (const auto& [key, value] : http_.query)
    if (key == name) return value;
  return std::nullopt;
}

std::vector<std::string> Request::query_all(const std::string& name) const {
  std::vector<std::string> values;
  for (const auto& [key, value] : http_.query)
    if (key == name) values.push_back(value);
  return values;
}

std::int64_t Request::query_integer(const std::string& name, std::int64_t fallback,
                                    std::int64_t low, std::int64_t high) const {
  const auto text = query(name);
  if (!text) return fallback;
  const auto value = parse_integer(*text);
  if (!value)
    throw HttpError(400, "query parameter " + name + "=\"" + *text + "\" is not an integer");
  if (*value < low || *value > high) {
    throw invalid_input("query parameter " + name + "=" + *text + " is outside [" +
                        std::to_string(low) + ", " + std::to_string(high) + "]");
  }
  return *value;
}

const nlohmann::json& Request::json_body() const {
  if (body_) return *body_;
  const std::string& type = http_.content_type;
  if (!type.starts_with("application/json")) {
    throw HttpError(415, "send the body as application/json, not \"" + type + "\"");
  }
  return body_.emplace(parse_json_body(http_.body));
}

Router::Router(Metrics& metrics, std::size_t max_body_bytes)
    : metrics_(metrics), max_body_bytes_(max_body_bytes) {}

void Router::get(const std::string& pattern, Handler handler) {
  add("GET", pattern, std::move(handler));
}

void Router::post(const std::string& pattern, Handler handler) {
  add("POST", pattern, std::move(handler));
}

void Router::del(const std::string& pattern, Handler handler) {
  add("DELETE", pattern, std::move(handler));
}

std::vector<std::pair<std::string, std::string>> Router::routes() const {
  std::vector<std::pair<std::string, std::string>> all;
  for (const Route& route : routes_) all.emplace_back(route.method, route.pattern);
  return all;
}

void Router::add(const std::string& method, const std::string& pattern, Handler handler) {
  Route route{method, pattern, split_path(pattern), {}, std::move(handler)};
  for (std::size_t i = 0; i < route.segments.size(); ++i)
    if (placeholder(route.segments[i])) route.values.push_back(i);
  routes_.push_back(std::move(route));
}

void Router::mount(StaticFiles files) {
  files_.push_back(std::move(files));
  std::ranges::stable_sort(files_, std::ranges::greater{},
                           [](const StaticFiles& f) { return f.prefix().size(); });
}

HttpResponse Router::answer(const HttpRequest& request) const {
  std::promise<HttpResponse> answered;
  answer(request, [&answered](HttpResponse response) { answered.set_value(std::move(response)); });
  return answered.get_future().get();
}

void Router::answer(const HttpRequest& request, Respond respond) const {
  if (!request.malformed.empty()) return respond(refused(400, request.malformed));
  if (request.body.size() > max_body_bytes_) {
    return respond(refused(413, "the body has " + std::to_string(request.body.size()) +
                                    " bytes; the server accepts at most " +
                                    std::to_string(max_body_bytes_)));
  }
  const std::vector<std::string> path = split_path(request.path);
  for (const Route& route : routes_) {
    if (route.method == request.method && matches(route.segments, path))
      return call(route, request, path, std::move(respond));
  }
  if (request.method == "GET") {
    for (const StaticFiles& files : files_) {
      if (auto file = files.find(request.path)) {
        metrics_.count("files", file->status);
        return respond(std::move(*file));
      }
    }
  }
  respond(unrouted(request, path));
}

void Router::call(const Route& route, const HttpRequest& request,
                  const std::vector<std::string>& path, Respond respond) const {
  const auto start = std::chrono::steady_clock::now();
  Request::PathValues values;
  std::optional<std::int64_t> client_id;
  for (std::size_t position : route.values) {
    const std::string& name = route.segments[position];
    values.emplace_back(name.substr(1, name.size() - 2), path[position]);
    if (values.back().first == "id") client_id = parse_integer(path[position]);
  }
  HttpResponse response;
  bool admitted = false;
  std::optional<Caller> caller;
  try {
    if (gate_) caller = gate_->admit(route.method, route.pattern, request);
    admitted = true;
    Reply reply = route.handler(Request(request, std::move(values), caller ? &*caller : nullptr));
    if (!client_id) client_id = reply.client_id;
    response = reply.text.empty()
                   ? json_response(reply.status, reply.body)
                   : HttpResponse{reply.status, reply.content_type, std::move(reply.text), {}};
    response.headers = std::move(reply.headers);
  } catch (const HttpError& error) {
    response = json_response(error.status(), error_body(error.status(), error.detail()));
    response.headers = error.headers();
  } catch (const Error& error) {
    const int status = status_of(error.kind());
    response = status < 500 ? json_response(status, error_body(status, error.what()))
                            : failed(request.method, request.path, error.what());
  } catch (const std::exception& error) {
    response = failed(request.method, request.path, error.what());
  } catch (...) {
    response = failed(request.method, request.path, "an exception that is not a std::exception");
  }
  if (!gate_ || !admitted) {
    metrics_.observe(route.pattern, response.status, seconds_since(start));
    return respond(std::move(response));
  }
  const int status = response.status;
  gate_->record(route.method, route.pattern, request, caller, client_id, status,
                [this, &route, start, method = request.method, path = request.path,
                 response = std::move(response),
                 respond = std::move(respond)](std::exception_ptr error) mutable {
                  if (error) {
                    // No access without its record: the answer is withheld.
                    std::string what = "an unknown error";
                    try {
                      std::rethrow_exception(error);
                    } catch (const std::exception& failure) {
                      what = failure.what();
                    } catch (...) {
                    }
                    response = failed(method, path, "the audit trail could not record it: " + what);
                  }
                  metrics_.observe(route.pattern, response.status, seconds_since(start));
                  respond(std::move(response));
                });
}

HttpResponse Router::failed(const std::string& method, const std::string& path,
                            const std::string& what) const {
  // A bug of ours or a broken file, not the client's fault: said as such, logged under an id
  // the caller is given, and the server goes on.
  const std::string id = "req-" + std::to_string(started_) + "-" + std::to_string(++failures_);
  std::cerr << "creditscore serve: " << id << ": " << method << " " << path << ": " << what << '\n';
  nlohmann::json body = error_body(500, "the server failed on this request; it is logged");
  body["request_id"] = id;
  return json_response(500, body);
}

HttpResponse Router::unrouted(const HttpRequest& request,
                              const std::vector<std::string>& path) const {
  std::string allowed;
  for (const Route& route : routes_) {
    if (matches(route.segments, path) && allowed.find(route.method) == std::string::npos)
      allowed += (allowed.empty() ? "" : ", ") + route.method;
  }
  if (allowed.empty())
    return refused(404, "no route " + request.method + " " + request.path + " (see /openapi.json)");
  HttpResponse response =
      refused(405, request.method + " is not allowed on " + request.path + "; use " + allowed);
  response.headers.emplace_back("Allow", allowed);
  return response;
}

HttpResponse Router::refused(int status, const std::string& detail) const {
  metrics_.count("unrouted", status);
  return json_response(status, error_body(status, detail));
}

}  // namespace creditscore::server
