// Turns raw clients into feature vectors. One implementation for a whole data set (training,
// batch scoring) and for one client given only that client's rows (a new application with its
// history): a single client is simply a data set holding one application and its rows, so both
// paths run the same code and give the same bits.
#pragma once

#include <functional>
#include <map>
#include <span>
#include <string>

#include "features/feature_catalog.h"
#include "features/feature_matrix.h"
#include "tables/dataset.h"
#include "tables/progress.h"

namespace creditscore::features {

// What the build met that the features do not show.
struct BuildReport {
  // Rows whose category training never saw (encoded as "other" for the application's fields, left
  // out of the shares for history tables), by "table.column".
  std::map<std::string, std::size_t> unseen_categories;
  // History rows whose SK_ID_CURR is none of the applications built (ignored), by table.
  std::map<std::string, std::size_t> ignored_history_rows;
};

// A build of features, as the pipelines hand it to whoever reports on it: FeatureBuilder::build or
// build_and_release, given where to put what it met and its progress.
using FeatureBuild = std::function<FeatureBlocks(BuildReport*, const ProgressFn&)>;

// Called with each block of a matrix as soon as it is built.
using BlockMade = std::function<void(const FeatureBlock&)>;

class FeatureBuilder {
 public:
  explicit FeatureBuilder(const FeatureCatalog& catalog) : catalog_(catalog) {}

  // One row per application of `applications` (application_train or _test of `history`, or a table
  // of new applications), its history taken from `history`. A client with no rows in a history
  // table gets missing values for that table's features. Throws std::invalid_argument naming a
  // duplicated SK_ID_CURR. Progress is in clients.
  FeatureMatrix build(const tables::Table& applications, const tables::Dataset& history,
                      BuildReport* report = nullptr, const ProgressFn& progress = {}) const;
  // The rows of several application tables, one after the other (training clients, then test
  // ones), as one matrix: each history table is indexed once for all of them.
  FeatureMatrix build(std::span<const tables::Table* const> applications,
                      const tables::Dataset& history, BuildReport* report = nullptr,
                      const ProgressFn& progress = {}) const;
  // The same bits, for a data set read only to be built, as blocks of columns: each history
  // table of `history` is emptied once its block is built, so that the tables and the features are
  // never all in memory at once (at Kaggle scale, 2.5 GB of tables and 1.1 GB of features);
  // features::assemble puts the matrix together. `applications` must not be history tables.
  FeatureBlocks build_and_release(std::span<const tables::Table* const> applications,
                                  tables::Dataset& history, BuildReport* report = nullptr,
                                  const ProgressFn& progress = {}) const;
  // The matrix of `applications`' clients before it is built: names, ids, targets and its blocks'
  // places, their values not yet made.
  FeatureBlocks layout(std::span<const tables::Table* const> applications) const;
  // Builds the blocks of `matrix`, laid out by layout() for the same applications, as above,
  // handing each to `made` as soon as it is complete (to write it while the next is built).
  void build_and_release(FeatureBlocks& matrix, std::span<const tables::Table* const> applications,
                         tables::Dataset& history, BuildReport* report, const ProgressFn& progress,
                         const BlockMade& made) const;

 private:
  const FeatureCatalog& catalog_;
};

}  // namespace creditscore::features
