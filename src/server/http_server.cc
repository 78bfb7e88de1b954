#include "server/http_server.h"

#include <fmt/format.h>

#include <atomic>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <pthread.h>
#include <sched.h>

#include <csignal>
#include <ctime>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <vector>

namespace eucomply::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
using tcp = net::ip::tcp;
using Clock = std::chrono::steady_clock;

constexpr size_t kIdleReadSize = 1024;
constexpr size_t kDrainLimit = 1u << 20;
constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";

// The request target as it may appear in a log line: printable ASCII, no quotes, bounded.
std::string LogSafe(std::string_view s, size_t max) {
  std::string out;
  for (char c : s.substr(0, max)) {
    unsigned char u = static_cast<unsigned char>(c);
    if (u < 0x20 || u >= 0x7f) out += '?';
    else if (c == '"') out += "%22";
    else out += c;
  }
  if (s.size() > max) out += "...";
  return out;
}

std::string UtcNow() {
  auto now = std::chrono::system_clock::now();
  std::time_t t = std::chrono::system_clock::to_time_t(now);
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() % 1000;
  // The date and time to the second change once a second: formatted once per thread.
  thread_local std::time_t last = -1;
  thread_local char seconds[32];
  if (t != last) {
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(seconds, sizeof seconds, "%Y-%m-%dT%H:%M:%S", &tm);
    last = t;
  }
  return fmt::format("{}.{:03d}Z", seconds, static_cast<int>(ms));
}

class Session;

// The CPUs this process may run on, in order.
std::vector<int> AllowedCpus() {
  std::vector<int> cpus;
  cpu_set_t set;
  CPU_ZERO(&set);
  if (sched_getaffinity(0, sizeof set, &set) != 0) return cpus;
  for (int c = 0; c < CPU_SETSIZE; ++c) {
    if (CPU_ISSET(c, &set)) cpus.push_back(c);
  }
  return cpus;
}

// Pins the calling thread to `cpu`; a failure only costs steadiness, so it is ignored.
void PinTo(int cpu) {
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

// Streams and sockets bound to one thread's io_context: no type-erased executor per call.
using Executor = net::io_context::executor_type;
using Stream = beast::basic_stream<tcp, Executor>;
using Socket = net::basic_stream_socket<tcp, Executor>;

}  // namespace

struct HttpServer::Impl {
  Impl(ServerOptions o, RequestHandler h)
      : opt(std::move(o)), handler(std::move(h)), iocs(MakeContexts(opt.threads)),
        strand(net::make_strand(*iocs[0])),
        acceptor(strand),
        signals(strand),
        shutdown_timer(strand),
        accept_retry(strand),
        log_timer(strand) {}

  // One io_context per thread, each run by that thread alone (concurrency hint 1): a
  // connection stays on one thread, so its handlers need no strand and the scheduler no
  // cross-thread wake-ups. Accepted connections are dealt out in turn.
  static std::vector<std::unique_ptr<net::io_context>> MakeContexts(int n) {
    std::vector<std::unique_ptr<net::io_context>> v;
    for (int i = 0; i < n; ++i) v.push_back(std::make_unique<net::io_context>(1));
    return v;
  }
  net::io_context& NextContext() { return *iocs[next_context++ % iocs.size()]; }
  void StopContexts() {
    for (auto& g : guards) g.reset();
    for (auto& c : iocs) c->stop();
  }

  void DoAccept();
  void BeginShutdown();
  void PollShutdown(Clock::time_point deadline);
  void Register(const std::shared_ptr<Session>& s);
  void Unregister(Session* s);
  void Log(const std::string& line);
  void FlushLog();
  void ScheduleLogFlush();

  ServerOptions opt;
  RequestHandler handler;
  // Declared before the io_context: sessions still queued in it when it is destroyed
  // unregister themselves from these.
  std::mutex sessions_mu;
  std::unordered_map<Session*, std::weak_ptr<Session>> sessions;
  // Access-log lines are gathered here and written by 64 KB or every 200 ms (log_timer),
  // and on shutdown: a write and flush per request cost a system call each.
  std::mutex log_mu;
  std::string log_buffer;
  std::vector<std::unique_ptr<net::io_context>> iocs;
  std::vector<net::executor_work_guard<net::io_context::executor_type>> guards;
  size_t next_context = 0;  // used on the strand only
  net::strand<net::io_context::executor_type> strand;  // acceptor, signals, shutdown
  tcp::acceptor acceptor;
  net::signal_set signals;
  net::steady_timer shutdown_timer;
  net::steady_timer accept_retry;
  net::steady_timer log_timer;
  std::atomic<bool> stopping{false};
  std::atomic<bool> stop_requested{false};
};

