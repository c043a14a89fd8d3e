// The CSV reader on one of the eight schemas (CREDITSCORE_FUZZ_TABLE: its position in
// tables::all_tables()), then the rules its values follow, as `creditscore score` and `store
// build` apply them.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "app/application_rules.h"
#include "fuzz/fuzz_support.h"
#include "tables/csv_reader.h"
#include "tables/schema.h"

using namespace creditscore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const tables::TableSchema& schema =
      tables::schema_of(tables::all_tables()[CREDITSCORE_FUZZ_TABLE]);
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_mendable_errors([&] {
    app::check_table_file(tables::parse_table(text, schema, schema.file_name), schema.file_name);
  });
  return 0;
}
