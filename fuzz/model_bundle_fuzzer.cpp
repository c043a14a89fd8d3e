// The model bundle's loader on its two files of substance: bundle.json (format version, run,
// feature names, evaluation, training record) and model.json (the XGBoost trees, which the
// explainer reads node by node, or hands to XGBoost when it cannot).
//
// The input is bundle.json, kSeparator, then model.json. The other files are the smallest valid
// ones, and the harness writes every file's true checksum into bundle.json when it parses, so
// that the fuzzer reaches the content behind them; read_bundle's own tests cover the checksums.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "explain/explainer.h"
#include "fuzz/fuzz_support.h"
#include "model/checksum.h"
#include "model/model_bundle.h"

using namespace creditscore;

namespace {

constexpr std::string_view kSeparator = "\n--8<--\n";

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find(kSeparator);
  model::BundleTexts texts{std::string(input.substr(0, split)),
                           split == std::string_view::npos
                               ? std::string()
                               : std::string(input.substr(split + kSeparator.size())),
                           "{}", "[]", "{}"};
  nlohmann::json manifest = nlohmann::json::parse(texts.manifest, nullptr, false);
  if (manifest.is_object()) {
    manifest["files"] = {{"model.json", model::sha256_hex(texts.model)},
                         {"catalog.json", model::sha256_hex(texts.catalog)},
                         {"reference.json", model::sha256_hex(texts.reference)},
                         {"explanation.json", model::sha256_hex(texts.explanation)}};
    texts.manifest = manifest.dump();
  }
  fuzz::expect_only_mendable_errors([&] { (void)model::parse_bundle(texts, "fuzzed-bundle"); });
  fuzz::expect_only_mendable_errors([&] { explain::Explainer explainer(texts.model); });
  return 0;
}
