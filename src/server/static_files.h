// A directory's files served under a path prefix: the dashboard's built files at "/", Swagger
// UI's at "/docs/assets". A path that climbs out of the directory ("..") is never served.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

#include "server/http_message.h"

namespace creditscore::server {

class StaticFiles {
 public:
  // Throws when `directory` is not one.
  StaticFiles(std::string prefix, std::filesystem::path directory);

  const std::string& prefix() const { return prefix_; }
  // The file a decoded request path names (index.html for a directory), typed by its extension;
  // nothing when the path is not under the prefix or names no file.
  std::optional<HttpResponse> find(const std::string& path) const;

 private:
  std::string prefix_;  // without a trailing "/"; empty for the root
  std::filesystem::path directory_;
};

}  // namespace creditscore::server
