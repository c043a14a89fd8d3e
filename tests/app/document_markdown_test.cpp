// A document as Markdown: its structure, and text that Markdown would read as markup shown as
// written.
#include "app/document_markdown.h"

#include <gtest/gtest.h>

namespace creditscore::app {
namespace {

TEST(DocumentMarkdown, SectionsBecomeHeadingsParagraphsAndBullets) {
  Document document;
  document.sender = "Model card";
  document.heading = {"Model 1", "Trained on 2 December 2026"};
  document.sections = {{"Quality", {"Measured out of fold."}, {"AUC: 0.78", "Brier: 0.07"}},
                       {"Limits", {}, {"Few clients over 65."}}};
  document.closing = "Prêt à dépenser";
  EXPECT_EQ(document_markdown(document),
            "# Model card\n\n"
            "Model 1  \nTrained on 2 December 2026  \n"
            "\n## Quality\n\nMeasured out of fold.\n\n- AUC: 0.78\n- Brier: 0.07\n"
            "\n## Limits\n\n- Few clients over 65.\n"
            "\nPrêt à dépenser\n");
}

TEST(DocumentMarkdown, MarkupInTheTextIsShownAsWritten) {
  Document document;
  document.sender = "#1 *model*";
  document.sections = {{"A | B", {"2026. A year", "- not a list", "[link](x) `code` a_b \\"}, {}}};
  const std::string markdown = document_markdown(document);
  EXPECT_NE(markdown.find("# \\#1 \\*model\\*\n"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("## A \\| B\n"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\n2026\\. A year\n"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\n\\- not a list\n"), std::string::npos) << markdown;
  EXPECT_NE(markdown.find("\\[link\\](x) \\`code\\` a\\_b \\\\\n"), std::string::npos) << markdown;
}

}  // namespace
}  // namespace creditscore::app