namespace {

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(HttpServer::Impl& srv, Socket socket) : srv_(srv), stream_(std::move(socket)) {
    boost::system::error_code ec;
    tcp::endpoint peer = stream_.socket().remote_endpoint(ec);
    if (!ec) peer_ = peer.address().to_string();
  }
  ~Session() { srv_.Unregister(this); }

  void Start() {
    net::dispatch(stream_.get_executor(), [self = shared_from_this()] { self->WaitForRequest(); });
  }

  // Runs on the session's strand: closes the connection now if it is waiting for a request;
  // a request being read or answered finishes first and then closes (stopping is set).
  void OnShutdown() {
    if (idle_) stream_.cancel();
  }

  auto executor() { return stream_.get_executor(); }

 private:
  void WaitForRequest() {
    if (srv_.stopping) return Close();
    if (buffer_.size() > 0) return ReadHeader();
    idle_ = true;
    stream_.expires_after(srv_.opt.idle_timeout);
    stream_.async_read_some(buffer_.prepare(kIdleReadSize),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->idle_ = false;
                              if (ec) return self->Close();
                              self->buffer_.commit(n);
                              self->ReadHeader();
                            });
  }

  void ReadHeader() {
    parser_.emplace();
    parser_->header_limit(static_cast<uint32_t>(srv_.opt.header_limit));
    parser_->body_limit(srv_.opt.body_limit);
    start_ = Clock::now();
    stream_.expires_after(srv_.opt.read_timeout);
    http::async_read_header(stream_, buffer_, *parser_,
                            [self = shared_from_this()](beast::error_code ec, size_t) {
                              self->OnHeader(ec);
                            });
  }

  void OnHeader(beast::error_code ec) {
    if (ec) return OnReadError(ec);
    if (beast::iequals(parser_->get()[http::field::expect], "100-continue")) {
      net::async_write(stream_, net::buffer(kContinue.data(), kContinue.size()),
                       [self = shared_from_this()](beast::error_code ec2, size_t) {
                         if (ec2) return self->Close();
                         self->ReadBody();
                       });
      return;
    }
    ReadBody();
  }

  void ReadBody() {
    http::async_read(stream_, buffer_, *parser_,
                     [self = shared_from_this()](beast::error_code ec, size_t) {
                       if (ec) return self->OnReadError(ec);
                       self->Respond();
                     });
  }

  void OnReadError(beast::error_code ec) {
    // Timeouts (the stream closed the socket), resets and a peer that went away mid-request
    // need no answer; only a parse error of the HTTP category gets one.
    const bool parse_error =
        ec.category() == http::make_error_code(http::error::bad_target).category();
    if (!parse_error || ec == http::error::end_of_stream || ec == http::error::partial_message) {
      return Close();
    }
    int status = 400;
    std::string message = "malformed HTTP request: " + ec.message();
    if (ec == http::error::body_limit) {
      status = 413;
      message = fmt::format("the request body is larger than {} bytes", srv_.opt.body_limit);
    } else if (ec == http::error::header_limit) {
      status = 431;
      message = fmt::format("the request line and headers are larger than {} bytes",
                            srv_.opt.header_limit);
    }
    SendTransportError(status, message);
  }

  void SendTransportError(int status, const std::string& message) {
    nlohmann::json body = {{"error",
                            {{"status", status},
                             {"code", status == 413   ? "payload_too_large"
                                      : status == 431 ? "headers_too_large"
                                                      : "bad_request"},
                             {"message", message},
                             {"details", nlohmann::json::array()}}}};
    body_ = std::make_shared<const std::string>(body.dump());
    res_ = {};
    res_.version(11);
    res_.result(static_cast<unsigned>(status));
    res_.set(http::field::server, "eucomply");
    res_.set(http::field::content_type, "application/json");
    res_.set(http::field::connection, "close");
    res_.keep_alive(false);
    res_.body() = http::span_body<const char>::value_type(body_->data(), body_->size());
    res_.prepare_payload();
    LogLine("-", "-", status, body_->size());
    stream_.expires_after(srv_.opt.read_timeout);
    http::async_write(stream_, res_, [self = shared_from_this()](beast::error_code ec, size_t) {
      if (ec) return self->Close();
      self->DrainAndClose();
    });
  }

  void Respond() {
    http::request<http::string_body>& req = parser_->get();
    ApiRequest ar;
    ar.method = std::string(req.method_string());
    ar.target = std::string(req.target());
    ar.accept_language = std::string(req[http::field::accept_language]);
    ar.accept_encoding = std::string(req[http::field::accept_encoding]);
    ar.content_type = std::string(req[http::field::content_type]);
    ar.body = std::move(req.body());
    ApiResponse r;
    try {
      r = srv_.handler(ar);
    } catch (const std::exception& e) {
      // A bug or an exhausted resource in a handler: answer 500, keep serving.
      r = ErrorResponse(Status::Internal(fmt::format("internal error: {}", e.what())));
    }
    const bool keep_alive = req.keep_alive() && !srv_.stopping;
    // The body is held by the session until written: a cached answer is sent from the
    // cache's own copy.
    body_ = r.shared_body ? std::move(r.shared_body)
                          : std::make_shared<const std::string>(std::move(r.body));
    res_ = {};
    res_.version(req.version());
    res_.result(static_cast<unsigned>(r.status));
    res_.set(http::field::server, "eucomply");
    res_.set(http::field::content_type, r.content_type);
    if (!r.content_encoding.empty()) res_.set(http::field::content_encoding, r.content_encoding);
    res_.set("X-Content-Type-Options", "nosniff");
    for (const auto& [name, value] : r.headers) res_.set(name, value);
    res_.keep_alive(keep_alive);
    const size_t size = body_->size();
    if (req.method() == http::verb::head) {
      res_.content_length(size);
    } else {
      res_.body() = http::span_body<const char>::value_type(body_->data(), size);
      res_.prepare_payload();
    }
    LogLine(ar.method, ar.target, r.status, size);
    stream_.expires_after(srv_.opt.read_timeout);
    http::async_write(stream_, res_,
                      [self = shared_from_this(), keep_alive](beast::error_code ec, size_t) {
                        if (ec) return self->Close();
                        if (!keep_alive) return self->DrainAndClose();
                        self->WaitForRequest();
                      });
  }

  // Half-closes, then reads and drops what the client still sends (up to a limit or the read
  // timeout) before closing, so that an early answer (413, 431) is not lost to a reset.
  void DrainAndClose() {
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    if (ec) return Close();
    drained_ = 0;
    Drain();
  }

  void Drain() {
    stream_.expires_after(std::chrono::milliseconds(2000));
    buffer_.clear();
    stream_.async_read_some(buffer_.prepare(16384),
                            [self = shared_from_this()](beast::error_code ec, size_t n) {
                              self->drained_ += n;
                              if (ec || self->drained_ > kDrainLimit) return self->Close();
                              self->Drain();
                            });
  }

  void Close() {
    beast::error_code ec;
    stream_.socket().close(ec);
  }

  void LogLine(const std::string& method, const std::string& target, int status, size_t bytes) {
    if (srv_.opt.access_log == nullptr) return;
    double ms = std::chrono::duration<double, std::milli>(Clock::now() - start_).count();
    srv_.Log(fmt::format("{} {} \"{} {}\" {} {} {:.3f}ms\n", UtcNow(), peer_.empty() ? "-" : peer_,
                         LogSafe(method, 16), LogSafe(target, 512), status, bytes, ms));
  }

  HttpServer::Impl& srv_;
  Stream stream_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  std::shared_ptr<const std::string> body_;
  http::response<http::span_body<const char>> res_;
  std::string peer_;
  Clock::time_point start_ = Clock::now();
  size_t drained_ = 0;
  bool idle_ = false;
};

}  // namespace

