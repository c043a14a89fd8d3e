// Reads one Home Credit CSV file into a typed Table, checking it against the expected schema.
// Accepts the real Kaggle files unchanged: quoted fields (with commas or doubled quotes inside),
// empty field = missing, CRLF or LF line endings, UTF-8 with or without a byte-order mark.
// Any problem throws TableError naming the file, the line and the column.
#pragma once

#include <filesystem>
#include <string_view>

#include "tables/progress.h"
#include "tables/schema.h"
#include "tables/table.h"

namespace creditscore::tables {

// Reads `file`, whose header must equal `schema`'s columns, on at most `threads` threads (0: the
// thread budget). Progress is reported in bytes, from the calling thread.
Table read_table(const std::filesystem::path& file, const TableSchema& schema,
                 const ProgressFn& progress = {}, std::size_t threads = 0);

// Parses CSV text already in memory; `source_name` is used as the file name in errors.
Table parse_table(std::string_view text, const TableSchema& schema, std::string_view source_name);

}  // namespace creditscore::tables
