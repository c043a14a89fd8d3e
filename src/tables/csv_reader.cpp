#include "tables/csv_reader.h"

#include <algorithm>
#include <atomic>
#include <numeric>
#include <optional>
#include <unordered_set>

#include "common/parallel.h"
#include "tables/column_builder.h"
#include "tables/field_ends.h"
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
  std::optional<ChunkProblem> problem;
};

std::vector<ColumnBuilder> make_builders(const TableSchema& schema, std::size_t reserve,
                                         std::size_t own_rows) {
  std::vector<ColumnBuilder> builders;
  for (const ColumnSpec& column : schema.columns) {
    builders.emplace_back(column.kind);
    builders.back().reserve(reserve, own_rows);
  }
  return builders;
}

// Reads the records of a piece of the body that starts at a record and ends after a newline, or
// at the end of the file when `final`. Most records are plain: unquoted fields, as many as the
// schema's columns, then a '\n'. Their fields' extents come from FieldEnds, a window of text at a
// time, and are parsed in place; any other record (a quote, an empty line, a wrong field count, the
// file's last line without a newline) is read a character at a time by read_record(), which names
// every problem.
class ChunkParser {
 public:
  // `reserve`: the rows to make room for; `own_rows`: those expected in `text`, whose room is
  // made present now (the rest is the other chunks', appended later).
  ChunkParser(std::string_view text, const TableSchema& schema, bool final, std::size_t reserve,
              std::size_t own_rows)
      : schema_(schema),
        columns_(schema.columns.size()),
        begin_(text.data()),
        end_(text.data() + text.size()),
        final_(final) {
    result_.columns = make_builders(schema, reserve, own_rows);
  }

  // `on_bytes`: called with the bytes read since its last call.
  ChunkResult run(const std::function<void(std::size_t)>& on_bytes) && {
    const char* p = begin_;
    const char* reported = p;
    while (p != nullptr && p < end_) {
      p = read_window(p);
      if (on_bytes && p != nullptr && static_cast<std::size_t>(p - reported) >= kProgressStep) {
        on_bytes(static_cast<std::size_t>(p - reported));
        reported = p;
      }
    }
    if (on_bytes && p != nullptr) on_bytes(static_cast<std::size_t>(p - reported));
    result_.lines = line_;
    return std::move(result_);
  }

 private:
  static constexpr std::size_t kWindow = 256 << 10;  // bytes indexed at once: they stay in cache

  // Reads the records that start in the window of text at `p`; returns where reading goes on, or
  // nullptr when it stops (a problem, or a quoted field cut by the chunk's end).
  const char* read_window(const char* p) {
    const char* const base = p;
    const char* const window_end =
        static_cast<std::size_t>(end_ - p) > kWindow ? p + kWindow : end_;
    fields_.index({p, static_cast<std::size_t>(window_end - p)});
    const std::uint32_t* const ends = fields_.ends();
    const std::uint32_t* const breaks = fields_.breaks();
    std::size_t next_end = 0, next_break = 0;
    while (p < window_end) {
      if (next_break == fields_.break_count()) {        // the record at `p` ends beyond the window
        if (p != base && window_end != end_) return p;  // the next window holds it whole
        return read_record(p);
      }
      const std::uint32_t record_end = breaks[next_break];
      const std::size_t last = next_end + columns_ - 1;
      const bool plain = base[record_end] == '\n' && *p != '\n' && *p != '\r' &&
                         last < fields_.end_count() && ends[last] == record_end;
      if (!plain) {
        p = read_record(p);
        if (p == nullptr) return nullptr;
        while (next_end < fields_.end_count() && base + ends[next_end] < p) ++next_end;
        while (next_break < fields_.break_count() && base + breaks[next_break] < p) ++next_break;
        continue;
      }
      const char* field = p;
      for (std::size_t column = 0; column + 1 < columns_; ++column) {
        const char* stop = base + ends[next_end + column];
        if (!append(column, field, stop, end_, line_)) return nullptr;
        field = stop + 1;
      }
      const char* stop = base + record_end;
      if (stop > field && stop[-1] == '\r') --stop;
      if (!append(columns_ - 1, field, stop, end_, line_)) return nullptr;
      next_end = last + 1;
      ++next_break;
      ++line_;
      ++result_.rows;
      p = base + record_end + 1;
    }
    return p;
  }

  // Appends the field [begin, stop), unquoted, to its column, reading bytes on up to
  // `readable_end`; false on a problem, named at `line`.
  [[gnu::always_inline]] bool append(std::size_t column, const char* begin, const char* stop,
                                     const char* readable_end, std::size_t line) {
    ColumnBuilder& builder = result_.columns[column];
    if (builder.append_plain(begin, stop, readable_end)) return true;
    if (auto problem = builder.append({begin, static_cast<std::size_t>(stop - begin)})) {
      return fail(line, schema_.columns[column].name, *problem);
    }
    return true;
  }

