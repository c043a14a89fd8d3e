// Every client of the store in memory, with the live model's probability of each: what the
// comparisons (distributions, nearest neighbours, bivariate views) read, and where a client's
// feature vector is found without touching the database. Readers share a lock; adding a client
// or rescoring everyone with a new model takes it alone.
#pragma once

#include <cstdint>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

#include "explain/served_model.h"
#include "store/client_store.h"

namespace creditscore::server {

class Population {
 public:
  // The store's clients, scored by run `scored_by`: scored again only when `model` is another
  // run (or a client has no probability). Throws std::invalid_argument when the store's features
  // are not the model's.
  Population(store::StoredMatrix clients, const std::string& scored_by,
             const explain::ServedModel& model);

  // Gives the clients to `read` under the shared lock.
  template <typename Read>
  auto read(Read&& read) const {
    const std::shared_lock hold(lock_);
    return read(clients_);
  }
  std::optional<std::vector<float>> features(std::int64_t id) const;
  std::size_t size() const;
  // The id the next new application gets: one above every id held.
  std::int64_t next_id() const;

  // A new client, scored; its id must be above every id held.
  void add(std::int64_t id, store::ClientSplit split, std::span<const float> features,
           double probability);
  // Every probability with `model`, which must have the same features (std::invalid_argument).
  void rescore(const explain::ServedModel& model);

 private:
  static void check_features(const store::StoredMatrix& clients, const explain::ServedModel& model);
  static std::optional<std::size_t> row_of(const store::StoredMatrix& clients, std::int64_t id);

  mutable std::shared_mutex lock_;
  store::StoredMatrix clients_;
};

}  // namespace creditscore::server
