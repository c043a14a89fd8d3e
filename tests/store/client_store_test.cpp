#include "store/client_store.h"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <functional>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>

#include "common/error.h"
#include "store/application_json.h"
#include "store/history_summary.h"
#include "tables/table_from_fields.h"
#include "tests/support/error_kind.h"
#include "tests/support/temporary_directory.h"
#include "tests/support/test_database.h"

namespace creditscore::store {
namespace {

constexpr float kMissing = std::numeric_limits<float>::quiet_NaN();

StoredClient client(std::int64_t id, ClientSplit split, float first_feature) {
  StoredClient c;
  c.id = id;
  c.split = split;
  if (split == ClientSplit::Train) c.target = static_cast<int>(id % 2);
  c.application = R"({"SK_ID_CURR":)" + std::to_string(id) +
                  R"(,"NAME_CONTRACT_TYPE":"Cash loans","AMT_INCOME_TOTAL":)" +
                  std::to_string(id % 1000 * 1000) + R"(,"AMT_CREDIT":null})";
  c.summary = R"({"history":[]})";
  c.features = {first_feature, kMissing, 2.5f};
  c.probability = 0.001 * static_cast<double>(id % 1000);
  c.run_id = "run-1";
  return c;
}

class ClientStoreTest : public ::testing::TestWithParam<testing::Backend> {
 protected:
  void SetUp() override {
    ClientStore store(file_);
    store.set_meta({{"A", "B", "C"}, "run-1", "2026-11-24T10:00:00Z", "/data"});
  }
  // Overwrites one column of one client behind the store's back.
  void corrupt(std::int64_t id, const std::string& assignment) {
    Database db(file_);
    db.execute("UPDATE clients SET " + assignment + " WHERE id = " + std::to_string(id));
  }

