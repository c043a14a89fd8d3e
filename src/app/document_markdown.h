// A document (a letter, the model card) as Markdown: the sender as the title, the heading lines,
// each section under a second-level heading, its lists as bullets. Text that Markdown would read
// as markup (a leading "#", "-", "1." or a "*", "_", "`", "[", "|", "\") is escaped, so what
// shows is what the document says.
#pragma once

#include <string>

#include "app/document.h"

namespace creditscore::app {

std::string document_markdown(const Document& document);

}  // namespace creditscore::app
