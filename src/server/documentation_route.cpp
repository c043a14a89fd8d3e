// GET /docs: the API's interactive documentation, Swagger UI (swagger-ui-dist from npm, served
// from this machine: nothing is fetched from the internet) reading /openapi.json.
#include "common/error.h"
#include "server/routes.h"

namespace creditscore::server {

void add_documentation_route(Router& router, bool installed) {
  router.get("/docs", [installed](const Request&) {
    if (!installed) {
      throw not_found(
          "Swagger UI's files are not installed: run `npm ci --prefix web`, or give "
          "--docs DIR; the API's description is at /openapi.json");
    }
    return Reply::of_type(R"(<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>creditscore API</title>
  <link rel="stylesheet" href="/docs/assets/swagger-ui.css">
</head>
<body>
  <div id="swagger-ui"></div>
  <script src="/docs/assets/swagger-ui-bundle.js"></script>
  <script src="/docs/init.js"></script>
</body>
</html>
)",
                          "text/html; charset=utf-8");
  });
  // In a file of its own: the Content-Security-Policy admits no inline script.
  router.get("/docs/init.js", [](const Request&) {
    return Reply::of_type(
        "window.ui = SwaggerUIBundle({url: \"/openapi.json\", dom_id: \"#swagger-ui\"});\n",
        "text/javascript; charset=utf-8");
  });
}

}  // namespace creditscore::server
