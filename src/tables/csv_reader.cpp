#include "tables/csv_reader.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <optional>
#include <unordered_set>

#include "common/parallel.h"
#include "tables/column_builder.h"
#include "tables/mapped_file.h"
#include "tables/table_error.h"

namespace creditscore::tables {
namespace {

constexpr std::size_t kMinimumChunk = 4 << 20;   // smaller files are read by one thread
constexpr std::size_t kProgressStep = 16 << 20;  // bytes between two progress reports

// A problem found in a chunk, located relative to the chunk's first line.
struct ChunkProblem {
  std::size_t line;
  std::string column;
  std::string message;
};

struct ChunkResult {
  std::vector<ColumnBuilder> columns;
  std::size_t rows = 0;
  std::size_t lines = 0;  // physical lines consumed
  bool ended_inside_quotes = false;
  std::size_t open_quote_line = 0;
  std::optional<ChunkProblem> problem;
};

std::vector<ColumnBuilder> make_builders(const TableSchema& schema, std::size_t reserve) {
  std::vector<ColumnBuilder> builders;
  for (const ColumnSpec& column : schema.columns) {
    builders.emplace_back(column.kind);
    builders.back().reserve(reserve);
  }
  return builders;
}

// Parses the records of `text`, a piece of the body that starts at a record and ends after a
// newline, or at the end of the file when `final`.
// `reserve`: the rows to make room for (a record ends at each newline, so their count bounds it).
ChunkResult parse_chunk(std::string_view text, const TableSchema& schema, bool final,
                        std::size_t reserve, const std::function<void(std::size_t)>& on_bytes) {
  const std::size_t columns = schema.columns.size();
  ChunkResult result;
  result.columns = make_builders(schema, reserve);
  std::string scratch;
  const char* p = text.data();
  const char* const end = text.data() + text.size();
  const char* reported = p;
  std::size_t line = 0;
  auto fail = [&](std::size_t at, std::string column, std::string message) {
    result.problem = ChunkProblem{at, std::move(column), std::move(message)};
    return result;
  };
  while (p < end) {
    if (*p == '\n' ||
        (*p == '\r' && p + 1 < end && p[1] == '\n')) {  // an empty line carries nothing
      p += *p == '\n' ? 1 : 2;
      ++line;
      continue;
    }
    const std::size_t record_line = line;
    std::size_t field = 0;
    bool record_done = false;
    while (!record_done) {
      std::string_view value;
      bool appended = false;
      if (p < end && *p == '"') {  // p == end: an empty last field, after a final comma
        scratch.clear();
        const std::size_t quote_line = line;
        ++p;
        for (;;) {
          if (p == end) {
            if (!final) {
              result.ended_inside_quotes = true;
              result.open_quote_line = quote_line;
              return result;
            }
            return fail(quote_line, "", "file ends inside a quoted field (truncated?)");
          }
          if (*p == '"') {
            if (p + 1 < end && p[1] == '"') {
              scratch += '"';
              p += 2;
              continue;
            }
            ++p;
            break;
          }
          if (*p == '\n') ++line;
          scratch += *p++;
        }
        value = scratch;
        if (p < end && *p == '\r' && p + 1 < end && p[1] == '\n') ++p;
        if (p < end && *p != ',' && *p != '\n') {
          return fail(record_line, field < columns ? schema.columns[field].name : "",
                      "unexpected text after a closing quote");
        }
      } else if (const char* after =
                     field < columns ? result.columns[field].append_unquoted(p, end) : nullptr) {
        p = after;  // appended already: most ids and numbers, never cut out as text
        appended = true;
      } else {
        const char* start = p;
        while (p < end && *p != ',' && *p != '\n') ++p;
        const char* stop = p;
        if (stop > start && stop[-1] == '\r' && (p == end || *p == '\n')) --stop;
        value = std::string_view(start, static_cast<std::size_t>(stop - start));
      }
      if (field < columns && !appended) {
        if (auto problem = result.columns[field].append(value)) {
          return fail(record_line, schema.columns[field].name, *problem);
        }
      }
      ++field;
      if (p == end) {
        record_done = true;
        if (field < columns && final) {
          return fail(record_line, "",
                      "file ends in the middle of this line (truncated?): " +
                          std::to_string(field) + " of " + std::to_string(columns) + " fields");
        }
      } else if (*p == ',') {
        ++p;
      } else {  // '\n'
        ++p;
        ++line;
        record_done = true;
      }
    }
    if (field != columns) {
      return fail(
          record_line, "",
          "line has " + std::to_string(field) + " fields, expected " + std::to_string(columns));
    }
    ++result.rows;
    if (on_bytes && static_cast<std::size_t>(p - reported) >= kProgressStep) {
      on_bytes(static_cast<std::size_t>(p - reported));
      reported = p;
    }
  }
  if (on_bytes) on_bytes(static_cast<std::size_t>(p - reported));
  result.lines = line;
  return result;
}

// The rows of `text` to make room for: its lines, counted in a sample from its start and scaled
// to its size, with a margin (a short guess only makes a column grow once more).
std::size_t expected_rows(std::string_view text) {
  constexpr std::size_t kSample = 256 << 10;
  const std::string_view sample = text.substr(0, kSample);
  const auto lines = static_cast<std::size_t>(std::count(sample.begin(), sample.end(), '\n')) + 1;
  if (sample.size() == text.size()) return lines;
  return text.size() * lines / sample.size() * 21 / 20 + 64;
}

// Splits a CSV line into its field texts (for the header).
std::vector<std::string> split_header(std::string_view line) {
  std::vector<std::string> names(1);
  bool quoted = false;
  for (char c : line) {
    if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      names.emplace_back();
    } else {
      names.back() += c;
    }
  }
  return names;
}

void check_header(const std::vector<std::string>& found, const TableSchema& schema,
                  const std::string& file) {
  const std::size_t expected = schema.columns.size();
  std::unordered_set<std::string> found_set(found.begin(), found.end());
  std::unordered_set<std::string> expected_set;
  for (const ColumnSpec& column : schema.columns) expected_set.insert(column.name);
  std::string missing, unexpected;
  for (const ColumnSpec& column : schema.columns) {
    if (!found_set.contains(column.name)) missing += (missing.empty() ? "" : ", ") + column.name;
  }
  for (const std::string& name : found) {
    if (!expected_set.contains(name)) unexpected += (unexpected.empty() ? "" : ", ") + name;
  }
  if (!missing.empty() || !unexpected.empty()) {
    std::string message = "header does not match " + schema.file_name + ":";
    if (!missing.empty()) message += " missing column(s) " + missing + ";";
    if (!unexpected.empty()) message += " unexpected column(s) " + unexpected + ";";
    message.pop_back();
    throw TableError(file, 1, "", message);
  }
  if (found.size() != expected) {
    throw TableError(file, 1, "",
                     "header has " + std::to_string(found.size()) + " columns, expected " +
                         std::to_string(expected) + " (a column is repeated)");
  }
  for (std::size_t i = 0; i < expected; ++i) {
    if (found[i] != schema.columns[i].name) {
      throw TableError(file, 1, "",
                       "column " + std::to_string(i + 1) + " is " + found[i] + ", expected " +
                           schema.columns[i].name + " (columns out of order)");
    }
  }
}

// Cuts the body into up to `parts` pieces, each ending just after a newline.
std::vector<std::string_view> split_body(std::string_view body, std::size_t parts) {
  std::vector<std::string_view> chunks;
  std::size_t start = 0;
  for (std::size_t k = 1; k <= parts && start < body.size(); ++k) {
    std::size_t stop = k == parts ? body.size() : std::max(start, body.size() * k / parts);
    if (stop < body.size()) {
      const std::size_t newline = body.find('\n', stop);
      stop = newline == std::string_view::npos ? body.size() : newline + 1;
    }
    chunks.push_back(body.substr(start, stop - start));
    start = stop;
  }
  return chunks;
}

Table parse(std::string_view text, const TableSchema& schema, const std::string& file,
            const ProgressFn& progress) {
  const std::size_t total = text.size();
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // UTF-8 byte-order mark
  if (text.empty()) throw TableError(file, 0, "", "empty file (expected a header line)");
  const std::size_t header_end = text.find('\n');
  std::string_view header = text.substr(0, header_end);
  if (header.ends_with('\r')) header.remove_suffix(1);
  check_header(split_header(header), schema, file);
  const std::string_view body =
      header_end == std::string_view::npos ? std::string_view{} : text.substr(header_end + 1);

  std::atomic<std::size_t> done{total - body.size()};
  auto report = [&](std::size_t bytes) { return done.fetch_add(bytes) + bytes; };
  const std::size_t workers =
      std::max<std::size_t>(1, std::min<std::size_t>(thread_budget(), body.size() / kMinimumChunk));
  std::vector<std::string_view> chunks = split_body(body, workers);
  if (chunks.empty()) chunks.push_back(body);  // a header and no rows: an empty table
  // The first chunk makes room for every chunk's rows, so the others' are appended to it
  // without growing it: no column is copied twice.
  std::vector<std::size_t> rows_expected(chunks.size());
  for (std::size_t k = 0; k < chunks.size(); ++k) rows_expected[k] = expected_rows(chunks[k]);
  std::vector<ChunkResult> results(chunks.size());
  parallel_for(chunks.size(), [&](std::size_t k) {
    const std::size_t reserve =
        k == 0 ? std::accumulate(rows_expected.begin(), rows_expected.end(), std::size_t{0})
               : rows_expected[k];
    // The first chunk is parsed on the calling thread, the only one to report progress.
    results[k] =
        parse_chunk(chunks[k], schema, k + 1 == chunks.size(), reserve, [&](std::size_t b) {
          const std::size_t now = report(b);
          if (k == 0 && progress) progress(schema.file_name, now, total);
        });
  });
  const bool cut_inside_quotes = std::any_of(
      results.begin(), results.end(), [](const ChunkResult& r) { return r.ended_inside_quotes; });
  if (cut_inside_quotes) {  // a quoted field spans two chunks: read the body in one piece
    results.clear();
    results.push_back(parse_chunk(body, schema, true, expected_rows(body), {}));
  }
  std::size_t first_line = 2;
  std::size_t rows = 0;
  for (const ChunkResult& result : results) {
    if (result.problem) {
      throw TableError(file, first_line + result.problem->line, result.problem->column,
                       result.problem->message);
    }
    first_line += result.lines;
    rows += result.rows;
  }
  std::vector<Column> columns(schema.columns.size());
  parallel_for(columns.size(), [&](std::size_t c) {
    ColumnBuilder& merged = results[0].columns[c];
    for (std::size_t k = 1; k < results.size(); ++k)
      merged.append_all(std::move(results[k].columns[c]));
    columns[c] = std::move(merged).finish();
  });
  if (progress) progress(schema.file_name, total, total);
  return Table(schema, std::move(columns), rows);
}

}  // namespace

Table read_table(const std::filesystem::path& file, const TableSchema& schema,
                 const ProgressFn& progress) {
  const MappedFile mapped(file);
  return parse(mapped.bytes(), schema, file.string(), progress);
}

Table parse_table(std::string_view text, const TableSchema& schema, std::string_view source_name) {
  return parse(text, schema, std::string(source_name), {});
}

}  // namespace creditscore::tables
