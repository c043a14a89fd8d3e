#include "tables/field_ends.h"

#include <emmintrin.h>
#include <xmmintrin.h>

#include <bit>
#include <cstdint>
#include <cstring>

namespace creditscore::tables {
namespace {

constexpr std::size_t kBlock = 64;
constexpr std::size_t kPage = 4096;
constexpr std::size_t kSlack = 8;  // positions written at once, and room kept past the last one

struct BlockMasks {
  std::uint64_t ends;    // a bit per ',', '\n' or '"', the block's first byte in the lowest bit
  std::uint64_t breaks;  // a bit per '\n' or '"'
};

BlockMasks classify(const char* block) {
  const __m128i comma = _mm_set1_epi8(','), newline = _mm_set1_epi8('\n'),
                quote = _mm_set1_epi8('"');
  BlockMasks masks{0, 0};
  for (std::size_t part = 0; part < kBlock / 16; ++part) {
    const __m128i bytes = _mm_loadu_si128(reinterpret_cast<const __m128i*>(block + 16 * part));
    const __m128i breaks =
        _mm_or_si128(_mm_cmpeq_epi8(bytes, newline), _mm_cmpeq_epi8(bytes, quote));
    const __m128i ends = _mm_or_si128(breaks, _mm_cmpeq_epi8(bytes, comma));
    const auto shift = static_cast<unsigned>(16 * part);
    masks.ends |= static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(ends)))
                  << shift;
    masks.breaks |=
        static_cast<std::uint64_t>(static_cast<std::uint16_t>(_mm_movemask_epi8(breaks))) << shift;
  }
  return masks;
}

// Writes the positions of `bits`' set bits, `offset` added, at `out`; returns the new end. Eight
// at a time, whether or not there are that many (the slots past the last are overwritten by the
// next call, or lie in the buffer's slack): a loop that stops at the last bit mispredicts its exit
// at nearly every block, as fields end at irregular places.
std::uint32_t* positions(std::uint64_t bits, std::uint32_t offset, std::uint32_t* out) {
  const auto count = static_cast<std::size_t>(std::popcount(bits));
  for (std::size_t written = 0; written < count; written += kSlack) {
    for (std::size_t i = 0; i < kSlack; ++i) {
      out[written + i] = offset + static_cast<std::uint32_t>(std::countr_zero(bits));
      bits &= bits - 1;
    }
  }
  return out + count;
}

// Asks for the bytes a page on from `block`: the processor's own prefetcher stops at page
// boundaries, so each page of the mapped file began with a wait on memory (half of the
// index's time). An address, not a pointer: it may lie past the text, where a prefetch does
// nothing.
void prefetch_next_page(const char* block) {
  const std::uintptr_t ahead = reinterpret_cast<std::uintptr_t>(block) + kPage;
  _mm_prefetch(reinterpret_cast<const char*>(ahead), _MM_HINT_T0);
}

// Writes the positions of the window's ends and breaks at `ends` and `breaks`, moving each past
// its last. Two builds, chosen when the program loads: positions() counts bits with the
// processor's popcnt where it has one, which the baseline x86-64 lacks (a library call per block
// otherwise).
[[gnu::target_clones("popcnt", "default")]] void index_blocks(std::string_view window,
                                                              std::uint32_t*& ends,
                                                              std::uint32_t*& breaks) {
  const std::size_t whole_blocks = window.size() / kBlock * kBlock;
  for (std::size_t offset = 0; offset < window.size(); offset += kBlock) {
    BlockMasks masks;
    if (offset < whole_blocks) {
      prefetch_next_page(window.data() + offset);
      masks = classify(window.data() + offset);
    } else {  // the last bytes, padded with zeros, which match nothing
      char tail[kBlock] = {};
      std::memcpy(tail, window.data() + offset, window.size() - offset);
      masks = classify(tail);
    }
    ends = positions(masks.ends, static_cast<std::uint32_t>(offset), ends);
    breaks = positions(masks.breaks, static_cast<std::uint32_t>(offset), breaks);
  }
}

}  // namespace

void FieldEnds::index(std::string_view window) {
  if (capacity_ < window.size()) {  // at most one position per byte; no zero-filling
    capacity_ = window.size();
    ends_ = std::make_unique_for_overwrite<std::uint32_t[]>(capacity_ + kSlack);
    breaks_ = std::make_unique_for_overwrite<std::uint32_t[]>(capacity_ + kSlack);
  }
  std::uint32_t* ends = ends_.get();
  std::uint32_t* breaks = breaks_.get();
  index_blocks(window, ends, breaks);
  end_count_ = static_cast<std::size_t>(ends - ends_.get());
  break_count_ = static_cast<std::size_t>(breaks - breaks_.get());
}

}  // namespace creditscore::tables
