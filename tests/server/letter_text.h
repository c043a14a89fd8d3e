// The text of a client's letter as the server sends it, read back by pdftotext, with spaces made
// comparable.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "tests/server/running_server.h"
#include "tests/support/run_command.h"

namespace creditscore::server {

// `text` with each run of spaces (narrow ones too) and line ends as one space: pdftotext wraps
// lines as the letter does, and may write a narrow space as a plain one.
inline std::string flat(std::string text) {
  for (const std::string narrow : {"\u202f", "\u00a0"}) {
    for (auto at = text.find(narrow); at != std::string::npos; at = text.find(narrow, at))
      text.replace(at, narrow.size(), " ");
  }
  std::string words;
  for (char c : text) {
    if (c == '\n' || c == ' ') {
      if (!words.empty() && words.back() != ' ') words += ' ';
    } else {
      words += c;
    }
  }
  return words;
}

// The flat text of client `id`'s letter in `lang`, its PDF written in `scratch`.
inline std::string letter_text(RunningServer& server, std::int64_t id, const std::string& lang,
                               const std::filesystem::path& scratch) {
  const auto answer =
      server.client->Get("/api/v1/clients/" + std::to_string(id) + "/letter?lang=" + lang,
                         server.as(store::Role::Advisor));
  EXPECT_TRUE(answer);
  if (!answer) return "";
  EXPECT_EQ(answer->status, 200) << answer->body;
  EXPECT_EQ(answer->get_header_value("Content-Type"), "application/pdf");
  EXPECT_TRUE(answer->body.starts_with("%PDF-"));
  const std::filesystem::path pdf = scratch / ("letter-" + lang + ".pdf");
  std::ofstream(pdf, std::ios::binary) << answer->body;
  const testing::CommandResult text = testing::run_command("pdftotext " + pdf.string() + " -");
  EXPECT_EQ(text.status, 0) << text.output;
  return flat(text.output);
}

}  // namespace creditscore::server
