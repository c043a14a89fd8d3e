#include "app/similar_clients.h"

#include <algorithm>
#include <cmath>

namespace creditscore::app {
namespace {

struct Scale {
  double mean = 0, inverse_sd = 0;  // 0 for a constant feature: it does not separate anyone
  double standard(float value) const { return std::isnan(value) ? 0 : (value - mean) * inverse_sd; }
};

// The scale of column `c` of a rows × width block.
Scale scale_of(const std::vector<float>& block, std::size_t width, std::size_t c) {
  double sum = 0, squares = 0;
  std::size_t present = 0;
  for (std::size_t i = c; i < block.size(); i += width) {
    const float value = block[i];
    if (std::isnan(value)) continue;
    sum += value;
    squares += static_cast<double>(value) * value;
    ++present;
  }
  if (present < 2) return {};
  const double mean = sum / static_cast<double>(present);
  const double variance = squares / static_cast<double>(present) - mean * mean;
  return {mean, variance > 1e-24 ? 1 / std::sqrt(variance) : 0};
}

}  // namespace

std::vector<Neighbour> nearest_clients(const store::StoredMatrix& clients,
                                       std::span<const float> client,
                                       std::span<const std::size_t> features, std::size_t k,
                                       std::optional<std::int64_t> exclude) {
  // The chosen features of every client side by side: one pass over the wide rows, then the
  // scales and the distances read a block that fits in cache lines.
  const std::size_t width = features.size();
  std::vector<float> block(clients.rows() * width);
  for (std::size_t r = 0; r < clients.rows(); ++r) {
    const float* row = clients.values.data() + r * clients.cols();
    for (std::size_t i = 0; i < width; ++i) block[r * width + i] = row[features[i]];
  }
  std::vector<Scale> scales;
  std::vector<double> target;
  for (std::size_t i = 0; i < width; ++i) {
    scales.push_back(scale_of(block, width, i));
    target.push_back(scales.back().standard(client[features[i]]));
  }
  std::vector<Neighbour> all;
  all.reserve(clients.rows());
  for (std::size_t r = 0; r < clients.rows(); ++r) {
    if (exclude && clients.ids[r] == *exclude) continue;
    double squared = 0;
    for (std::size_t i = 0; i < width; ++i) {
      const double difference = scales[i].standard(block[r * width + i]) - target[i];
      squared += difference * difference;
    }
    all.push_back({r, std::sqrt(squared)});
  }
  const std::size_t kept = std::min(k, all.size());
  std::partial_sort(all.begin(), all.begin() + static_cast<std::ptrdiff_t>(kept), all.end(),
                    [](const Neighbour& a, const Neighbour& b) {
                      return a.distance != b.distance ? a.distance < b.distance : a.row < b.row;
                    });
  all.resize(kept);
  return all;
}

}  // namespace creditscore::app
