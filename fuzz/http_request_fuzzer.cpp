// Requests as they come off the wire: the bytes go through the HTTP parser RESTinio uses
// (Debian's libhttp-parser), the listener's decoding (percent-decoding of the path, the query's
// pairs), then the router, on routes that read every kind of value a request carries: path
// parameters by name, integers in the path and the query, repeated and required query
// parameters, a JSON body, and files under a mounted directory.
//
// What must hold: no answer is a 500, and no file outside the mounted directory is ever served.
#include <http_parser.h>
#include <strings.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "server/http_listener.h"
#include "server/metrics.h"
#include "server/router.h"
#include "server/static_files.h"

using namespace creditscore::server;

namespace {

constexpr const char* kSecret = "outside-the-mounted-directory";

std::filesystem::path files_root() {
  return std::filesystem::temp_directory_path() /
         ("creditscore-http-fuzz-" + std::to_string(::getpid()));
}

// The mounted directory, with a secret file beside it that no request may reach; removed when
// the fuzzer exits.
std::filesystem::path make_files() {
  const auto root = files_root();
  std::atexit([] {
    std::error_code ignored;
    std::filesystem::remove_all(files_root(), ignored);
  });
  std::filesystem::create_directories(root / "web" / "assets");
  std::ofstream(root / "web" / "index.html") << "<!doctype html><title>dashboard</title>";
  std::ofstream(root / "web" / "assets" / "app.js") << "console.log(1)";
  std::ofstream(root / "secret.txt") << kSecret;
  return root / "web";
}

Router& router() {
  static Metrics metrics;
  static const std::unique_ptr<Router> instance = [] {
    auto r = std::make_unique<Router>(metrics, 4096);
    r->get("/api/v1/clients/{id}", [](const Request& request) {
      return Reply(nlohmann::json{{"id", request.path_integer("id", "client number")}});
    });
    r->get("/api/v1/clients/{id}/features/{feature}", [](const Request& request) {
      return Reply(nlohmann::json{{"id", request.path_integer("id", "client number")},
                                  {"feature", request.path("feature")}});
    });
    r->get("/api/v1/search", [](const Request& request) {
      return Reply(nlohmann::json{{"q", request.required_query("q", "give ?q=TEXT")},
                                  {"limit", request.query_integer("limit", 20, 1, 100)},
                                  {"features", request.query_all("feature")}});
    });
    r->post("/api/v1/clients/{id}/what-if", [](const Request& request) {
      nlohmann::json body = request.json_body();
      return Reply(
          nlohmann::json{{"id", request.path_integer("id", "client number")}, {"body", body}});
    });
    r->mount(StaticFiles("/", make_files()));
    return r;
  }();
  return *instance;
}

// One request as the parser hands it over.
struct Parsed {
  std::string url, field, content_type, body;
  bool in_value = false;
  std::vector<HttpRequest> complete;
};

Parsed& of(http_parser* parser) {
  return *static_cast<Parsed*>(parser->data);
}

int on_url(http_parser* parser, const char* at, std::size_t length) {
  of(parser).url.append(at, length);
  return 0;
}
int on_field(http_parser* parser, const char* at, std::size_t length) {
  Parsed& parsed = of(parser);
  if (parsed.in_value) parsed.field.clear();
  parsed.in_value = false;
  parsed.field.append(at, length);
  return 0;
}
int on_value(http_parser* parser, const char* at, std::size_t length) {
  Parsed& parsed = of(parser);
  if (!parsed.in_value && strcasecmp(parsed.field.c_str(), "content-type") == 0)
    parsed.content_type.clear();
  parsed.in_value = true;
  if (strcasecmp(parsed.field.c_str(), "content-type") == 0) parsed.content_type.append(at, length);
  return 0;
}
int on_body(http_parser* parser, const char* at, std::size_t length) {
  of(parser).body.append(at, length);
  return 0;
}
// As RESTinio does: the target split by http_parser_parse_url, then the listener's decoding.
int on_complete(http_parser* parser) {
  Parsed& parsed = of(parser);
  http_parser_url url;
  http_parser_url_init(&url);
  if (http_parser_parse_url(parsed.url.data(), parsed.url.size(), 0, &url) == 0) {
    auto part = [&](int field) {
      return (url.field_set & (1 << field))
                 ? std::string_view(parsed.url)
                       .substr(url.field_data[field].off, url.field_data[field].len)
                 : std::string_view();
    };
    parsed.complete.push_back(
        decode_request(http_method_str(static_cast<http_method>(parser->method)), part(UF_PATH),
                       part(UF_QUERY), parsed.content_type, parsed.body));
  }
  parsed.url.clear();
  parsed.field.clear();
  parsed.content_type.clear();
  parsed.body.clear();
  parsed.in_value = false;
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  http_parser_settings settings;
  http_parser_settings_init(&settings);
  settings.on_url = on_url;
  settings.on_header_field = on_field;
  settings.on_header_value = on_value;
  settings.on_body = on_body;
  settings.on_message_complete = on_complete;
  Parsed parsed;
  http_parser parser;
  http_parser_init(&parser, HTTP_REQUEST);
  parser.data = &parsed;
  http_parser_execute(&parser, &settings, reinterpret_cast<const char*>(data), size);
  for (const HttpRequest& request : parsed.complete) {
    const HttpResponse response = router().answer(request);
    if (response.status >= 500 || response.body == kSecret) std::abort();
  }
  return 0;
}