void HttpServer::Impl::Register(const std::shared_ptr<Session>& s) {
  std::lock_guard<std::mutex> lock(sessions_mu);
  sessions.emplace(s.get(), s);
}

void HttpServer::Impl::Unregister(Session* s) {
  std::lock_guard<std::mutex> lock(sessions_mu);
  sessions.erase(s);
}

void HttpServer::Impl::Log(const std::string& line) {
  constexpr size_t kLogBufferSize = 64u << 10;
  std::lock_guard<std::mutex> lock(log_mu);
  log_buffer += line;
  if (log_buffer.size() >= kLogBufferSize) {
    std::fwrite(log_buffer.data(), 1, log_buffer.size(), opt.access_log);
    std::fflush(opt.access_log);
    log_buffer.clear();
  }
}

void HttpServer::Impl::FlushLog() {
  if (opt.access_log == nullptr) return;
  std::lock_guard<std::mutex> lock(log_mu);
  if (log_buffer.empty()) return;
  std::fwrite(log_buffer.data(), 1, log_buffer.size(), opt.access_log);
  std::fflush(opt.access_log);
  log_buffer.clear();
}

void HttpServer::Impl::ScheduleLogFlush() {
  if (opt.access_log == nullptr) return;
  log_timer.expires_after(std::chrono::milliseconds(200));
  log_timer.async_wait([this](beast::error_code ec) {
    if (ec) return;
    FlushLog();
    if (!stopping) ScheduleLogFlush();
  });
}

