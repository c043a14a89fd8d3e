// Where the fields of a piece of CSV text end, found before any field is parsed: SSE2 compares
// 64 bytes at once with ',', '\n' and '"', and the set bits of the masks become positions. With
// each field's extent known in advance, parsing one field no longer waits on the scan of the one
// before, and the processor works on several at once.
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>

namespace creditscore::tables {

class FieldEnds {
 public:
  // Indexes `window` (at most 4 GB): every ',', '\n' and '"' in it goes to ends(), and the '\n'
  // and '"' alone to breaks() too (where a record ends, or where it needs a careful reading, as
  // a quote may hide its commas and line ends).
  void index(std::string_view window);

  // Positions from the window's start, in increasing order.
  const std::uint32_t* ends() const { return ends_.get(); }
  std::size_t end_count() const { return end_count_; }
  const std::uint32_t* breaks() const { return breaks_.get(); }
  std::size_t break_count() const { return break_count_; }

 private:
  std::unique_ptr<std::uint32_t[]> ends_, breaks_;
  std::size_t capacity_ = 0, end_count_ = 0, break_count_ = 0;
};

}  // namespace creditscore::tables
