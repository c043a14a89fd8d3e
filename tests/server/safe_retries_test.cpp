// Safe retries through the real server: a new application or a decision sent again with the same
// Idempotency-Key is created once, and the retry gets the first answer; the same key with another
// request is refused; a key lasts across a restart and belongs to its caller.
#include <gtest/gtest.h>

#include <thread>

#include "store/access_store.h"
#include "tests/server/running_server.h"
#include "tests/support/bad_applications.h"

namespace creditscore::server {
namespace {

using nlohmann::json;

const auto* const kData = ::testing::AddGlobalTestEnvironment(new ServedData);

class SafeRetriesTest : public ::testing::Test {
 protected:
  // POST with `key`, as `caller` (the route's first role's token when none).
  httplib::Result send(const std::string& path, const json& body, const std::string& key,
                       httplib::Headers caller = {}) {
    httplib::Headers headers = caller.empty() ? server_.as_allowed("POST", path) : caller;
    headers.emplace("Idempotency-Key", key);
    return server_.client->Post(path, headers, body.dump(), "application/json");
  }
  // The answer checked as every answer is, against the route's schema.
  json sent(const std::string& path, const json& body, const std::string& key, int status,
            bool replayed = false) {
    const auto result = send(path, body, key);
    if (result) {
      EXPECT_EQ(result->get_header_value("Idempotent-Replayed"), replayed ? "true" : "")
          << path << " with key " << key;
    }
    return RunningServer::checked(result, status, "post", path);
  }
  std::size_t clients() { return server_.get("/api/v1/clients?limit=1")["total"]; }

  const json application_ = {{"application", testing::complete_application()}};
  const testing::TemporaryDirectory work_{"retries"};
  RunningServer server_{work_.path()};
};

TEST_F(SafeRetriesTest, AnApplicationSentTwiceIsSavedOnceAndTheRetryGetsTheFirstAnswer) {
  const std::size_t before = clients();
  const json first = sent("/api/v1/applications", application_, "a1b2-first", 201);
  const json again = sent("/api/v1/applications", application_, "a1b2-first", 201, true);
  EXPECT_EQ(again["id"], first["id"]);
  EXPECT_EQ(again["probability"], first["probability"]);
  EXPECT_EQ(again["contributions"], first["contributions"]);
  EXPECT_EQ(clients(), before + 1);

  // The same key with another request is refused, and saves nothing.
  json other = application_;
  other["application"]["AMT_CREDIT"] = 123456;
  const json refused = sent("/api/v1/applications", other, "a1b2-first", 422);
  EXPECT_NE(refused["detail"].get<std::string>().find("Idempotency-Key"), std::string::npos)
      << refused;
  // Another key is another application; another caller's key is its own.
  EXPECT_NE(sent("/api/v1/applications", application_, "a1b2-second", 201)["id"], first["id"]);
  const std::string colleague = store::AccessStore(server_.settings.store)
                                    .create_token("colleague", store::Role::Advisor, std::nullopt);
  const auto theirs = send("/api/v1/applications", application_, "a1b2-first",
                           {{"Authorization", "Bearer " + colleague}});
  ASSERT_TRUE(theirs);
  EXPECT_EQ(theirs->status, 201) << theirs->body;
  EXPECT_NE(json::parse(theirs->body)["id"], first["id"]);
  EXPECT_EQ(clients(), before + 3);

  // Kept in the store: a retry after a restart still finds its first answer.
  server_.stop();
  server_.start();
  EXPECT_EQ(sent("/api/v1/applications", application_, "a1b2-first", 201, true)["id"], first["id"]);
  EXPECT_EQ(clients(), before + 3);
}

TEST_F(SafeRetriesTest, RetriesSentAtOnceSaveOneApplication) {
  const std::size_t before = clients();
  std::vector<std::int64_t> ids(6, 0);
  std::vector<std::thread> senders;
  for (std::size_t t = 0; t < ids.size(); ++t) {
    senders.emplace_back([&, t] {
      httplib::Client client("127.0.0.1", server_.port);
      httplib::Headers headers = server_.as_allowed("POST", "/api/v1/applications");
      headers.emplace("Idempotency-Key", "at-once");
      const auto answer =
          client.Post("/api/v1/applications", headers, application_.dump(), "application/json");
      if (answer && answer->status == 201) ids[t] = json::parse(answer->body)["id"];
    });
  }
  for (std::thread& sender : senders) sender.join();
  for (const std::int64_t id : ids) EXPECT_EQ(id, ids[0]);
  EXPECT_NE(ids[0], 0);
  EXPECT_EQ(clients(), before + 1);
}

TEST_F(SafeRetriesTest, ADecisionSentTwiceIsRecordedOnce) {
  const std::int64_t id =
      server_.get("/api/v1/applications?limit=2")["applications"][0]["id"].get<std::int64_t>();
  const std::string path = "/api/v1/clients/" + std::to_string(id) + "/decision";
  const json decision = {{"decision", "refused"},
                         {"comment", "Refus confirmé après l'entretien en agence."}};
  const json first = sent(path, decision, "decision-7", 201);
  const json again = sent(path, decision, "decision-7", 201, true);
  EXPECT_EQ(again["id"], first["id"]);
  EXPECT_EQ(again["at"], first["at"]);
  const std::string history = "/api/v1/clients/" + std::to_string(id) + "/decisions";
  EXPECT_EQ(server_.get(history)["decisions"].size(), 1u);

  json changed = decision;
  changed["comment"] = "Refus confirmé, autre commentaire que la première fois.";
  sent(path, changed, "decision-7", 422);
  // The key on another client is another request too.
  const std::int64_t next =
      server_.get("/api/v1/applications?limit=1")["applications"][0]["id"].get<std::int64_t>();
  sent("/api/v1/clients/" + std::to_string(next) + "/decision", decision, "decision-7", 422);
  EXPECT_EQ(server_.get(history)["decisions"].size(), 1u);
}

TEST_F(SafeRetriesTest, AKeyMustBeShortAndVisible) {
  const std::size_t before = clients();
  for (const std::string& key : {std::string(256, 'k'), std::string("two words")}) {
    const json refused = sent("/api/v1/applications", application_, key, 422);
    EXPECT_NE(refused["detail"].get<std::string>().find("Idempotency-Key header"),
              std::string::npos)
        << refused;
  }
  EXPECT_EQ(clients(), before);
}

}  // namespace
}  // namespace creditscore::server
