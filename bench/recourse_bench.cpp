// Recourse (app/recourse.h) against a peer written here after DiCE's random method, on the same
// refused clients, model and feature pipeline: the peer samples the changeable fields within the
// products' range (amount, term, purchase price; each candidate varies a random subset of them),
// rebuilds and scores every sample, keeps the valid ones (granted), then sparsifies them (each
// changed field moved back towards its value by bisection while the candidate stays granted).
// For each: the time per client, the share of clients with a valid option, the smallest change
// found; then the ratios, and the clients where ours found a larger change than the peer's.
//   recourse_bench BUNDLE_DIR STORE [CLIENTS=200] [SAMPLES=1000]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "app/client_features.h"
#include "app/recourse.h"
#include "app/service.h"

namespace {

using namespace creditscore;
using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

struct Client {
  std::int64_t id;
  nlohmann::json application;
  std::vector<float> features;
};

struct PeerResult {
  bool found = false;
  double smallest_change = 0;
  double amount = 0, term = 0;  // of the smallest change
};

class RandomPeer {
 public:
  RandomPeer(const explain::ServedModel& model, const Client& client, const app::Loan& current,
             const app::ProductRange& range, std::uint64_t seed)
      : model_(model), client_(client), current_(current), range_(range), random_(seed) {}

  PeerResult run(std::size_t samples) {
    std::vector<Candidate> valid;
    for (std::size_t s = 0; s < samples; ++s) {
      Candidate c = sample();
      if (granted(c)) valid.push_back(c);
    }
    // DiCE keeps total_CFs = 3 of them, then sparsifies those.
    std::shuffle(valid.begin(), valid.end(), random_);
    if (valid.size() > 3) valid.resize(3);
    PeerResult result;
    for (Candidate& c : valid) {
      sparsify(c);
      const double change = size(c);
      if (!result.found || change < result.smallest_change)
        result = {true, change, c.amount, c.term};
    }
    return result;
  }

 private:
  // The same actions as ours: a lower amount, a term in whole months within the range, and the
  // purchase's price falling with the amount (a cheaper purchase) or kept (a down payment).
  struct Candidate {
    double amount, term;
    bool cheaper_purchase;
  };

  double first_term() const { return std::ceil(range_.min_term); }
  double last_term() const { return std::floor(range_.max_term); }

  Candidate sample() {
    std::uniform_real_distribution<double> unit(0, 1);
    Candidate c{current_.amount, current_.term(), false};
    do {
      if (unit(random_) < 0.5)
        c.amount =
            std::round(range_.min_amount + unit(random_) * (current_.amount - range_.min_amount));
      if (unit(random_) < 0.5)
        c.term = std::round(first_term() + unit(random_) * (last_term() - first_term()));
      c.cheaper_purchase = current_.goods_price > 0 && unit(random_) < 0.5;
    } while (c.amount == current_.amount && c.term == current_.term());
    return c;
  }

  double size(const Candidate& c) const {
    return (current_.amount - c.amount) / current_.amount +
           std::abs(c.term - current_.term()) / current_.term();
  }

  bool granted(const Candidate& c) const {
    nlohmann::json changes = {{"AMT_CREDIT", c.amount},
                              {"AMT_ANNUITY", std::round(c.amount / c.term * 100) / 100}};
    if (c.cheaper_purchase)
      changes["AMT_GOODS_PRICE"] = std::round(current_.goods_price * c.amount / current_.amount);
    const app::BuiltClient built = app::build_edited_client(model_, client_.application, changes,
                                                            client_.id, client_.features);
    return model_.probability(built.features) < model_.threshold();
  }

  // Each changed field back to its value if the candidate stays granted, else moved towards it by
  // bisection while it does (DiCE's post-hoc sparsity).
  void sparsify(Candidate& c) const {
    const auto back = [&](double Candidate::*field, double original, double unit) {
      Candidate tried = c;
      tried.*field = original;
      if (granted(tried)) {
        c.*field = original;
        return;
      }
      double valid = c.*field, towards = original;
      while (std::abs(valid - towards) > unit) {
        tried.*field = std::round((valid + towards) / 2 / unit) * unit;
        if (tried.*field == valid || tried.*field == towards) break;
        (granted(tried) ? valid : towards) = tried.*field;
      }
      c.*field = valid;
    };
    back(&Candidate::amount, current_.amount, 1);
    back(&Candidate::term, current_.term(), 1);
  }

