// A client's raw application as the store keeps it and the API shows it: a JSON object of the
// application table's columns in the file's order (TARGET left out: it is not part of an
// application), each a number, a text, or null where the field was empty.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "tables/dataset.h"
#include "tables/table.h"

namespace creditscore::store {

// Built once per table (names and category texts escaped once), then one row at a time.
class ApplicationJson {
 public:
  explicit ApplicationJson(const tables::Table& applications);
  // Compact JSON text. Whole numbers are written as integers, others in their shortest form as
  // float (the precision they were read with), so 0.1 reads back as 0.1.
  std::string row(std::size_t row) const;

 private:
  struct Field {
    const tables::Column* column;
    std::string key;                      // "\"NAME\":"
    std::vector<std::string> categories;  // each code's text as a JSON string
  };
  std::vector<Field> fields_;
};

// One row, for a single use.
std::string application_json(const tables::Table& applications, std::size_t row);

// The rows of each history table `client` holds (absent ones left out), as a JSON object text:
// file name -> array of row objects, e.g. {"bureau.csv": [{"SK_ID_BUREAU": 5, ...}], ...}.
std::string history_json(const tables::Dataset& client);

}  // namespace creditscore::store
