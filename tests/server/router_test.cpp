// The router alone, without sockets: which handler answers, with which path values, and the
// status and JSON error of everything no handler takes.
#include "server/router.h"

#include <gtest/gtest.h>

#include <fstream>

#include "common/error.h"
#include "tests/support/temporary_directory.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

HttpRequest request(std::string method, std::string path,
                    std::vector<std::pair<std::string, std::string>> query = {}) {
  HttpRequest http;
  http.method = std::move(method);
  http.path = std::move(path);
  http.query = std::move(query);
  return http;
}

json error_of(const HttpResponse& response) {
  EXPECT_EQ(response.content_type, "application/json");
  const json body = json::parse(response.body);
  EXPECT_TRUE(body.contains("error")) << body;
  return body;
}

class RouterTest : public ::testing::Test {
 protected:
  RouterTest() {
    router_.get("/api/v1/clients/{id}/score", [](const Request& r) {
      return Reply(json{{"id", r.path_integer("id", "client id")}});
    });
    router_.post("/api/v1/clients/{id}/score", [](const Request& r) {
      return Reply::created(json{{"posted", r.json_body()}, {"id", r.path("id")}});
    });
    router_.get("/search", [](const Request& r) {
      return Reply(json{{"q", r.query("q").value_or("")}, {"tags", r.query_all("tag")}});
    });
    router_.get("/refused", [](const Request&) -> Reply { throw invalid_input("no good"); });
    router_.get("/kind/{name}", [](const Request& r) -> Reply {
      const std::string& name = r.path("name");
      if (name == "missing") throw not_found("no such thing");
      if (name == "taken") throw conflict("already there");
      if (name == "unsupported") throw unsupported("not in this version");
      if (name == "corrupt") throw corrupt("a broken file of ours");
      if (name == "internal") throw internal_error("our bug");
      throw 42;  // not even a std::exception
    });
    router_.get("/broken", [](const Request&) -> Reply { throw std::logic_error("our bug"); });
  }

  Metrics metrics_;
  Router router_{metrics_, 100};
};

TEST_F(RouterTest, PatternsGiveTheirValuesAndTheQueryInOrder) {
  const HttpResponse score = router_.answer(request("GET", "/api/v1/clients/42/score"));
  EXPECT_EQ(score.status, 200);
  EXPECT_EQ(json::parse(score.body), (json{{"id", 42}}));

  HttpRequest post = request("POST", "/api/v1/clients/7/score");
  post.content_type = "application/json; charset=utf-8";
  post.body = R"({"a": 1})";
  const HttpResponse created = router_.answer(post);
  EXPECT_EQ(created.status, 201);
  EXPECT_EQ(json::parse(created.body), (json{{"posted", {{"a", 1}}}, {"id", "7"}}));

  const HttpResponse search =
      router_.answer(request("GET", "/search", {{"tag", "b"}, {"q", "prêt"}, {"tag", "a"}}));
  EXPECT_EQ(json::parse(search.body), (json{{"q", "prêt"}, {"tags", {"b", "a"}}}));
}

TEST_F(RouterTest, WhatNoHandlerTakesGetsItsStatusAndAJsonError) {
  EXPECT_EQ(error_of(router_.answer(request("GET", "/nowhere")))["detail"],
            "no route GET /nowhere (see /openapi.json)");
  EXPECT_EQ(router_.answer(request("GET", "/api/v1/clients/42")).status, 404);

  const HttpResponse wrong = router_.answer(request("DELETE", "/api/v1/clients/42/score"));
  EXPECT_EQ(wrong.status, 405);
  ASSERT_EQ(wrong.headers.size(), 1u);
  EXPECT_EQ(wrong.headers[0], (std::pair<std::string, std::string>{"Allow", "GET, POST"}));

  HttpRequest big = request("POST", "/api/v1/clients/7/score");
  big.content_type = "application/json";
  big.body = std::string(101, ' ');
  const HttpResponse too_large = router_.answer(big);
  EXPECT_EQ(too_large.status, 413);
  EXPECT_NE(error_of(too_large)["detail"].get<std::string>().find("at most 100"),
            std::string::npos);

  HttpRequest unreadable = request("GET", "/search");
  unreadable.malformed = "the query string is not valid percent-encoding";
  const HttpResponse bad = router_.answer(unreadable);
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(error_of(bad)["detail"], unreadable.malformed);
}