  // Reads the record, or the empty line, at `p` a character at a time; returns its end, or
  // nullptr when reading stops.
  const char* read_record(const char* p) {
    if (*p == '\n' || (*p == '\r' && p + 1 < end_ && p[1] == '\n')) {  // carries nothing
      ++line_;
      return p + (*p == '\n' ? 1 : 2);
    }
    const std::size_t record_line = line_;
    std::size_t field = 0;
    for (;;) {
      std::string_view value;
      const char* readable_end = end_;
      if (p < end_ && *p == '"') {  // p == end: an empty last field, after a final comma
        scratch_.clear();
        const std::size_t quote_line = line_;
        ++p;
        for (;;) {
          if (p == end_) {
            if (!final_) {
              result_.ended_inside_quotes = true;
              return nullptr;
            }
            fail(quote_line, "", "file ends inside a quoted field (truncated?)");
            return nullptr;
          }
          if (*p == '"') {
            if (p + 1 < end_ && p[1] == '"') {
              scratch_ += '"';
              p += 2;
              continue;
            }
            ++p;
            break;
          }
          if (*p == '\n') ++line_;
          scratch_ += *p++;
        }
        value = scratch_;
        readable_end = scratch_.data() + scratch_.size();
        if (p < end_ && *p == '\r' && p + 1 < end_ && p[1] == '\n') ++p;
        if (p < end_ && *p != ',' && *p != '\n') {
          fail(record_line, field < columns_ ? schema_.columns[field].name : "",
               "unexpected text after a closing quote");
          return nullptr;
        }
      } else {
        const char* start = p;
        while (p < end_ && *p != ',' && *p != '\n') ++p;
        const char* stop = p;
        if (stop > start && stop[-1] == '\r' && (p == end_ || *p == '\n')) --stop;
        value = std::string_view(start, static_cast<std::size_t>(stop - start));
      }
      if (field < columns_ &&
          !append(field, value.data(), value.data() + value.size(), readable_end, record_line)) {
        return nullptr;
      }
      ++field;
      if (p == end_) {
        if (field < columns_ && final_) {
          fail(record_line, "",
               "file ends in the middle of this line (truncated?): " + std::to_string(field) +
                   " of " + std::to_string(columns_) + " fields");
          return nullptr;
        }
        break;
      }
      ++p;  // past the ',' or the '\n'
      if (p[-1] == '\n') {
        ++line_;
        break;
      }
    }
    if (field != columns_) {
      fail(record_line, "",
           "line has " + std::to_string(field) + " fields, expected " + std::to_string(columns_));
      return nullptr;
    }
    ++result_.rows;
    return p;
  }

  bool fail(std::size_t line, std::string column, std::string message) {
    result_.problem = ChunkProblem{line, std::move(column), std::move(message)};
    return false;
  }

  const TableSchema& schema_;
  const std::size_t columns_;
  const char* const begin_;
  const char* const end_;
  const bool final_;
  ChunkResult result_;
  FieldEnds fields_;
  std::string scratch_;  // a quoted field's text, its doubled quotes made single
  std::size_t line_ = 0;
};

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

// Parses `text` on at most `threads` threads; when it is `mapped`'s, the pages read are given
// back as reading goes.
Table parse(std::string_view text, const TableSchema& schema, const std::string& file,
            const ProgressFn& progress, std::size_t threads, const MappedFile* mapped) {
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
  if (threads == 0) threads = thread_budget();
  const std::size_t workers =
      std::max<std::size_t>(1, std::min<std::size_t>(threads, body.size() / kMinimumChunk));
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
    std::size_t parsed = 0;
    if (mapped != nullptr) mapped->load(chunks[k].substr(0, kProgressStep));
    results[k] = ChunkParser(chunks[k], schema, k + 1 == chunks.size(), reserve, rows_expected[k])
                     .run([&](std::size_t b) {
                       if (mapped != nullptr) {
                         mapped->release(chunks[k].substr(parsed, b));
                         mapped->load(chunks[k].substr(parsed + b, kProgressStep));
                       }
                       parsed += b;
                       const std::size_t now = report(b);
                       if (k == 0 && progress) progress(schema.file_name, now, total);
                     });
  });
  const bool cut_inside_quotes = std::any_of(
      results.begin(), results.end(), [](const ChunkResult& r) { return r.ended_inside_quotes; });
  if (cut_inside_quotes) {  // a quoted field spans two chunks: read the body in one piece
    results.clear();
    const std::size_t rows_expected_in_body = expected_rows(body);
    results.push_back(
        ChunkParser(body, schema, true, rows_expected_in_body, rows_expected_in_body).run({}));
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
  parallel_for(
      columns.size(),
      [&](std::size_t c) {
        ColumnBuilder& merged = results[0].columns[c];
        for (std::size_t k = 1; k < results.size(); ++k)
          merged.append_all(std::move(results[k].columns[c]));
        columns[c] = std::move(merged).finish();
      },
      threads);
  if (progress) progress(schema.file_name, total, total);
  return Table(schema, std::move(columns), rows);
}

}  // namespace

Table read_table(const std::filesystem::path& file, const TableSchema& schema,
                 const ProgressFn& progress, std::size_t threads) {
  const MappedFile mapped(file);
  return parse(mapped.bytes(), schema, file.string(), progress, threads, &mapped);
}

Table parse_table(std::string_view text, const TableSchema& schema, std::string_view source_name) {
  return parse(text, schema, std::string(source_name), {}, 0, nullptr);
}

}  // namespace creditscore::tables
