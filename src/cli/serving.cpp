#include "cli/serving.h"

#include <pthread.h>

#include <csignal>
#include <iostream>
#include <thread>

namespace creditscore::cli {

// Serves until SIGTERM or SIGINT: the signals are blocked in every thread and one thread waits
// for them, so stopping runs as ordinary code, never inside a signal handler.
void serve_until_stopped(const server::ServerSettings& settings) {
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGTERM);
  sigaddset(&signals, SIGINT);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);

  server::ApiServer api(settings);
  const int port = api.bind();
  const auto model = api.service().model();
  const std::string address = (settings.tls_cert.empty() ? "http://" : "https://") + settings.host +
                              ":" + std::to_string(port);
  std::cout << "creditscore serve: model " << model->bundle().run_id << ", "
            << api.service().population().size() << " clients, " << api.workers() << " workers\n"
            << "  dashboard  " << address << "/\n"
            << "  API        " << address << "/api/v1/  (GET /predict?numeroClient=ID too)\n"
            << "  API docs   " << address << "/docs\n"
            << "Stop with Ctrl-C or SIGTERM." << std::endl;
  if (settings.open_predict) {
    std::cerr << "creditscore serve: WARNING: --open-predict: /predict answers anyone who reaches "
                 "this port, without credentials; each call is still in the audit trail\n";
  }
  std::thread waiter([&api, signals] {
    int received = 0;
    sigwait(&signals, &received);
    std::cout << "creditscore serve: stopping (signal " << received << ")" << std::endl;
    api.stop();
  });
  api.run();
  // Stopped by a signal, the waiter is done; stopped otherwise, wake it.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
}

}  // namespace creditscore::cli
