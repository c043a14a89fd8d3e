// Running the server from the command line (`serve`, and `demo`): until SIGTERM or Ctrl-C, with
// the addresses printed for the people who will open them.
#pragma once

#include "server/api_server.h"

namespace creditscore::cli {

void serve_until_stopped(const server::ServerSettings& settings);

}  // namespace creditscore::cli
