#include "app/pipeline_observer.h"

namespace creditscore::app {

tables::Dataset PipelineObserver::read_dataset(const std::filesystem::path& directory,
                                               const std::vector<tables::TableId>& required) {
  return tables::read_dataset(directory, {}, required);
}

features::FeatureBlocks PipelineObserver::build_features(const features::FeatureBuild& build,
                                                         std::span<const tables::Table* const>) {
  return build(nullptr, {});
}

ProgressFn PipelineObserver::begin_step(const std::string&) {
  return {};
}

void PipelineObserver::remark(const std::string&) {}

}  // namespace creditscore::app
