// A document (a letter, the model card) rendered as a PDF with Cairo and Pango: real text (a reader
// can copy or extract it), fonts with every accent, A4 pages, paragraphs wrapped and carried over
// to a new page.
#pragma once

#include <string>

#include "app/document.h"

namespace creditscore::app {

// The PDF document's bytes.
std::string document_pdf(const Document& document);

}  // namespace creditscore::app
