// Building feature vectors from the command line: a progress bar, then a short table of what was
// built and what the build met (unseen categories, history rows of unknown clients).
#pragma once

#include <ostream>
#include <span>

#include "features/feature_builder.h"

namespace creditscore::cli {

// `applications`: the tables whose clients `build` builds, named in the report.
features::FeatureBlocks build_features_with_report(
    const features::FeatureBuild& build, std::span<const tables::Table* const> applications,
    std::ostream& out);

}  // namespace creditscore::cli
