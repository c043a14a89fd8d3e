#include "features/feature_matrix.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>

#include "common/error.h"
#include "common/free_memory.h"
#include "common/parallel.h"
#include "common/populate.h"
#include "features/matrix_writer.h"
#include "tables/atomic_file.h"

namespace creditscore::features {
namespace {

constexpr char kMagic[4] = {'C', 'S', 'F', 'M'};
constexpr std::uint32_t kVersion = 2;
constexpr std::size_t kAlignment = AtomicFile::kAlignment;  // of each block of values

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
  std::size_t position() const { return position_; }
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

std::string matrix_file_head(const FeatureBlocks& layout) {
  std::string head(kMagic, sizeof kMagic);
  put(head, kVersion);
  put(head, static_cast<std::uint64_t>(layout.rows()));
  put(head, static_cast<std::uint64_t>(layout.cols()));
  for (const std::string& name : layout.names) {
    put(head, static_cast<std::uint32_t>(name.size()));
    head += name;
  }
  head += bytes_of(layout.ids);
  head += bytes_of(layout.targets);
  put(head, static_cast<std::uint32_t>(layout.blocks.size()));
  for (const FeatureBlock& block : layout.blocks)
    put(head, static_cast<std::uint32_t>(block.count));
  return head;
}

std::vector<std::size_t> value_offsets(std::size_t head_size, std::size_t rows,
                                       std::span<const std::size_t> block_columns) {
  const auto aligned = [](std::size_t offset) {
    return (offset + kAlignment - 1) / kAlignment * kAlignment;
  };
  std::vector<std::size_t> offsets{aligned(head_size)};
  for (std::size_t columns : block_columns)
    offsets.push_back(aligned(offsets.back() + rows * columns * sizeof(float)));
  return offsets;
}

void write_matrix(const FeatureBlocks& features, const std::filesystem::path& file) {
  check_blocks(features);
  MatrixWriter writer(file, features);
  for (const FeatureBlock& block : features.blocks) writer.write(block);
  writer.commit();
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
    reader.fail("format version " + std::to_string(version) + ", expected " +
                std::to_string(kVersion));
  const auto rows = reader.get<std::uint64_t>();
  const auto cols = reader.get<std::uint64_t>();
  FeatureMatrix m;
  for (std::uint64_t c = 0; c < cols; ++c)
    m.names.push_back(reader.get_text(reader.get<std::uint32_t>()));
  m.ids = reader.get_all<std::int64_t>(rows);
  m.targets = reader.get_all<float>(rows);
  const std::vector<std::uint32_t> widths =
      reader.get_all<std::uint32_t>(reader.get<std::uint32_t>());
  const std::vector<std::size_t> columns(widths.begin(), widths.end());
  std::size_t total = 0;
  for (std::size_t width : columns) total += width;
  if (total != cols)
    reader.fail("blocks of " + std::to_string(total) + " columns in all, for " +
                std::to_string(cols) + " names");
  // The values lie in the file: a count they could not fill is a truncated file, before any
  // offset is worked out from it.
  if (cols != 0 && rows > bytes.size() / sizeof(float) / cols) reader.fail("truncated");
  const std::vector<std::size_t> offsets = value_offsets(reader.position(), rows, columns);
  if (bytes.size() < offsets.back()) reader.fail("truncated");
  if (bytes.size() > offsets.back()) reader.fail("trailing bytes");
  m.values.resize(rows * cols);
  std::size_t first = 0;  // each block's first column
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const std::size_t row_bytes = columns[k] * sizeof(float);
    for (std::size_t r = 0; r < rows && row_bytes > 0; ++r)
      std::memcpy(m.values.data() + r * cols + first, bytes.data() + offsets[k] + r * row_bytes,
                  row_bytes);
    first += columns[k];
  }
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
