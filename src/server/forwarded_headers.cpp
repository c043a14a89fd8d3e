#include "server/forwarded_headers.h"

#include <algorithm>

namespace creditscore::server {

namespace {

std::string_view trimmed(std::string_view text) {
  const auto first = text.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

}  // namespace

void apply_forwarded_headers(HttpRequest& request, std::span<const std::string> trusted_proxies,
                             std::string_view forwarded_for, std::string_view forwarded_proto) {
  if (std::find(trusted_proxies.begin(), trusted_proxies.end(), request.peer) ==
      trusted_proxies.end())
    return;
  // The proxy appends the address it saw: earlier entries are the caller's own say.
  const auto comma = forwarded_for.rfind(',');
  const std::string_view caller =
      trimmed(comma == std::string_view::npos ? forwarded_for : forwarded_for.substr(comma + 1));
  if (!caller.empty()) request.peer = std::string(caller);
  if (trimmed(forwarded_proto) == "https") request.secure = true;
}

}  // namespace creditscore::server