  const testing::TemporaryDirectory temporary_{"client_store"};
  const testing::TestDatabase database_{GetParam(), temporary_.path() / "clients.sqlite"};
  const std::filesystem::path& file_ = database_.location();
};

std::string message_of(const std::function<void()>& work) {
  try {
    work();
  } catch (const StoreError& error) {
    return error.what();
  }
  return "no StoreError";
}

TEST_P(ClientStoreTest, RoundTripsThroughPutFindListAndLoadAll) {
  ClientStore store(file_);
  const std::vector<StoredClient> clients = {client(7, ClientSplit::Test, 1.0f),
                                             client(3, ClientSplit::Train, -4.0f),
                                             client(12, ClientSplit::New, 0.0f)};
  store.put(clients);
  EXPECT_EQ(store.count(), 3u);

  const std::optional<StoredClient> found = store.find(3);
  ASSERT_TRUE(found.has_value());
  EXPECT_EQ(found->split, ClientSplit::Train);
  EXPECT_EQ(found->target, 1);
  EXPECT_EQ(found->application, clients[1].application);
  EXPECT_EQ(found->summary, clients[1].summary);
  ASSERT_EQ(found->features.size(), 3u);
  EXPECT_EQ(found->features[0], -4.0f);
  EXPECT_TRUE(std::isnan(found->features[1]));
  EXPECT_EQ(found->probability, 0.003);
  EXPECT_EQ(found->run_id, "run-1");
  EXPECT_EQ(found->updated_at.size(), 20u) << found->updated_at;  // 2026-11-24T10:00:00Z
  EXPECT_FALSE(store.find(7)->target.has_value());
  EXPECT_FALSE(store.find(4).has_value());

  const ClientPage page = store.list(0, 10);
  EXPECT_EQ(page.total, 3u);
  ASSERT_EQ(page.rows.size(), 3u);
  EXPECT_EQ(page.rows[0].id, 3);
  EXPECT_EQ(page.rows[1].id, 7);
  EXPECT_EQ(page.rows[2].split, ClientSplit::New);
  EXPECT_EQ(page.rows[0].amt_income_total, 3000.0);
  EXPECT_FALSE(page.rows[0].amt_credit.has_value());
  EXPECT_EQ(page.rows[0].name_contract_type, "Cash loans");
  EXPECT_EQ(page.rows[0].target, 1);
  EXPECT_DOUBLE_EQ(*page.rows[1].probability, 0.007);

  const StoredMatrix all = store.load_all();
  EXPECT_EQ(all.names, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(all.ids, (std::vector<std::int64_t>{3, 7, 12}));
  EXPECT_EQ(all.splits,
            (std::vector<ClientSplit>{ClientSplit::Train, ClientSplit::Test, ClientSplit::New}));
  EXPECT_EQ(all.targets, (std::vector<std::int8_t>{1, kUnknownTarget, kUnknownTarget}));
  EXPECT_EQ(all.probabilities[2], 0.012);
  ASSERT_EQ(all.values.size(), 9u);
  EXPECT_EQ(all.row(1)[0], 1.0f);
  EXPECT_EQ(all.row(2)[2], 2.5f);
  EXPECT_TRUE(std::isnan(all.row(0)[1]));
}

TEST_P(ClientStoreTest, PagesInIdOrderAndSearchesByIdPrefix) {
  ClientStore store(file_);
  std::vector<StoredClient> clients;
  for (std::int64_t id : std::initializer_list<std::int64_t>{1, 10, 11, 100, 109, 110, 2, 21,
                                                             1000001, 9223372036854775807})
    clients.push_back(client(id, ClientSplit::Test, 0.0f));
  store.put(clients);

  auto ids = [](const ClientPage& page) {
    std::vector<std::int64_t> out;
    for (const ClientRow& row : page.rows) out.push_back(row.id);
    return out;
  };
  EXPECT_EQ(ids(store.list(0, 3)), (std::vector<std::int64_t>{1, 2, 10}));
  EXPECT_EQ(ids(store.list(3, 3)), (std::vector<std::int64_t>{11, 21, 100}));
  const ClientPage last = store.list(9, 3);
  EXPECT_EQ(ids(last), (std::vector<std::int64_t>{9223372036854775807}));
  EXPECT_EQ(last.total, 10u);
  EXPECT_TRUE(store.list(50, 3).rows.empty());

  const ClientPage ones = store.list(0, 100, "10");
  EXPECT_EQ(ids(ones), (std::vector<std::int64_t>{10, 100, 109, 1000001}));
  EXPECT_EQ(ones.total, 4u);
  const ClientPage second = store.list(1, 2, "1");
  EXPECT_EQ(ids(second), (std::vector<std::int64_t>{10, 11}));
  EXPECT_EQ(second.total, 7u);
  EXPECT_EQ(ids(store.list(0, 10, "922337203685477580")),
            (std::vector<std::int64_t>{9223372036854775807}));
  EXPECT_EQ(store.list(0, 10, "3").total, 0u);
  EXPECT_EQ(store.list(0, 10, "01").total, 0u);
  EXPECT_EQ(store.list(0, 10, "99999999999999999999").total, 0u);

  const std::string refused = message_of([&] { store.list(0, 10, "12a"); });
  EXPECT_NE(refused.find("'12a'"), std::string::npos) << refused;
  EXPECT_THROW(store.list(0, 10, "-1"), StoreError);
}

TEST_P(ClientStoreTest, PutReplacesAClientWithTheSameId) {
  ClientStore store(file_);
  store.put(std::vector{client(5, ClientSplit::New, 1.0f)});
  StoredClient changed = client(5, ClientSplit::New, 9.0f);
  changed.probability = 0.75;
  changed.run_id = "run-2";
  store.put(std::vector{changed});
  EXPECT_EQ(store.count(), 1u);
  const StoredClient found = *store.find(5);
  EXPECT_EQ(found.features[0], 9.0f);
  EXPECT_EQ(found.probability, 0.75);
  EXPECT_EQ(found.run_id, "run-2");
}

TEST_P(ClientStoreTest, KeepsTheHistoryRowsPostedWithAnApplication) {
  ClientStore store(file_);
  StoredClient posted = client(6, ClientSplit::New, 1.0f);
  posted.posted_history = R"({"bureau.csv":[{"SK_ID_BUREAU":1,"AMT_CREDIT_SUM":2500}]})";
  store.put(std::vector{posted, client(7, ClientSplit::Test, 2.0f)});
  EXPECT_EQ(store.find(6)->posted_history, posted.posted_history);
  EXPECT_EQ(store.find(7)->posted_history, "") << "a data set's client has its rows in the files";
  // Rescored later, without the rows in hand: they stay.
  StoredClient rescored = client(6, ClientSplit::New, 3.0f);
  store.put(std::vector{rescored});
  EXPECT_EQ(store.find(6)->posted_history, posted.posted_history);
}

TEST_P(ClientStoreTest, PutNewSavesOncePerKeyAndRefusesTheKeyWithAnotherRequest) {
  ClientStore store(file_);
  const IdempotencyKey key{"alice POST /api/v1/applications", "k-1", "fingerprint-a"};
  EXPECT_EQ(store.saved_with(key), std::nullopt);
  EXPECT_EQ(store.put_new(client(10, ClientSplit::New, 1.0f), &key), std::nullopt);
  EXPECT_EQ(store.saved_with(key), 10) << "found before anything is scored";
  EXPECT_EQ(store.put_new(client(11, ClientSplit::New, 1.0f), &key), 10) << "a retry";
  EXPECT_FALSE(store.find(11)) << "the retry saved nothing";
  IdempotencyKey other = key;
  other.fingerprint = "fingerprint-b";
  for (const std::string& message :
       {message_of([&] { store.put_new(client(12, ClientSplit::New, 1.0f), &other); }),
        message_of([&] { store.saved_with(other); })}) {
    EXPECT_NE(message.find("Idempotency-Key \"k-1\" was sent before with another request"),
              std::string::npos)
        << message;
  }
  other = key;
  other.scope = "bob POST /api/v1/applications";
  EXPECT_EQ(store.put_new(client(12, ClientSplit::New, 1.0f), &other), std::nullopt)
      << "bob's key is his own";
  EXPECT_EQ(store.count(), 2u);
}

TEST_P(ClientStoreTest, ANewClientNeverReplacesOneAndNumbersFollowTheStore) {
  ClientStore store(file_);
  EXPECT_EQ(store.next_free_id(), 1);
  store.put_new(client(7, ClientSplit::New, 0.5f));
  EXPECT_EQ(store.next_free_id(), 8) << "whichever server saved client 7";
  // Another server that took 7 too: refused, and the first one's client is intact.
  EXPECT_ERROR_KIND(store.put_new(client(7, ClientSplit::New, 0.9f)), ErrorKind::Conflict);
  EXPECT_EQ(store.find(7)->features[0], 0.5f);
}

TEST_P(ClientStoreTest, PutRefusesAVectorOfTheWrongLengthAndWritesNothing) {
  ClientStore store(file_);
  StoredClient wrong = client(8, ClientSplit::Test, 1.0f);
  wrong.features.pop_back();
  const std::string message = message_of([&] {
    store.put(std::vector{client(4, ClientSplit::Test, 1.0f), wrong});
  });
  EXPECT_NE(message.find("client 8"), std::string::npos) << message;
  EXPECT_EQ(store.count(), 0u);
}

TEST_P(ClientStoreTest, RecordsOutcomesOfPastApplicationsAllOrNone) {
  ClientStore store(file_);
  store.put(std::vector{client(1, ClientSplit::Train, 0.0f), client(2, ClientSplit::Test, 0.0f),
                        client(3, ClientSplit::New, 0.0f)});
  const auto target_of = [&](std::int64_t id) { return store.find(id)->target; };
  const auto original = target_of(1);
  store.record_outcomes(std::vector<Outcome>{{2, 1}, {3, 0}});
  EXPECT_EQ(target_of(2), 1);
  EXPECT_EQ(target_of(3), 0);
  const auto fails_with = [&](std::vector<Outcome> outcomes, ErrorKind kind) {
    try {
      store.record_outcomes(outcomes);
      ADD_FAILURE() << "no error";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), kind) << e.what();
    }
  };
  fails_with({{3, 1}, {1, 0}}, ErrorKind::Conflict);  // a training client
  fails_with({{3, 1}, {99, 0}}, ErrorKind::NotFound);
  fails_with({{3, 7}}, ErrorKind::InvalidInput);
  EXPECT_EQ(target_of(3), 0) << "nothing written by a load that failed";
  EXPECT_EQ(target_of(1), original);
}

TEST_P(ClientStoreTest, RefusesACorruptedFeatureBlobNamingTheClient) {
  {
    ClientStore store(file_);
    store.put(
        std::vector{client(41, ClientSplit::Train, 1.0f), client(42, ClientSplit::Test, 2.0f)});
  }
  const std::array<std::byte, 4> one_float{std::byte{0}, std::byte{0}, std::byte{0x80},
                                           std::byte{0x3f}};  // where three are expected
  Database(file_)
      .prepare("UPDATE clients SET features = ?1 WHERE id = 42")
      .bind_blob(1, one_float)
      .run();
  ClientStore store(file_);
  for (const std::string& message :
       {message_of([&] { store.find(42); }), message_of([&] { store.load_all(); })}) {
    EXPECT_NE(message.find(file_.string()), std::string::npos) << message;
    EXPECT_NE(message.find("client 42"), std::string::npos) << message;
    EXPECT_NE(message.find("4 bytes, expected 12"), std::string::npos) << message;
  }
  EXPECT_EQ(store.find(41)->features[0], 1.0f);
}

TEST_P(ClientStoreTest, RefusesMalformedJsonNamingTheClient) {
  {
    ClientStore store(file_);
    store.put(
        std::vector{client(61, ClientSplit::Train, 1.0f), client(62, ClientSplit::Test, 2.0f)});
  }
  corrupt(62, "application = '{\"AMT_CREDIT\": 12'");
  corrupt(61, "summary = '[1, 2]'");
  ClientStore store(file_);
  const std::string application = message_of([&] { store.find(62); });
  EXPECT_NE(application.find("client 62"), std::string::npos) << application;
  EXPECT_NE(application.find("application is not JSON"), std::string::npos) << application;
  const std::string listed = message_of([&] { store.list(0, 10); });
  EXPECT_NE(listed.find("client 62"), std::string::npos) << listed;
  const std::string summary = message_of([&] { store.find(61); });
  EXPECT_NE(summary.find("client 61: summary is not a JSON object"), std::string::npos) << summary;

  corrupt(61, "split = 'old'");
  const std::string split = message_of([&] { store.find(61); });
  EXPECT_NE(split.find("client 61"), std::string::npos) << split;
  EXPECT_NE(split.find("'old'"), std::string::npos) << split;
}

TEST_P(ClientStoreTest, KeepsEverythingAcrossReopening) {
  {
    ClientStore store(file_);
    store.put(std::vector{client(1, ClientSplit::Train, 3.0f), client(2, ClientSplit::Test, 4.0f)});
  }
  ClientStore reopened(file_);
  EXPECT_EQ(reopened.count(), 2u);
  const StoreMeta meta = reopened.meta();
  EXPECT_EQ(meta.feature_names, (std::vector<std::string>{"A", "B", "C"}));
  EXPECT_EQ(meta.run_id, "run-1");
  EXPECT_EQ(meta.built_at, "2026-11-24T10:00:00Z");
  EXPECT_EQ(meta.data_directory, "/data");
  EXPECT_EQ(reopened.find(2)->features[0], 4.0f);
  EXPECT_EQ(reopened.load_all().rows(), 2u);
  // The stored vectors have three values: two names would make them unreadable.
  EXPECT_THROW(reopened.set_meta({{"A", "B"}, "run-2", "2026-11-25T10:00:00Z", "/data"}),
               StoreError);
  EXPECT_EQ(reopened.meta().run_id, "run-1");
}

TEST(ClientStoreMeta, AStoreWithoutFeatureNamesSaysSo) {
  const testing::TemporaryDirectory temporary("client_store_meta");
  ClientStore store(temporary.path() / "empty.sqlite");
  const std::string message = message_of([&] { store.feature_names(); });
  EXPECT_NE(message.find("no feature names"), std::string::npos) << message;
  EXPECT_THROW(store.put(std::vector{client(1, ClientSplit::New, 0.0f)}), StoreError);
}

TEST(ApplicationJson, HoldsEveryColumnButTargetInOrderWithNullForMissing) {
  const tables::TableSchema& schema = tables::schema_of(tables::TableId::ApplicationTrain);
  std::vector<std::optional<std::string>> fields(schema.columns.size());
  fields[schema.index_of("SK_ID_CURR")] = "100002";
  fields[schema.index_of("TARGET")] = "1";
  fields[schema.index_of("NAME_CONTRACT_TYPE")] = "Cash \"loans\"";
  fields[schema.index_of("AMT_CREDIT")] = "406597.5";
  fields[schema.index_of("DAYS_BIRTH")] = "-9461";
  fields[schema.index_of("EXT_SOURCE_2")] = "0.1";
  const tables::Table table =
      tables::table_from_fields(tables::TableId::ApplicationTrain, {fields});

  const std::string text = application_json(table, 0);
  const nlohmann::ordered_json document = nlohmann::ordered_json::parse(text);
  ASSERT_EQ(document.size(), schema.columns.size() - 1);
  EXPECT_FALSE(document.contains("TARGET"));
  EXPECT_EQ(document.begin().key(), "SK_ID_CURR");
  EXPECT_EQ(std::next(document.begin()).key(), schema.columns[2].name);
  EXPECT_EQ(document["SK_ID_CURR"], 100002);
  EXPECT_EQ(document["NAME_CONTRACT_TYPE"], "Cash \"loans\"");
  EXPECT_EQ(document["AMT_CREDIT"], 406597.5);
  EXPECT_TRUE(document["DAYS_BIRTH"].is_number_integer());
  EXPECT_EQ(document["DAYS_BIRTH"], -9461);
  EXPECT_EQ(document["EXT_SOURCE_2"].get<double>(), 0.1);  // the float's shortest form
  EXPECT_TRUE(document["AMT_ANNUITY"].is_null());
  EXPECT_TRUE(document["CODE_GENDER"].is_null());
  EXPECT_NE(text.find(R"("EXT_SOURCE_2":0.1,)"), std::string::npos);
}

TEST(HistoryRowCount, RecoversTheCountFromSumMeanAndShares) {
  EXPECT_EQ(history_row_count(kMissing, kMissing, {}), 0u);  // no rows at all
  EXPECT_EQ(history_row_count(300.0f, 100.0f, {}), 3u);
  // The column is given on 2 of 5 rows; shares 2/5 and 3/5 settle it.
  const std::vector<float> fifths = {0.4f, 0.6f, 0.0f};
  EXPECT_EQ(history_row_count(20.0f, 10.0f, fifths), 5u);
  // Never given (sum 0, mean missing): the shares alone.
  const std::vector<float> sevenths = {static_cast<float>(3.0 / 7), static_cast<float>(4.0 / 7)};
  EXPECT_EQ(history_row_count(0.0f, kMissing, sevenths), 7u);
  EXPECT_FALSE(history_row_count(0.0f, kMissing, {}).has_value());
  const std::vector<float> all_or_nothing = {1.0f, 0.0f};
  EXPECT_EQ(history_row_count(0.0f, 0.0f, all_or_nothing), 1u);  // the smallest consistent
  EXPECT_EQ(history_row_count(120.0f, 10.0f, all_or_nothing), 12u);
}

TEST(HistorySummary, SummarisesByFeatureNameWithNullForMissing) {
  const std::vector<std::string> names = {"BURO_AMT_CREDIT_SUM_SUM",
                                          "BURO_AMT_CREDIT_SUM_MEAN",
                                          "BURO_CREDIT_ACTIVE_Active_MEAN",
                                          "BURO_CREDIT_ACTIVE_Closed_MEAN",
                                          "BURO_AMT_CREDIT_SUM_DEBT_SUM",
                                          "BURO_CREDIT_DAY_OVERDUE_MAX",
                                          "PREV_CNT_PAYMENT_SUM",
                                          "PREV_CNT_PAYMENT_MEAN",
                                          "PREV_NAME_CONTRACT_STATUS_Approved_MEAN",
                                          "PREV_NAME_CONTRACT_STATUS_Refused_MEAN",
                                          "INSTAL_COUNT",
                                          "INSTAL_DPD_MAX",
                                          "INSTAL_DPD_MEAN",
                                          "AMT_CREDIT"};
  const HistorySummary summarize(names);
  // 4 bureau credits (3 active), 3 previous applications (1 refused, one without a term).
  const std::vector<float> features = {400000.0f, 100000.0f, 0.75f, 0.25f,    125000.5f,
                                       12.0f,     24.0f,     12.0f, 2.0f / 3, 1.0f / 3,
                                       30.0f,     kMissing,  0.5f,  1.0f};
  const nlohmann::ordered_json summary = summarize(features);
  const nlohmann::ordered_json& history = summary["history"];
  std::map<std::string, nlohmann::ordered_json> values;
  for (const auto& entry : history) {
    EXPECT_FALSE(entry["label_fr"].get<std::string>().empty());
    EXPECT_FALSE(entry["label_en"].get<std::string>().empty());
    values[entry["key"]] = entry["value"];
  }
  EXPECT_EQ(values["bureau_credits"], 4);
  EXPECT_EQ(values["bureau_active_credits"], 3);
  EXPECT_EQ(values["bureau_debt"], 125000.5);
  EXPECT_EQ(values["bureau_days_overdue_max"], 12);
  EXPECT_EQ(values["previous_applications"], 3);
  EXPECT_EQ(values["previous_refused_share"], 0.33333334);  // the float's shortest form
  EXPECT_EQ(values["instalments"], 30);
  EXPECT_TRUE(values["instalment_days_late_max"].is_null());
  EXPECT_EQ(values["instalment_days_late_mean"], 0.5);
  EXPECT_FALSE(values.contains("card_utilisation"));  // no card features in this catalogue
  EXPECT_EQ(summary.dump().find("NaN"), std::string::npos);

  // No history at all: counts are 0, amounts unknown.
  const std::vector<float> newcomer(names.size(), kMissing);
  const nlohmann::ordered_json empty = summarize(newcomer);
  for (const auto& entry : empty["history"]) {
    if (entry["unit"] == "count") {
      EXPECT_EQ(entry["value"], 0) << entry.dump();
    } else {
      EXPECT_TRUE(entry["value"].is_null()) << entry.dump();
    }
  }
}

TEST(HistorySummary, ShowsCardUtilisationWhenTheCatalogueHasIt) {
  const std::vector<std::string> names = {"CC_AMT_BALANCE_MEAN", "CC_AMT_CREDIT_LIMIT_ACTUAL_MEAN"};
  const HistorySummary summarize(names);
  const auto entries = summarize(std::vector<float>{45000.0f, 90000.0f})["history"];
  ASSERT_EQ(entries.size(), 1u);
  EXPECT_EQ(entries[0]["key"], "card_utilisation");
  EXPECT_EQ(entries[0]["value"], 0.5);
  EXPECT_TRUE(summarize(std::vector<float>{45000.0f, 0.0f})["history"][0]["value"].is_null());
}

INSTANTIATE_TEST_SUITE_P(Backends, ClientStoreTest,
                         ::testing::Values(testing::Backend::SQLite, testing::Backend::PostgreSQL),
                         testing::backend_name);

}  // namespace
}  // namespace creditscore::store
