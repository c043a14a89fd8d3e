#include "server/static_files.h"

#include <array>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <utility>

#include "common/error.h"

namespace creditscore::server {
namespace {

std::string content_type(const std::filesystem::path& file) {
  static constexpr std::array<std::pair<const char*, const char*>, 12> kTypes = {{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
  }};
  const std::string extension = file.extension().string();
  for (const auto& [known, type] : kTypes)
    if (extension == known) return type;
  return "application/octet-stream";
}

// The path's part below the prefix, or nothing when it is not below it or climbs out.
std::optional<std::string> relative_part(const std::string& path, const std::string& prefix) {
  if (!path.starts_with(prefix + "/")) return std::nullopt;
  std::string relative = path.substr(prefix.size() + 1);
  std::size_t start = 0;
  while (start <= relative.size()) {
    const std::size_t end = std::min(relative.find('/', start), relative.size());
    if (relative.compare(start, end - start, "..") == 0) return std::nullopt;
    start = end + 1;
  }
  if (relative.find('\0') != std::string::npos) return std::nullopt;
  return relative;
}

}  // namespace

StaticFiles::StaticFiles(std::string prefix, std::filesystem::path directory)
    : prefix_(std::move(prefix)), directory_(std::move(directory)) {
  if (prefix_.ends_with('/')) prefix_.pop_back();
  if (!std::filesystem::is_directory(directory_)) {
    throw not_found(directory_.string() + ": not a directory (files for " +
                    (prefix_.empty() ? "/" : prefix_) + ")");
  }
}

std::optional<HttpResponse> StaticFiles::find(const std::string& path) const {
  const auto relative = relative_part(path, prefix_);
  if (!relative) return std::nullopt;
  std::filesystem::path file = directory_ / *relative;
  std::error_code error;
  if (std::filesystem::is_directory(file, error)) file /= "index.html";
  if (!std::filesystem::is_regular_file(file, error)) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) return std::nullopt;  // removed or unreadable since the check
  return HttpResponse{200, content_type(file), std::move(bytes).str(), {}};
}

}  // namespace creditscore::server
