// A client posted to the API (POST /api/v1/score, /api/v1/applications), from the body's bytes:
// the JSON body parser, then the posted client's tables, which checks the application's rules.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "app/posted_client.h"
#include "fuzz/fuzz_support.h"
#include "server/http_error.h"
#include "server/json_body.h"

using namespace creditscore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string body(reinterpret_cast<const char*>(data), size);
  fuzz::expect_only_mendable_errors([&] {
    nlohmann::json parsed;
    try {
      parsed = server::parse_json_body(body);
    } catch (const server::HttpError& refused) {
      if (refused.status() != 400) std::abort();  // the one fault of the body's own: not JSON
      return;
    }
    (void)app::posted_client(parsed, 100001);
  });
  return 0;
}
