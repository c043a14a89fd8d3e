// What the commands that read the client store with a model share (letters, client export,
// recourse, monitor): --store (or --database: a shared PostgreSQL database, whose registry is
// then used too), --model and --models, and the service they open on them.
#pragma once

#include <CLI/CLI.hpp>
#include <filesystem>
#include <memory>

#include "app/service.h"

namespace creditscore::cli {

struct StoreServiceOptions {
  std::filesystem::path store = "clients.sqlite";
  std::filesystem::path model;  // the served run's bundle when empty
  std::filesystem::path models = "models";
};

void add_store_service_options(CLI::App& command, StoreServiceOptions& options);

// Throws a not_found Error when the store is not there, std::runtime_error when no model is
// given and none is served.
std::unique_ptr<app::Service> open_store_service(const StoreServiceOptions& options);

}  // namespace creditscore::cli