void HttpServer::Impl::DoAccept() {
  acceptor.async_accept(NextContext().get_executor(), [this](beast::error_code ec, Socket socket) {
    if (ec) {
      if (ec == net::error::operation_aborted || stopping) return;
      // Out of file descriptors (EMFILE) or a transient failure: wait a little, retry.
      std::fprintf(stderr, "eucomply serve: accept: %s\n", ec.message().c_str());
      accept_retry.expires_after(std::chrono::milliseconds(50));
      accept_retry.async_wait([this](beast::error_code e) {
        if (!e && !stopping) DoAccept();
      });
      return;
    }
    beast::error_code ignored;
    socket.set_option(tcp::no_delay(true), ignored);
    auto session = std::make_shared<Session>(*this, std::move(socket));
    Register(session);
    session->Start();
    DoAccept();
  });
}

void HttpServer::Impl::BeginShutdown() {
  if (stopping.exchange(true)) return;
  beast::error_code ec;
  acceptor.close(ec);
  signals.cancel(ec);
  accept_retry.cancel();
  log_timer.cancel();
  std::vector<std::shared_ptr<Session>> live;
  {
    std::lock_guard<std::mutex> lock(sessions_mu);
    for (auto& [ptr, weak] : sessions) {
      if (auto s = weak.lock()) live.push_back(std::move(s));
    }
  }
  for (auto& s : live) net::post(s->executor(), [s] { s->OnShutdown(); });
  live.clear();
  PollShutdown(Clock::now() + opt.shutdown_grace);
}

void HttpServer::Impl::PollShutdown(Clock::time_point deadline) {
  bool empty;
  {
    std::lock_guard<std::mutex> lock(sessions_mu);
    empty = sessions.empty();
  }
  if (empty || Clock::now() >= deadline) {
    StopContexts();
    return;
  }
  shutdown_timer.expires_after(std::chrono::milliseconds(20));
  shutdown_timer.async_wait([this, deadline](beast::error_code) { PollShutdown(deadline); });
}

HttpServer::HttpServer(ServerOptions options, RequestHandler handler) {
  if (options.threads <= 0) {
    options.threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  }
  impl_ = std::make_unique<Impl>(std::move(options), std::move(handler));
}

HttpServer::~HttpServer() = default;

void HttpServer::Stop() {
  impl_->stop_requested = true;
  net::post(impl_->strand, [impl = impl_.get()] { impl->BeginShutdown(); });
}

Status HttpServer::Run() {
  Impl& s = *impl_;
  beast::error_code ec;
  net::ip::address address = net::ip::make_address(s.opt.host, ec);
  if (ec) return Status::InvalidArgument(fmt::format("--host: '{}' is not an IP address", s.opt.host));
  tcp::endpoint endpoint(address, s.opt.port);
  s.acceptor.open(endpoint.protocol(), ec);
  if (!ec) s.acceptor.set_option(net::socket_base::reuse_address(true), ec);
  if (!ec) s.acceptor.bind(endpoint, ec);
  if (!ec) s.acceptor.listen(net::socket_base::max_listen_connections, ec);
  if (ec) {
    return Status::Unavailable(
        fmt::format("cannot listen on {}:{}: {}", s.opt.host, s.opt.port, ec.message()));
  }
  const uint16_t port = s.acceptor.local_endpoint().port();
  std::string host = address.is_v6() ? "[" + s.opt.host + "]" : s.opt.host;
  if (s.opt.handle_signals) {
    s.signals.add(SIGINT);
    s.signals.add(SIGTERM);
    s.signals.async_wait([&s](beast::error_code e, int) {
      if (!e) s.BeginShutdown();
    });
  }
  net::post(s.strand, [&s] {
    if (s.stop_requested) {
      s.BeginShutdown();
    } else {
      s.DoAccept();
      s.ScheduleLogFlush();
    }
  });
  if (s.opt.on_listening) s.opt.on_listening(fmt::format("http://{}:{}/", host, port));
  for (auto& c : s.iocs) s.guards.push_back(net::make_work_guard(*c));
  std::vector<int> cpus = AllowedCpus();
  const bool pin = s.opt.pin_threads && s.iocs.size() <= cpus.size();
  std::vector<std::thread> threads;
  for (size_t i = 1; i < s.iocs.size(); ++i) {
    threads.emplace_back([&s, i, pin, &cpus] {
      if (pin) PinTo(cpus[i]);
      s.iocs[i]->run();
    });
  }
  // The calling thread serves context 0; its own affinity is restored when Run returns.
  cpu_set_t before;
  const bool restore = pin && pthread_getaffinity_np(pthread_self(), sizeof before, &before) == 0;
  if (pin) PinTo(cpus[0]);
  s.iocs[0]->run();
  if (restore) pthread_setaffinity_np(pthread_self(), sizeof before, &before);
  for (std::thread& t : threads) t.join();
  s.FlushLog();
  return Status::Ok();
}

}  // namespace eucomply::server
