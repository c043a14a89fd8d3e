// The feature-matrix file reader (features/feature_matrix.h), on the file's bytes. A matrix it
// accepts must hold exactly rows x cols values.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "features/feature_matrix.h"
#include "fuzz/fuzz_support.h"

using namespace creditscore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_mendable_errors([&] {
    const features::FeatureMatrix matrix = features::parse_matrix(bytes, "fuzzed.matrix");
    if (matrix.targets.size() != matrix.rows() ||
        matrix.values.size() != matrix.rows() * matrix.cols())
      std::abort();
  });
  return 0;
}
