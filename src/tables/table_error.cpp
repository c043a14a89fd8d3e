#include "tables/table_error.h"

namespace creditscore::tables {
namespace {

// "bureau.csv:12: column DAYS_CREDIT: cannot parse 'abc' as a number"
std::string format_message(const std::string& file, std::size_t line, const std::string& column,
                           const std::string& problem) {
  std::string message = file;
  if (line > 0) message += ":" + std::to_string(line);
  message += ": ";
  if (!column.empty()) message += "column " + column + ": ";
  return message + problem;
}

}  // namespace

TableError::TableError(std::string file, std::size_t line, std::string column,
                       const std::string& problem, ErrorKind kind)
    : Error(kind, format_message(file, line, column, problem)),
      file_(std::move(file)),
      line_(line),
      column_(std::move(column)) {}

}  // namespace creditscore::tables
