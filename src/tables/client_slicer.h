// One client's rows of a data set: the application, its bureau credits and their months, its
// previous applications and their POS, instalment and card rows. What the API holds for a client,
// and what the feature builder reads for a single client.
#pragma once

#include <cstdint>

#include "tables/dataset.h"
#include "tables/group_index.h"

namespace creditscore::tables {

// A table holding only `rows` of `table`, in that order (same schema, same category dictionary).
Table select_rows(const Table& table, std::span<const std::uint32_t> rows);

class ClientSlicer {
 public:
  // Indexes `data` once; `data` must outlive the slicer.
  explicit ClientSlicer(const Dataset& data);

  // A data set of the client's rows only; its application is in application_train or
  // application_test, wherever the client is. Unknown clients give empty tables.
  Dataset slice(std::int64_t client) const;

 private:
  const Dataset& data_;
  GroupIndex train_, test_, bureau_, bureau_balance_, previous_, pos_cash_, installments_,
      credit_card_;
};

}  // namespace creditscore::tables