TEST_F(RouterTest, HandlersRefusalsAndFailuresAreAnsweredNeverThrown) {
  const HttpResponse refused = router_.answer(request("GET", "/refused"));
  EXPECT_EQ(refused.status, 422);
  EXPECT_EQ(error_of(refused)["detail"], "no good");
  const HttpResponse not_integer = router_.answer(request("GET", "/api/v1/clients/4x/score"));
  EXPECT_EQ(not_integer.status, 400);
  HttpRequest form = request("POST", "/api/v1/clients/7/score");
  form.content_type = "text/plain";
  EXPECT_EQ(router_.answer(form).status, 415);

  ::testing::internal::CaptureStderr();
  const HttpResponse broken = router_.answer(request("GET", "/broken"));
  const std::string logged = ::testing::internal::GetCapturedStderr();
  EXPECT_EQ(broken.status, 500);
  EXPECT_EQ(error_of(broken)["detail"], "the server failed on this request; it is logged");
  EXPECT_NE(logged.find("our bug"), std::string::npos) << "logged for us, not sent to the client";

  router_.answer(request("GET", "/nowhere"));
  const std::string counted = metrics_.text();
  EXPECT_NE(counted.find("route=\"/refused\",status=\"422\""), std::string::npos) << counted;
  EXPECT_NE(counted.find("route=\"unrouted\",status=\"404\""), std::string::npos) << counted;
}

TEST_F(RouterTest, FilesAnswerOnlyWhatNoRouteTakesLongestPrefixFirst) {
  const testing::TemporaryDirectory web("router-web"), docs("router-docs");
  std::ofstream(web.path() / "index.html") << "<!doctype html>";
  std::ofstream(web.path() / "search") << "a file shadowed by the route";
  std::ofstream(docs.path() / "ui.css") << "body{}";
  router_.mount(StaticFiles("/", web.path()));
  router_.mount(StaticFiles("/docs/assets", docs.path()));

  const HttpResponse index = router_.answer(request("GET", "/"));
  EXPECT_EQ(index.status, 200);
  EXPECT_EQ(index.body, "<!doctype html>");
  EXPECT_EQ(router_.answer(request("GET", "/docs/assets/ui.css")).body, "body{}");
  EXPECT_EQ(router_.answer(request("GET", "/search")).content_type, "application/json");
  EXPECT_EQ(router_.answer(request("POST", "/index.html")).status, 404);
}

TEST_F(RouterTest, AFailureIsLoggedUnderAnIdTheCallerIsGiven) {
  const json first = error_of(router_.answer(request("GET", "/kind/internal")));
  const json second = error_of(router_.answer(request("GET", "/kind/anything")));
  ASSERT_TRUE(first.contains("request_id")) << first;
  EXPECT_TRUE(first["request_id"].get<std::string>().starts_with("req-"));
  EXPECT_NE(first["request_id"], second["request_id"]);
  EXPECT_FALSE(error_of(router_.answer(request("GET", "/kind/missing"))).contains("request_id"));
}

TEST_F(RouterTest, ANumberBeyondADoubleIsAnInvalidValueNamingItsField) {
  HttpRequest post = request("POST", "/api/v1/clients/7/score");
  post.content_type = "application/json";
  post.body = R"({"application": {"NAME_CONTRACT_TYPE": "Cash loans", "AMT_INCOME_TOTAL": 1e999}})";
  const HttpResponse overflow = router_.answer(post);
  EXPECT_EQ(overflow.status, 422);
  EXPECT_EQ(error_of(overflow)["detail"],
            "application.AMT_INCOME_TOTAL: 1e999 is not a number any field can hold (beyond the "
            "range of a double)");
  post.body = R"([1, -1e400])";
  EXPECT_EQ(error_of(router_.answer(post))["detail"],
            "the body: -1e400 is not a number any field can hold (beyond the range of a double)");
  post.body = R"({"a": 1} trailing)";
  EXPECT_EQ(router_.answer(post).status, 400);
}

TEST_F(RouterTest, EachErrorKindHasItsStatusAndOnlyTheClientsFaultsSayWhy) {
  const struct {
    std::string kind;
    int status;
    std::string detail;
  } cases[] = {
      {"missing", 404, "no such thing"},
      {"taken", 409, "already there"},
      {"unsupported", 422, "not in this version"},
      {"corrupt", 500, "the server failed on this request; it is logged"},
      {"internal", 500, "the server failed on this request; it is logged"},
      {"anything", 500, "the server failed on this request; it is logged"},
  };
  for (const auto& c : cases) {
    const HttpResponse response = router_.answer(request("GET", "/kind/" + c.kind));
    EXPECT_EQ(response.status, c.status) << c.kind;
    EXPECT_EQ(error_of(response)["detail"], c.detail) << c.kind;
  }
}

}  // namespace
}  // namespace creditscore::server
