#include "cli/served_bundle.h"

#include <stdexcept>

#include "store/run_registry.h"

namespace creditscore::cli {

std::filesystem::path chosen_bundle(const std::filesystem::path& model,
                                    const std::filesystem::path& models) {
  if (!model.empty()) return model;
  store::RunRegistry registry(models / "registry.sqlite");
  const auto served = registry.served();
  if (!served) {
    throw std::runtime_error("no model is served in " + models.string() +
                             ": give --model BUNDLE, or train one with `creditscore train`");
  }
  return served->bundle_path;
}

}  // namespace creditscore::cli
