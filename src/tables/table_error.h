// The error raised by everything that reads tables: it names the file, and where known the line
// and the column, so that a user can open the file and see the problem.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "common/error.h"

namespace creditscore::tables {

class TableError : public Error {
 public:
  // line is 1-based (the header is line 1); 0 when the problem is about the whole file.
  // column is a column name, or empty when the problem is about the whole line or file.
  // A missing file is NotFound; anything wrong inside one is InvalidInput.
  TableError(std::string file, std::size_t line, std::string column, const std::string& problem,
             ErrorKind kind = ErrorKind::InvalidInput);

  const std::string& file() const { return file_; }
  std::size_t line() const { return line_; }
  const std::string& column() const { return column_; }

 private:
  std::string file_;
  std::size_t line_;
  std::string column_;
};

}  // namespace creditscore::tables