  const explain::ServedModel& model_;
  const Client& client_;
  app::Loan current_;
  app::ProductRange range_;
  std::mt19937_64 random_;
};

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: recourse_bench BUNDLE_DIR STORE [CLIENTS=200] [SAMPLES=1000]\n");
    return 2;
  }
  const std::size_t wanted = argc > 3 ? std::stoul(argv[3]) : 200;
  const std::size_t samples = argc > 4 ? std::stoul(argv[4]) : 1000;
  app::Service service(argv[1], argv[2], std::nullopt, 0);
  const auto model = service.model();
  std::vector<Client> clients;
  const std::vector<std::int64_t> ids =
      service.population().read([](const store::StoredMatrix& m) { return m.ids; });
  for (const std::int64_t id : ids) {
    if (clients.size() == wanted) break;
    if (service.population().probability(id) < model->threshold()) continue;
    const auto stored = service.with_store([&](store::ClientStore& s) { return s.find(id); });
    clients.push_back(
        {id, nlohmann::json::parse(stored->application), *service.population().features(id)});
  }

  std::vector<double> our_ms, peer_ms;
  std::size_t our_found = 0, peer_found = 0, both = 0, ours_larger = 0;
  double our_change_sum = 0, peer_change_sum = 0;
  std::vector<std::string> larger;
  for (std::size_t k = 0; k < clients.size(); ++k) {
    const Client& client = clients[k];
    auto start = Clock::now();
    const app::Recourse ours =
        app::find_recourse(*model, client.application, client.features, client.id);
    our_ms.push_back(ms_since(start));
    start = Clock::now();
    RandomPeer peer(*model, client, ours.current, ours.range, 1000 + k);
    const PeerResult theirs = peer.run(samples);
    peer_ms.push_back(ms_since(start));
    our_found += ours.options.empty() ? 0 : 1;
    peer_found += theirs.found ? 1 : 0;
    if (!ours.options.empty() && theirs.found) {
      ++both;
      const double mine = ours.options.front().change;
      our_change_sum += mine;
      peer_change_sum += theirs.smallest_change;
      // Equal within 0.01 %: the annuity rounded to cents moves the term by a hair.
      if (mine > theirs.smallest_change + 1e-4) {
        ++ours_larger;
        const app::RecourseOption& o = ours.options.front();
        larger.push_back(
            "client " + std::to_string(client.id) + ": ours " + app::change_kind_name(o.kind) +
            " " + std::to_string(o.loan.amount) + " over " + std::to_string(o.loan.term()) + " (" +
            std::to_string(mine) + "), peer " + std::to_string(theirs.amount) + " over " +
            std::to_string(theirs.term) + " (" + std::to_string(theirs.smallest_change) +
            "), from " + std::to_string(ours.current.amount) + " over " +
            std::to_string(ours.current.term()));
      }
    }
    if (theirs.found && ours.options.empty()) ++ours_larger;  // the peer found one we missed
    std::fprintf(stderr, "\r%zu/%zu clients", k + 1, clients.size());
  }
  std::fprintf(stderr, "\n");
  const double n = static_cast<double>(clients.size());
  std::printf("%zu refused clients, model of %zu trees, peer: %zu samples per client\n\n",
              clients.size(), model->explainer().trees()->num_trees(), samples);
  std::printf("%-22s %12s %12s %14s %22s\n", "method", "median ms", "mean ms", "with option",
              "mean smallest change");
  const auto mean = [](const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / static_cast<double>(v.size());
  };
  std::printf("%-22s %12.2f %12.2f %13.1f%% %21.1f%%\n", "ours (exact)", median(our_ms),
              mean(our_ms), 100 * our_found / n, both ? 100 * our_change_sum / both : 0.0);
  std::printf("%-22s %12.2f %12.2f %13.1f%% %21.1f%%\n", "peer (DiCE random)", median(peer_ms),
              mean(peer_ms), 100 * peer_found / n, both ? 100 * peer_change_sum / both : 0.0);
  std::printf(
      "\nspeed-up, median: %.0fx   clients where ours is larger than the peer's or "
      "missing: %zu of %zu\n",
      median(peer_ms) / median(our_ms), ours_larger, clients.size());
  for (const std::string& line : larger) std::printf("  %s\n", line.c_str());
  return 0;
}
