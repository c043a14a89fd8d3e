// The OpenAPI document is the API's contract: every answer of the server tests is checked against
// it (running_server.h). Here: the checker itself refuses what breaks a schema, and the document
// gives every operation a schema for its body and its answers.
#include "server/openapi.h"

#include <gtest/gtest.h>

#include <fstream>

#include "tests/support/schema_check.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const json kDocument = openapi_document();

std::vector<std::string> violations(const json& value, const std::string& schema) {
  return testing::schema_violations(value, {{"$ref", "#/components/schemas/" + schema}}, kDocument);
}

TEST(OpenApi, TheCheckerAcceptsAConformingAnswerAndNamesEachBreach) {
  const json score = {{"probability", 0.12}, {"decision", "granted"}, {"threshold", 0.3},
                      {"distance", -0.18},   {"model", "run-1"},      {"id", 100002}};
  EXPECT_TRUE(violations(score, "ClientScore").empty());

  json missing = score;
  missing.erase("threshold");
  json extra = score;
  extra["secret"] = 1;
  json mistyped = score;
  mistyped["id"] = "100002";
  json unknown = score;
  unknown["decision"] = "maybe";
  json null = score;
  null["probability"] = nullptr;
  const struct {
    json value;
    std::string expected;
  } cases[] = {
      {missing, "$: required property threshold missing"},
      {extra, "$: property secret is not in the schema"},
      {mistyped, "$.id: expected integer, got \"100002\""},
      {unknown, "$.decision: \"maybe\" is not one of [\"granted\",\"refused\"]"},
      {null, "$.probability: null is not allowed"},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(violations(c.value, "ClientScore"), std::vector<std::string>{c.expected});
  }
  EXPECT_EQ(violations(json::array({0.1, 0.2}), "LegacyPrediction"),
            std::vector<std::string>{"$: fewer than 3 items"});
}

TEST(OpenApi, EveryOperationHasABodySchemaAndAnAnswerSchemaPerStatus) {
  for (const auto& [path, operations] : kDocument["paths"].items()) {
    for (const auto& [method, operation] : operations.items()) {
      const std::string where = method + " " + path;
      if (method == "post") {
        EXPECT_TRUE(
            operation["requestBody"]["content"]["application/json"]["schema"].contains("$ref"))
            << where;
      }
      for (const auto& [status, response] : operation["responses"].items()) {
        const json& content = response["content"];
        ASSERT_FALSE(content.empty()) << where << " " << status;
        for (const auto& [type, body] : content.items()) {
          ASSERT_TRUE(body.contains("schema")) << where << " " << status;
          const json& schema = body["schema"];
          if (schema.contains("$ref")) {
            const std::string ref = schema["$ref"];
            EXPECT_TRUE(kDocument.contains(json::json_pointer(ref.substr(1))))
                << where << " " << status << ": " << ref;
          }
        }
      }
    }
  }
}

TEST(OpenApi, TheCopyTheDashboardIsTypedFromIsThisDocument) {
  std::ifstream copy(std::string(CREDITSCORE_SOURCE_DIR) + "/docs/openapi.json");
  ASSERT_TRUE(copy) << "docs/openapi.json is missing";
  EXPECT_EQ(json::parse(copy), kDocument)
      << "docs/openapi.json is out of date: run creditscore openapi --out docs/openapi.json";
}

}  // namespace
}  // namespace creditscore::server
