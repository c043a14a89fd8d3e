#include "app/pipeline_observer.h"

namespace creditscore::app {

tables::Dataset PipelineObserver::read_dataset(const std::filesystem::path& directory,
                                               const std::vector<tables::TableId>& required) {
  return tables::read_dataset(directory, {}, required);
}

features::FeatureMatrix PipelineObserver::build_features(const features::FeatureBuilder& builder,
                                                         const tables::Table& applications,
                                                         const tables::Dataset& history) {
  return builder.build(applications, history);
}

ProgressFn PipelineObserver::begin_step(const std::string&) {
  return {};
}

void PipelineObserver::remark(const std::string&) {}

}  // namespace creditscore::app
