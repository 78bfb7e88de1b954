// The HTTP/1.1 transport (Boost.Beast over Asio): keep-alive, request size limits, read and
// idle timeouts, an access log, a bounded thread pool, graceful shutdown. Every request is
// handed to a RequestHandler (normally Api::Handle); the transport answers malformed HTTP
// (400), oversized bodies (413) and headers (431) itself and never lets them reach it.
//
// Lifetime: Run() blocks until Stop() is called (from any thread, or by SIGINT/SIGTERM when
// handle_signals is set), then stops accepting, lets requests in flight finish (answering
// with "Connection: close"), closes idle connections and returns once all are gone or
// `shutdown_grace` has passed.
#pragma once

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <string>

#include "eucomply/status.h"
#include "server/api.h"

namespace eucomply::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  uint16_t port = 8080;  // 0: any free port (the URL passed to on_listening names it)
  int threads = 0;       // 0: the number of cores
  // Binds thread i to the i-th CPU this process may run on, when there are no more threads
  // than such CPUs. Each thread owns its connections, so a thread that the scheduler moves
  // onto a busy core makes all of them wait; pinned, the p99 latency under load is steadier.
  bool pin_threads = true;
  size_t body_limit = 1u << 20;
  size_t header_limit = 16u << 10;  // request line and headers together
  // From the first byte of a request to its last, and for writing a response.
  std::chrono::milliseconds read_timeout{10000};
  // How long a keep-alive connection may wait for its next request.
  std::chrono::milliseconds idle_timeout{60000};
  std::chrono::milliseconds shutdown_grace{10000};
  bool handle_signals = true;  // SIGINT and SIGTERM call Stop()
  std::FILE* access_log = nullptr;  // one line per request; nullptr: none
  std::function<void(const std::string& url)> on_listening;
};

using RequestHandler = std::function<ApiResponse(const ApiRequest&)>;

class HttpServer {
 public:
  HttpServer(ServerOptions options, RequestHandler handler);
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Binds, listens and serves until stopped. Fails (Unavailable) if it cannot listen.
  Status Run();
  // Thread-safe; may be called before Run() has bound.
  void Stop();

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace eucomply::server
