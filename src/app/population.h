// Every client of the store in memory, with the live model's probability of each: what the
// comparisons (distributions, nearest neighbours, bivariate views) read, and where a client's
// feature vector is found without touching the database. Readers share a lock; adding a client
// takes it alone. A new model's scores are computed aside, under the shared lock, so that
// readers go on, and then swapped in.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <span>
#include <vector>

#include "explain/served_model.h"
#include "store/client_store.h"

namespace creditscore::app {

class Population {
 public:
  // Every client's probability under one model, computed aside.
  struct Scores {
    std::vector<double> probabilities;
    std::shared_ptr<const explain::ServedModel> model;
  };

  // The store's clients, scored by run `scored_by`: scored again only when `model` is another
  // run (or a client has no probability). Throws a conflict Error when the store's features are
  // not the model's.
  Population(store::StoredMatrix clients, const std::string& scored_by,
             std::shared_ptr<const explain::ServedModel> model);

  // Gives the clients to `read` under the shared lock.
  template <typename Read>
  auto read(Read&& read) const {
    const std::shared_lock hold(lock_);
    return read(clients_);
  }
  std::optional<std::vector<float>> features(std::int64_t id) const;
  // The live probability of client `id`, NaN when there is no such client.
  double probability(std::int64_t id) const;
  // Client `id`'s probability when the held scores are `model`'s (computed by the same function,
  // so the same bits); nullopt when they are another model's, just after a switch, or when there
  // is no such client.
  std::optional<double> probability_under(const explain::ServedModel& model, std::int64_t id) const;
  std::size_t size() const;
  // The id the next new application gets: one above every id held.
  std::int64_t next_id() const;

  // A new client this server saved, scored by `model`. When the population's scores have moved
  // to another model meanwhile, the client is scored again by that one. Held already when the
  // database's notice of the save came first.
  void add(std::int64_t id, store::ClientSplit split, std::span<const float> features,
           double probability, const std::shared_ptr<const explain::ServedModel>& model);
  // A client saved in the store, by another server or this one: held in id order, scored by the
  // population's model; one held already keeps its features (a stored client's never change)
  // and takes its split and outcome.
  void put(const store::StoredClient& client);
  // Outcomes recorded in the store (ClientStore::record_outcomes), kept here too; unknown ids are
  // skipped.
  void set_outcomes(std::span<const store::Outcome> outcomes);
  // Every client's probability under `model`, which must have the same features (conflict
  // Error). Readers are not held up; a client added meanwhile waits.
  Scores scores_under(std::shared_ptr<const explain::ServedModel> model) const;
  // Swaps `scores` in; clients added since they were computed are scored here.
  void take_scores(Scores scores);

 private:
  static void check_features(const store::StoredMatrix& clients, const explain::ServedModel& model);
  // Holds a client not held yet, in id order; false when `id` is held already. Under the lock.
  bool insert(std::int64_t id, store::ClientSplit split, std::int8_t target,
              std::span<const float> features, double probability);
  static std::optional<std::size_t> row_of(const store::StoredMatrix& clients, std::int64_t id);
  static void score_rows(const store::StoredMatrix& clients, const explain::ServedModel& model,
                         std::size_t from, std::vector<double>& probabilities);

  mutable std::shared_mutex lock_;
  store::StoredMatrix clients_;
  std::shared_ptr<const explain::ServedModel> scored_by_;
};

}  // namespace creditscore::app
