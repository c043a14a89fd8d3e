#include "features/feature_matrix.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>
#include <stdexcept>

#include "common/error.h"
#include "common/free_memory.h"
#include "common/parallel.h"
#include "common/populate.h"
#include "tables/atomic_file.h"

namespace creditscore::features {
namespace {

constexpr char kMagic[4] = {'C', 'S', 'F', 'M'};
constexpr std::uint32_t kVersion = 1;

template <typename T>
void put(std::string& out, const T& value) {
  out.append(reinterpret_cast<const char*>(&value), sizeof value);
}

template <typename T>
std::string_view bytes_of(const std::vector<T>& values) {
  return {reinterpret_cast<const char*>(values.data()), values.size() * sizeof(T)};
}

class Reader {
 public:
  Reader(std::string_view bytes, const std::string& file) : bytes_(bytes), file_(file) {}
  template <typename T>
  T get() {
    T value;
    std::memcpy(&value, take(sizeof value), sizeof value);
    return value;
  }
  template <typename T>
  std::vector<T> get_all(std::size_t count) {
    if (count > (bytes_.size() - position_) / sizeof(T)) fail("truncated");
    std::vector<T> values(count);
    if (count == 0) return values;  // memcpy may not take the null data() of an empty vector
    std::memcpy(values.data(), take(count * sizeof(T)), count * sizeof(T));
    return values;
  }
  std::string get_text(std::size_t length) { return std::string(take(length), length); }
  bool at_end() const { return position_ == bytes_.size(); }
  [[noreturn]] void fail(const std::string& problem) const {
    throw corrupt(file_ + ": not a readable feature matrix (" + problem + ")");
  }

 private:
  const char* take(std::size_t size) {
    if (size > bytes_.size() - position_) fail("truncated");
    const char* start = bytes_.data() + position_;
    position_ += size;
    return start;
  }
  std::string_view bytes_;
  const std::string& file_;
  std::size_t position_ = 0;
};

// Calls `use(begin, end, values)` for the rows [begin, end) of every tile of rows of `features`,
// put together row-major in a buffer that stays in cache.
void for_each_tile(
    const FeatureBlocks& features,
    const std::function<void(std::size_t, std::size_t, std::span<const float>)>& use) {
  const std::size_t cols = features.cols();
  const std::size_t tile = features.tile_rows();
  std::vector<float> buffer(tile * cols);
  for (std::size_t begin = 0; begin < features.rows(); begin += tile) {
    const std::size_t end = std::min(features.rows(), begin + tile);
    features.copy_rows(begin, end, buffer.data());
    use(begin, end, {buffer.data(), (end - begin) * cols});
  }
}

}  // namespace

FeatureMatrix assemble(FeatureBlocks features) {
  check_blocks(features);
  // The blocks came out of the tables' memory; the matrix, as large, would not fit in the gaps
  // the tables left (a batch command keeps freed memory for reuse, cli/dataset_report.cpp): that
  // memory goes back to the kernel first, and the matrix's fresh pages are made present by every
  // core at once, where one thread alone spent half a second in the kernel.
  release_free_memory();
  const std::size_t rows = features.rows(), cols = features.cols();
  FeatureMatrix m;
  reserve_populated_on_every_core(m.values, rows * cols);
  m.values.resize(rows * cols);
  parallel_ranges(rows, 4096, [&](std::size_t begin, std::size_t end) {
    features.copy_rows(begin, end, m.values.data() + begin * cols);
  });
  m.names = std::move(features.names);
  m.ids = std::move(features.ids);
  m.targets = std::move(features.targets);
  return m;
}

void write_matrix(const FeatureBlocks& features, const std::filesystem::path& file) {
  check_blocks(features);
  std::string head(kMagic, sizeof kMagic);
  put(head, kVersion);
  put(head, static_cast<std::uint64_t>(features.rows()));
  put(head, static_cast<std::uint64_t>(features.cols()));
  for (const std::string& name : features.names) {
    put(head, static_cast<std::uint32_t>(name.size()));
    head += name;
  }
  head += bytes_of(features.ids);
  head += bytes_of(features.targets);
  const std::size_t values = features.rows() * features.cols() * sizeof(float);
  AtomicFile out(file);
  out.write_in_pieces(head.size() + values, [&](std::size_t offset, std::span<char> piece) {
    const std::size_t from_head =
        offset < head.size() ? std::min(piece.size(), head.size() - offset) : 0;
    if (from_head > 0) std::memcpy(piece.data(), head.data() + offset, from_head);
    if (from_head < piece.size())
      features.copy_bytes(offset + from_head - head.size(), piece.size() - from_head,
                          piece.data() + from_head);
  });
  out.commit();
}

FeatureMatrix read_matrix(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw not_found(file.string() + ": cannot open the feature matrix");
  std::stringstream content;
  content << in.rdbuf();
  return parse_matrix(content.str(), file.string());
}

FeatureMatrix parse_matrix(std::string_view bytes, const std::string& source) {
  Reader reader(bytes, source);
  char magic[4];
  for (char& c : magic) c = reader.get<char>();
  if (std::memcmp(magic, kMagic, sizeof kMagic) != 0) reader.fail("wrong magic bytes");
  const auto version = reader.get<std::uint32_t>();
  if (version != kVersion)
    reader.fail("format version " + std::to_string(version) + ", expected 1");
  const auto rows = reader.get<std::uint64_t>();
  const auto cols = reader.get<std::uint64_t>();
  FeatureMatrix m;
  for (std::uint64_t c = 0; c < cols; ++c)
    m.names.push_back(reader.get_text(reader.get<std::uint32_t>()));
  m.ids = reader.get_all<std::int64_t>(rows);
  m.targets = reader.get_all<float>(rows);
  if (cols != 0 && rows > std::numeric_limits<std::size_t>::max() / cols)
    reader.fail("impossible size");
  m.values = reader.get_all<float>(rows * cols);
  if (!reader.at_end()) reader.fail("trailing bytes");
  return m;
}

void write_matrix_csv(const FeatureBlocks& features, const std::filesystem::path& file) {
  check_blocks(features);
  AtomicFile out(file);
  std::string line = "SK_ID_CURR,TARGET";
  for (const std::string& name : features.names) line += "," + name;
  out.write(line + "\n");
  char buffer[32];
  auto append = [&](float value) {
    line += ',';
    if (!std::isnan(value))
      line.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
  };
  const std::size_t cols = features.cols();
  for_each_tile(features, [&](std::size_t begin, std::size_t end, std::span<const float> values) {
    for (std::size_t r = begin; r < end; ++r) {
      line = std::to_string(features.ids[r]);
      append(features.targets[r]);
      for (float value : values.subspan((r - begin) * cols, cols)) append(value);
      line += '\n';
      out.write(line);
    }
  });
  out.commit();
}

}  // namespace creditscore::features
