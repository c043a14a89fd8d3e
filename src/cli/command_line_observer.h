// How the command line shows a pipeline of app/: each data set read and each feature build
// reported as a table, progress bars on long steps, remarks as lines.
#pragma once

#include <optional>
#include <ostream>

#include "app/pipeline_observer.h"
#include "cli/progress_bar.h"

namespace creditscore::cli {

class CommandLineObserver : public app::PipelineObserver {
 public:
  explicit CommandLineObserver(std::ostream& out) : out_(out) {}

  tables::Dataset read_dataset(const std::filesystem::path& directory,
                               const std::vector<tables::TableId>& required) override;
  features::FeatureBlocks build_features(
      const features::FeatureBuild& build,
      std::span<const tables::Table* const> applications) override;
  ProgressFn begin_step(const std::string& unit) override;
  void end_step() override;
  void remark(const std::string& text) override;

 private:
  std::ostream& out_;
  std::optional<ProgressBar> bar_;
};

}  // namespace creditscore::cli
