// A document for people, in French or English: a title block, sections of paragraphs and lists,
// a closing. The client's letter and the model card are documents; document_pdf and
// document_markdown render one.
#pragma once

#include <string>
#include <vector>

#include "explain/reason_codes.h"

namespace creditscore::app {

struct DocumentSection {
  std::string heading;
  std::vector<std::string> paragraphs;
  std::vector<std::string> items;  // a list after the paragraphs
};

struct Document {
  std::string sender;                // who writes: the lender's name, or the document's title
  std::vector<std::string> heading;  // date, reference, subject
  std::vector<DocumentSection> sections;
  std::string closing;
};

// A document's words in the reader's language: `fr` or `en`.
std::string say(explain::Language language, std::string fr, std::string en);

// "2 décembre 2026" or "2 December 2026" from an ISO 8601 date or time.
std::string long_date(const std::string& iso, explain::Language language);

}  // namespace creditscore::app
