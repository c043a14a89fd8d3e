// Writes a synthetic Home Credit data set: the eight Kaggle files with their exact headers, and
// oracle.csv with each client's true probability of default (never read by training).
//
// Clients are generated in chunks on all cores; each client draws from its own random stream and
// its history ids derive from its position, so the bytes depend only on the seed and the number
// of clients. Memory stays bounded whatever the size: chunks are written as soon as they are made.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "tables/progress.h"

namespace creditscore::synth {

struct GeneratorConfig {
  std::uint64_t clients = 20000;  // applications, train and test together
  std::uint64_t seed = 1;
  std::filesystem::path out;  // created if absent
  unsigned threads = 0;       // 0 = all cores; the output does not depend on it
  // application_test shifted as kDrift says (synth/applicant.h), and drift.json written.
  bool drift = false;
};

struct FileSummary {
  std::string file_name;
  std::uint64_t rows = 0;
  std::uint64_t bytes = 0;
};

struct GenerationSummary {
  std::vector<FileSummary> files;  // the eight tables, then oracle.csv
  std::uint64_t train_clients = 0;
  std::uint64_t test_clients = 0;
  std::vector<double> train_true_pd;  // oracle probability of each train client
  std::vector<int> train_target;
  double default_rate = 0;  // among train clients
};

inline constexpr std::uint64_t kMaxClients = 100'000'000;
inline constexpr const char* kOracleFile = "oracle.csv";
inline constexpr const char* kDriftFile = "drift.json";

// Throws std::invalid_argument for a bad config, std::runtime_error naming the file when the
// disk refuses; files already complete are kept only when every file is complete.
GenerationSummary generate_dataset(const GeneratorConfig& config, const ProgressFn& progress = {});

}  // namespace creditscore::synth
