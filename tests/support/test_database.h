// Test support: a database for one test on either backend. On SQLite, a file in the test's own
// directory; on PostgreSQL, a fresh database on the throwaway cluster the test command started
// (scripts/postgresql-cluster.sh, a CTest fixture writing its URL to the file the build names
// CREDITSCORE_TEST_POSTGRESQL), dropped at the end.
#pragma once

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

#include "tests/support/temporary_directory.h"

namespace creditscore::testing {

enum class Backend { SQLite, PostgreSQL };

inline std::string backend_name(const ::testing::TestParamInfo<Backend>& info) {
  return info.param == Backend::SQLite ? "SQLite" : "PostgreSQL";
}
// How gtest shows a parameter: by name, not as bytes.
inline void PrintTo(Backend backend, std::ostream* out) {
  *out << (backend == Backend::SQLite ? "SQLite" : "PostgreSQL");
}

// The backend the API's tests run on: PostgreSQL when CTest sets CREDITSCORE_TEST_BACKEND so
// (they are registered twice), else SQLite.
inline Backend backend_under_test() {
  const char* backend = std::getenv("CREDITSCORE_TEST_BACKEND");
  return backend != nullptr && std::string(backend) == "postgresql" ? Backend::PostgreSQL
                                                                    : Backend::SQLite;
}

// The cluster's URL, to its maintenance database.
inline std::string postgresql_cluster_url() {
  std::ifstream in(CREDITSCORE_TEST_POSTGRESQL);
  std::string url;
  if (!std::getline(in, url) || url.empty()) {
    throw std::runtime_error(std::string("no PostgreSQL cluster for this test in ") +
                             CREDITSCORE_TEST_POSTGRESQL +
                             ": run it through ctest, which starts one");
  }
  return url;
}

// Runs `sql` on the cluster's maintenance database.
inline void on_cluster(const std::string& sql) {
  PGconn* connection = PQconnectdb(postgresql_cluster_url().c_str());
  PGresult* result = PQexec(connection, sql.c_str());
  const bool ok = PQresultStatus(result) == PGRES_COMMAND_OK;
  const std::string message = PQerrorMessage(connection);
  PQclear(result);
  PQfinish(connection);
  if (!ok) throw std::runtime_error(sql + ": " + message);
}

// A fresh database on the cluster, dropped with every connection to it at the end.
class ThrowawayDatabase {
 public:
  ThrowawayDatabase() : name_(unique_name()) {
    on_cluster("CREATE DATABASE " + name_);
    url_ = postgresql_cluster_url();
    url_ = url_.substr(0, url_.rfind('/') + 1) + name_;
  }
  ~ThrowawayDatabase() {
    try {
      on_cluster("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (const std::exception&) {  // the cluster stops at the end anyway
    }
  }
  ThrowawayDatabase(const ThrowawayDatabase&) = delete;
  ThrowawayDatabase& operator=(const ThrowawayDatabase&) = delete;

  const std::string& url() const { return url_; }

 private:
  static std::string unique_name() {
    static std::atomic<int> counter{0};
    return "test_" + std::to_string(::getpid()) + "_" + std::to_string(counter++);
  }
  std::string name_;
  std::string url_;
};

// Where one test's store lives on `backend`: `file` in `directory`, or a throwaway database.
class TestDatabase {
 public:
  TestDatabase(Backend backend, const std::filesystem::path& file) {
    if (backend == Backend::PostgreSQL) {
      postgresql_ = std::make_unique<ThrowawayDatabase>();
      location_ = postgresql_->url();
    } else {
      location_ = file;
    }
  }
  const std::filesystem::path& location() const { return location_; }

 private:
  std::unique_ptr<ThrowawayDatabase> postgresql_;
  std::filesystem::path location_;
};

}  // namespace creditscore::testing
