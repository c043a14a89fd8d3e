// Building feature vectors from the command line: a progress bar, then a short table of what was
// built and what the build met (unseen categories, history rows of unknown clients).
#pragma once

#include <functional>
#include <ostream>
#include <span>

#include "features/feature_builder.h"

namespace creditscore::cli {

// How the features are built: FeatureBuilder::build or build_and_release, with its report and
// progress.
using FeatureBuild =
    std::function<features::FeatureMatrix(features::BuildReport*, const ProgressFn&)>;

// `applications`: the tables whose clients `build` builds, named in the report.
features::FeatureMatrix build_features_with_report(
    const FeatureBuild& build, std::span<const tables::Table* const> applications,
    std::ostream& out);

}  // namespace creditscore::cli
