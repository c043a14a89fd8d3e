#include "tables/group_index.h"

#include <gtest/gtest.h>

#include <limits>
#include <map>
#include <random>
#include <vector>

#include "common/parallel.h"

namespace creditscore::tables {
namespace {

std::vector<std::uint32_t> rows(const GroupIndex& index, std::int64_t id) {
  const auto found = index.rows_of(id);
  return {found.begin(), found.end()};
}

TEST(GroupIndex, DenseIdsGroupTheirRowsInFileOrder) {
  const std::vector<Id> ids = {100005, 100002, 100005, 100003, 100002, 100005};
  const GroupIndex index(ids);
  EXPECT_EQ(rows(index, 100005), (std::vector<std::uint32_t>{0, 2, 5}));
  EXPECT_EQ(rows(index, 100002), (std::vector<std::uint32_t>{1, 4}));
  EXPECT_EQ(rows(index, 100003), (std::vector<std::uint32_t>{3}));
  EXPECT_TRUE(index.rows_of(100004).empty());  // inside the range, held by no row
  EXPECT_TRUE(index.rows_of(100001).empty());  // below it
  EXPECT_TRUE(index.rows_of(100006).empty());  // above it
  EXPECT_TRUE(index.rows_of(std::numeric_limits<std::int64_t>::min()).empty());
}

TEST(GroupIndex, IdsFarApartAndAtTheEndsOfTheirTypeAreGroupedToo) {
  constexpr Id kLeast = std::numeric_limits<Id>::min();
  constexpr Id kMost = std::numeric_limits<Id>::max();
  const std::vector<Id> ids = {kMost, kLeast, 0, kMost};
  const GroupIndex index(ids);
  EXPECT_EQ(rows(index, kMost), (std::vector<std::uint32_t>{0, 3}));
  EXPECT_EQ(rows(index, kLeast), (std::vector<std::uint32_t>{1}));
  EXPECT_EQ(rows(index, 0), (std::vector<std::uint32_t>{2}));
  EXPECT_TRUE(index.rows_of(1).empty());
  // Ids asked from outside (an API's) may lie beyond any a table holds.
  EXPECT_TRUE(index.rows_of(std::int64_t{kMost} + 1).empty());
  EXPECT_TRUE(index.rows_of(std::numeric_limits<std::int64_t>::min()).empty());
}

// Rows enough to be cut into parts counted on several threads: each group still lists its rows
// in file order, whatever part they fell in.
TEST(GroupIndex, RowsCountedInPartsOnSeveralThreadsKeepFileOrder) {
  set_thread_budget(3);
  std::vector<Id> ids(900'000);
  std::mt19937 random(3);
  for (Id& id : ids) id = static_cast<Id>(100'000 + random() % 5'000);
  const GroupIndex index(ids);
  set_thread_budget(0);
  std::map<Id, std::vector<std::uint32_t>> expected;
  for (std::size_t r = 0; r < ids.size(); ++r)
    expected[ids[r]].push_back(static_cast<std::uint32_t>(r));
  for (const auto& [id, id_rows] : expected) ASSERT_EQ(rows(index, id), id_rows) << id;
  EXPECT_TRUE(index.rows_of(99'999).empty());
}

// Each id's rows together, in any order of the ids (bureau_balance, credit by credit): groups are
// the runs; a run of an id that came before (the last row here) makes it a counting sort again.
TEST(GroupIndex, RowsThatComeIdByIdAreGroupedAsTheyCome) {
  const std::vector<Id> runs = {100007, 100007, 100002, 100009, 100009, 100009, 100003};
  const GroupIndex index(runs);
  EXPECT_EQ(rows(index, 100007), (std::vector<std::uint32_t>{0, 1}));
  EXPECT_EQ(rows(index, 100002), (std::vector<std::uint32_t>{2}));
  EXPECT_EQ(rows(index, 100009), (std::vector<std::uint32_t>{3, 4, 5}));
  EXPECT_EQ(rows(index, 100003), (std::vector<std::uint32_t>{6}));
  EXPECT_TRUE(index.rows_of(100004).empty());
  EXPECT_EQ(index.rows_of_any(std::vector<std::int64_t>{100007, 100003, 100004}), 3u);

  std::vector<Id> back_again = runs;
  back_again.push_back(100007);
  const GroupIndex again(back_again);
  EXPECT_EQ(rows(again, 100007), (std::vector<std::uint32_t>{0, 1, 7}));
  EXPECT_EQ(rows(again, 100009), (std::vector<std::uint32_t>{3, 4, 5}));
  EXPECT_EQ(rows(again, 100003), (std::vector<std::uint32_t>{6}));
}

// Runs found in parts on several threads: a run across two parts' border is one group, and an id
// whose rows come back in another part is seen, whichever part claims it first.
TEST(GroupIndex, RunsFoundInPartsOnSeveralThreadsAreTheRunsOfTheWholeRows) {
  set_thread_budget(3);
  std::vector<Id> runs;
  for (Id id = 200'000; runs.size() < 900'000; ++id) runs.insert(runs.end(), 7 + id % 13, id);
  const GroupIndex index(runs);
  std::vector<Id> back_again = runs;
  back_again.back() = runs.front();  // in the last part, the first part's id
  const GroupIndex again(back_again);
  set_thread_budget(0);
  for (const GroupIndex* grouped : {&index, &again}) {
    const std::vector<Id>& ids = grouped == &index ? runs : back_again;
    std::map<Id, std::vector<std::uint32_t>> expected;
    for (std::size_t r = 0; r < ids.size(); ++r)
      expected[ids[r]].push_back(static_cast<std::uint32_t>(r));
    for (const auto& [id, id_rows] : expected) ASSERT_EQ(rows(*grouped, id), id_rows) << id;
  }
  EXPECT_EQ(index.rows_of_any(std::vector<std::int64_t>{runs[300'000]}), 7u + runs[300'000] % 13);
}

TEST(GroupIndex, NoRowsHoldNoId) {
  const GroupIndex index(std::span<const Id>{});
  EXPECT_TRUE(index.rows_of(0).empty());
  EXPECT_EQ(index.rows_of_any(std::vector<std::int64_t>{0, 1}), 0u);
}

// The rows of the clients asked, each client once however often asked, in both lookups.
TEST(GroupIndex, RowsOfAnyCountEachIdOnce) {
  const std::vector<Id> dense = {100005, 100002, 100005, 100003, 100002, 100005};
  const std::vector<Id> far = {std::numeric_limits<Id>::max(), 0, 7, 0};
  const std::vector<std::int64_t> asked = {100005, 100004, 100005, 100003, 0, 7};
  EXPECT_EQ(GroupIndex(dense).rows_of_any(asked), 4u);  // 100005 three times, 100003 once
  EXPECT_EQ(GroupIndex(far).rows_of_any(asked), 3u);    // 0 twice, 7 once
  EXPECT_EQ(GroupIndex(dense).rows_of_any({}), 0u);
}

}  // namespace
}  // namespace creditscore::tables
