// What a long pipeline (training, building the store, batch scoring) shows the person who runs
// it. The defaults show nothing, for tests and servers; the command line's observer times each
// step, draws progress bars and prints what was read and built.
#pragma once

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "features/feature_builder.h"
#include "tables/dataset.h"
#include "tables/progress.h"

namespace creditscore::app {

class PipelineObserver {
 public:
  virtual ~PipelineObserver() = default;

  // The steps themselves, so that an observer can time them and say what they met.
  // The files of `required` must be there (see tables::read_dataset).
  virtual tables::Dataset read_dataset(const std::filesystem::path& directory,
                                       const std::vector<tables::TableId>& required);
  // Runs `build` for the clients of `applications`.
  virtual features::FeatureBlocks build_features(
      const features::FeatureBuild& build, std::span<const tables::Table* const> applications);
  // A step counted in `unit` ("rounds", "clients") starts: its progress goes to the callback
  // returned, until end_step().
  virtual ProgressFn begin_step(const std::string& unit);
  virtual void end_step() {}
  // A line for the person running the pipeline.
  virtual void remark(const std::string& text);
};

}  // namespace creditscore::app
