#include "cli/command_line_observer.h"

#include "cli/dataset_report.h"
#include "cli/feature_report.h"

namespace creditscore::cli {

tables::Dataset CommandLineObserver::read_dataset(const std::filesystem::path& directory,
                                                  const std::vector<tables::TableId>& required) {
  return read_dataset_with_report(directory, out_, required);
}

features::FeatureBlocks CommandLineObserver::build_features(
    const features::FeatureBuild& build, std::span<const tables::Table* const> applications) {
  return build_features_with_report(build, applications, out_);
}

ProgressFn CommandLineObserver::begin_step(const std::string& unit) {
  bar_.emplace(unit);
  return bar_->callback();
}

void CommandLineObserver::end_step() {
  bar_.reset();
}

void CommandLineObserver::remark(const std::string& text) {
  out_ << text << '\n';
}

}  // namespace creditscore::cli
