#include "app/document_markdown.h"

#include <cctype>

namespace creditscore::app {
namespace {

// One line or paragraph of text, its markup characters escaped; a number followed by a dot at
// its start would make an ordered list.
std::string text(const std::string& words) {
  std::string escaped;
  for (std::size_t i = 0; i < words.size(); ++i) {
    const char c = words[i];
    if (c == '\n') {
      escaped += ' ';
      continue;
    }
    const bool markup = c == '\\' || c == '*' || c == '_' || c == '`' || c == '[' || c == ']' ||
                        c == '|' || c == '<' || (i == 0 && (c == '#' || c == '-' || c == '+'));
    if (markup) escaped += '\\';
    escaped += c;
  }
  std::size_t digits = 0;
  while (digits < escaped.size() && std::isdigit(static_cast<unsigned char>(escaped[digits])))
    ++digits;
  if (digits > 0 && digits < escaped.size() && escaped[digits] == '.') escaped.insert(digits, "\\");
  return escaped;
}

}  // namespace

std::string document_markdown(const Document& document) {
  std::string out = "# " + text(document.sender) + "\n\n";
  for (const std::string& line : document.heading) out += text(line) + "  \n";
  for (const DocumentSection& section : document.sections) {
    out += "\n## " + text(section.heading) + "\n";
    for (const std::string& paragraph : section.paragraphs) out += "\n" + text(paragraph) + "\n";
    if (!section.items.empty()) out += "\n";
    for (const std::string& item : section.items) out += "- " + text(item) + "\n";
  }
  if (!document.closing.empty()) out += "\n" + text(document.closing) + "\n";
  return out;
}

}  // namespace creditscore::app
