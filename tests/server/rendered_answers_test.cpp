// The texts /predict keeps: given back only for the very explanation they were rendered from.
#include "server/rendered_answers.h"

#include <gtest/gtest.h>

namespace creditscore::server {
namespace {

app::ExplanationCache::Explanation explanation(double probability) {
  return std::make_shared<const app::ExplanationCache::Explained>(
      app::ExplanationCache::Explained{{0.5, -0.25}, probability});
}

TEST(RenderedAnswers, TheSameExplanationIsRenderedOnce) {
  RenderedAnswers answers(8);
  const auto explained = explanation(0.1);
  int renders = 0;
  const auto render = [&] { return "answer " + std::to_string(++renders); };
  EXPECT_EQ(*answers.text(100002, explained, render), "answer 1");
  EXPECT_EQ(*answers.text(100002, explained, render), "answer 1");
  EXPECT_EQ(renders, 1);
}

TEST(RenderedAnswers, ANewExplanationOfTheSameClientIsRenderedAnew) {
  RenderedAnswers answers(8);
  int renders = 0;
  const auto render = [&] { return "answer " + std::to_string(++renders); };
  EXPECT_EQ(*answers.text(100002, explanation(0.1), render), "answer 1");
  // Under a new model, or computed again after the explanation cache let it go.
  EXPECT_EQ(*answers.text(100002, explanation(0.1), render), "answer 2");
}

TEST(RenderedAnswers, ClientsSharingASlotNeverGetEachOthersText) {
  RenderedAnswers answers(8);
  const auto first = explanation(0.1), second = explanation(0.2);
  const auto text_of = [](std::int64_t id) { return [id] { return std::to_string(id); }; };
  EXPECT_EQ(*answers.text(3, first, text_of(3)), "3");
  EXPECT_EQ(*answers.text(11, second, text_of(11)), "11");  // 11 % 8 == 3: takes the slot
  EXPECT_EQ(*answers.text(3, second, text_of(3)), "3");     // another client's explanation
  EXPECT_EQ(*answers.text(11, second, text_of(99)), "99");  // its slot went to client 3
}

}  // namespace
}  // namespace creditscore::server
