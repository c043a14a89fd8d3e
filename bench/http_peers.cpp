// One of the two HTTP servers the API could stand on, answering every GET with the size of a
// /predict answer (15 KB) after a fixed CPU cost: cpp-httplib (a thread per kept-alive
// connection, from a pool of 64) or our listener (RESTinio: one thread per core for every
// connection). bench/http_peers.sh loads both with wrk in the same run.
//   http_peers httplib|listener PORT WORK_MICROSECONDS
#include <httplib.h>

#include <chrono>
#include <csignal>
#include <iostream>
#include <string>
#include <thread>

#include "server/http_listener.h"

namespace {

const std::string kBody(15000, '0');

// Busy for `micros` of CPU, as scoring and serialising would be.
void work(int micros) {
  const auto end = std::chrono::steady_clock::now() + std::chrono::microseconds(micros);
  volatile double sum = 0;
  while (std::chrono::steady_clock::now() < end)
    for (int i = 0; i < 64; ++i) sum = sum + i;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: http_peers httplib|listener PORT WORK_MICROSECONDS\n";
    return 2;
  }
  const std::string server = argv[1];
  const int port = std::stoi(argv[2]), micros = std::stoi(argv[3]);
  if (server == "httplib") {
    httplib::Server http;
    http.new_task_queue = [] { return new httplib::ThreadPool(64); };
    http.set_tcp_nodelay(true);
    http.set_keep_alive_max_count(1'000'000);  // its best: never a new connection
    http.Get(".*", [micros](const httplib::Request&, httplib::Response& response) {
      work(micros);
      response.set_content(kBody, "application/json");
    });
    return http.listen("127.0.0.1", port) ? 0 : 1;
  }
  if (server != "listener") {
    std::cerr << "http_peers: unknown server " << server << " (httplib or listener)\n";
    return 2;
  }
  creditscore::server::HttpListener listener(
      {"127.0.0.1", port, std::max(1u, std::thread::hardware_concurrency()), 1 << 20},
      [micros](const creditscore::server::HttpRequest&) {
        work(micros);
        return creditscore::server::HttpResponse{200, "application/json", kBody, {}};
      });
  try {
    listener.bind();
  } catch (const std::exception& error) {
    std::cerr << "http_peers: " << error.what() << '\n';
    return 1;
  }
  listener.run();
}
