// Starts the real `eucomply serve` on 127.0.0.1 (a free port) with a small alert store and a
// web folder, and calls every route of the OpenAPI document, then bad requests at the HTTP
// and JSON levels, keep-alive, a slow client, and graceful shutdown on SIGTERM.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>
#include <thread>

#include "server/api.h"
#include "test_env.h"

namespace eucomply::server {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
namespace net = boost::asio;
namespace fs = std::filesystem;
using tcp = net::ip::tcp;
using nlohmann::json;

struct Reply {
  int status = 0;
  std::string content_type;
  std::string body;
  std::string allow;
  std::string content_encoding;
  bool keep_alive = false;
  size_t content_length = 0;
  json Json() const { return json::parse(body); }
};

class Server {
 public:
  void Start(const std::string& data_dir, const std::string& web_dir, const std::string& log) {
    int out[2];
    ASSERT_EQ(pipe(out), 0);
    pid_ = fork();
    ASSERT_GE(pid_, 0);
    if (pid_ == 0) {
      dup2(out[1], 1);
      close(out[0]);
      close(out[1]);
      execl(EUCOMPLY_BINARY, EUCOMPLY_BINARY, "serve", "--host", "127.0.0.1", "--port", "0",
            "--data", data_dir.c_str(), "--web", web_dir.c_str(), "--threads", "2",
            "--access-log", log.c_str(), "--read-timeout", "0.5", "--idle-timeout", "30",
            "--body-limit", "65536", static_cast<char*>(nullptr));
      _exit(127);
    }
    close(out[1]);
    stdout_ = fdopen(out[0], "r");
    char line[512];
    ASSERT_NE(fgets(line, sizeof line, stdout_), nullptr) << "the server printed nothing";
    std::smatch m;
    std::string s = line;
    ASSERT_TRUE(std::regex_search(s, m, std::regex(R"(listening on http://127\.0\.0\.1:(\d+)/)"))) << s;
    port_ = static_cast<uint16_t>(std::stoi(m[1]));
  }

  // Sends SIGTERM; returns the exit status, or -1 if it did not exit within 10 s.
  int Stop() {
    if (pid_ <= 0) return -1;
    kill(pid_, SIGTERM);
    for (int i = 0; i < 1000; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = 0;
        if (stdout_ != nullptr) fclose(stdout_);
        stdout_ = nullptr;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
    pid_ = 0;
    return -1;
  }
  ~Server() {
    if (pid_ > 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
  }
  bool Alive() const { return pid_ > 0 && kill(pid_, 0) == 0; }
  uint16_t port() const { return port_; }

 private:
  pid_t pid_ = 0;
  FILE* stdout_ = nullptr;
  uint16_t port_ = 0;
};

// One HTTP/1.1 connection.
class Client {
 public:
  explicit Client(uint16_t port) : socket_(ioc_) {
    socket_.connect(tcp::endpoint(net::ip::make_address("127.0.0.1"), port));
  }

  Reply Call(http::verb method, const std::string& target, const std::string& body = "",
             const std::vector<std::pair<std::string, std::string>>& headers = {}, int version = 11) {
    http::request<http::string_body> req(method, target, version);
    req.set(http::field::host, "127.0.0.1");
    for (const auto& [k, v] : headers) req.set(k, v);
    if (method == http::verb::post) {
      req.set(http::field::content_type, "application/json");
      req.body() = body;
      req.prepare_payload();
    }
    http::write(socket_, req);
    return Read(method == http::verb::head);
  }

  void SendRaw(std::string_view bytes) { net::write(socket_, net::buffer(bytes.data(), bytes.size())); }

  Reply Read(bool head = false) {
    http::response_parser<http::string_body> p;
    p.body_limit(64u << 20);
    p.skip(head);
    http::read(socket_, buffer_, p);
    const auto& res = p.get();
    Reply r;
    r.status = static_cast<int>(res.result_int());
    r.content_type = std::string(res[http::field::content_type]);
    r.allow = std::string(res[http::field::allow]);
    r.content_encoding = std::string(res[http::field::content_encoding]);
    r.body = res.body();
    r.keep_alive = res.keep_alive();
    r.content_length = res.has_content_length() ? std::stoul(std::string(res[http::field::content_length])) : 0;
    return r;
  }

  // True once the server has closed the connection (reads EOF or a reset within `wait`).
  bool ClosedByPeer(std::chrono::milliseconds wait) {
    socket_.non_blocking(true);
    auto end = std::chrono::steady_clock::now() + wait;
    char c;
    while (std::chrono::steady_clock::now() < end) {
      beast::error_code ec;
      socket_.read_some(net::buffer(&c, 1), ec);
      if (ec == net::error::would_block) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        continue;
      }
      return static_cast<bool>(ec);
    }
    return false;
  }

 private:
  net::io_context ioc_;
  tcp::socket socket_;
  beast::flat_buffer buffer_;
};

class IntegrationTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_dir_ = new std::string(testing::MakeAlertDataDir("http"));
    web_dir_ = new std::string(*data_dir_ + "/web");
    fs::create_directories(*web_dir_ + "/assets");
    std::ofstream(*web_dir_ + "/index.html") << "<!doctype html><title>eucomply</title>";
    std::ofstream(*web_dir_ + "/assets/app.js") << "console.log('eucomply')";
    log_ = new std::string(*data_dir_ + "/access.log");
    server_ = new Server;
    server_->Start(*data_dir_, *web_dir_, *log_);
  }
  static void TearDownTestSuite() {
    delete server_;
    fs::remove_all(*data_dir_);
    delete data_dir_;
    delete web_dir_;
    delete log_;
  }
  static Reply Get(const std::string& target) {
    return Client(server_->port()).Call(http::verb::get, target);
  }
  static Reply Post(const std::string& target, const std::string& body) {
    return Client(server_->port()).Call(http::verb::post, target, body);
  }
  static std::string KnownCase() {
    Reply r = Get("/api/v1/alerts/search?from=2026&limit=1");
    EXPECT_EQ(r.status, 200);
    return r.Json()["hits"][0]["case_number"];
  }
  static std::string Encode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
      if (std::isalnum(c) || c == '-' || c == '_' || c == '.') out += static_cast<char>(c);
      else out += fmt::format("%{:02X}", c);
    }
    return out;
  }

  static Server* server_;
  static std::string* data_dir_;
  static std::string* web_dir_;
  static std::string* log_;
};

Server* IntegrationTest::server_ = nullptr;
std::string* IntegrationTest::data_dir_ = nullptr;
std::string* IntegrationTest::web_dir_ = nullptr;
std::string* IntegrationTest::log_ = nullptr;

TEST_F(IntegrationTest, EveryRouteOfTheOpenApiDocumentAnswers) {
  Reply doc = Get("/api/openapi.json");
  ASSERT_EQ(doc.status, 200);
  ASSERT_EQ(doc.content_type, "application/json");
  json spec = doc.Json();
  EXPECT_EQ(spec, json::parse(OpenApiDocument()));
  const std::string known_case = KnownCase();
  int called = 0;
  for (const auto& [path, item] : spec["paths"].items()) {
    for (const auto& [method, op] : item.items()) {
      std::string target = path;
      for (const json& p : op.value("parameters", json::array())) {
        if (!p.contains("in") || p["in"] != "path") continue;
        std::string name = p["name"];
        std::string value = name == "case" ? known_case : p["example"].get<std::string>();
        target = std::regex_replace(target, std::regex("\\{" + name + "\\}"), Encode(value));
      }
      Reply r;
      if (method == "post") {
        json example = op["requestBody"]["content"]["application/json"]["example"];
        r = Post(target, example.dump());
      } else {
        ASSERT_EQ(method, "get");
        r = Get(target);
      }
      EXPECT_EQ(r.status, 200) << method << " " << target << ": " << r.body;
      EXPECT_EQ(r.content_type, "application/json") << target;
      EXPECT_NO_THROW((void)r.Json()) << target;
      ++called;
    }
  }
  EXPECT_EQ(called, static_cast<int>(Routes().size()));
}

TEST_F(IntegrationTest, AssessAnswersTheCliSchema) {
  Reply r = Post("/api/v1/assess?lang=zh", R"({"name": "Kettle", "category": "kettle"})");
  ASSERT_EQ(r.status, 200) << r.body;
  json j = r.Json();
  EXPECT_EQ(j["lang"], "zh");
  for (const char* key : {"as_of", "product", "acts", "next_question"}) EXPECT_TRUE(j.contains(key)) << key;
  Reply t = Post("/api/v1/assess", R"({"text": "plush toy with sound module for babies"})");
  EXPECT_EQ(t.status, 200) << t.body;
}

TEST_F(IntegrationTest, BadJsonRequestsAnswer400WithPointers) {
  struct Case {
    const char* target;
    const char* body;
    const char* pointer;
  } cases[] = {
      {"/api/v1/assess", "{\"name\": ", ""},
      {"/api/v1/assess", R"({"attributes": {"voltage_ac": [1]}})", "/attributes/voltage_ac"},
      {"/api/v1/assess", R"({"category": 7})", "/category"},
      {"/api/v1/next-question", R"({"skip": [3]})", "/skip/0"},
      {"/api/v1/alerts/lessons", R"({"alerts": "many", "name": "x"})", "/alerts"},
      {"/api/v1/alerts/lessons", "{}", ""},
  };
  for (const Case& c : cases) {
    Reply r = Post(c.target, c.body);
    ASSERT_EQ(r.status, 400) << c.target << " " << c.body << ": " << r.body;
    json d = r.Json()["error"]["details"][0];
    EXPECT_EQ(d["pointer"], c.pointer) << r.body;
  }
  Reply q = Get("/api/v1/alerts/search?from=last-year");
  ASSERT_EQ(q.status, 400);
  EXPECT_EQ(q.Json()["error"]["details"][0]["parameter"], "from");
}

TEST_F(IntegrationTest, UnknownRoutesAndMethods) {
  Reply r = Get("/api/v1/no-such-thing");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(r.Json()["error"]["code"], "not_found");
  Reply m = Client(server_->port()).Call(http::verb::delete_, "/api/v1/acts");
  EXPECT_EQ(m.status, 405);
  EXPECT_EQ(m.allow, "GET, HEAD");
  EXPECT_EQ(Get("/no-such-file.png").status, 404);
  EXPECT_EQ(Get("/../../etc/passwd").status, 404);
}

TEST_F(IntegrationTest, StaticFiles) {
  Reply r = Get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  Reply js = Get("/assets/app.js");
  EXPECT_EQ(js.content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(js.body, "console.log('eucomply')");
}

TEST_F(IntegrationTest, HeadAnswersHeadersOnly) {
  Client c(server_->port());
  Reply get = c.Call(http::verb::get, "/api/v1/acts");
  Reply head = c.Call(http::verb::head, "/api/v1/acts");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
  EXPECT_EQ(head.content_length, get.body.size());
}

// Over the socket: a gzip answer (inflated here with zlib) holds the same JSON, for a cached
// assessment and for a computed list; HEAD counts the compressed bytes.
TEST_F(IntegrationTest, GzipAnswers) {
  Client c(server_->port());
  const std::string body = R"({"category": "kettle", "name": "gzip over the wire"})";
  Reply plain = c.Call(http::verb::post, "/api/v1/assess", body);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.content_encoding, "");
  for (int i = 0; i < 2; ++i) {
    Reply gz = c.Call(http::verb::post, "/api/v1/assess", body, {{"Accept-Encoding", "gzip, deflate"}});
    ASSERT_EQ(gz.status, 200);
    EXPECT_EQ(gz.content_encoding, "gzip");
    EXPECT_EQ(testing::Gunzip(gz.body), plain.body);
  }
  Reply acts = c.Call(http::verb::get, "/api/v1/acts", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(acts.content_encoding, "gzip");
  EXPECT_GT(json::parse(testing::Gunzip(acts.body))["count"].get<int>(), 40);
  Reply head = c.Call(http::verb::head, "/api/v1/acts", "", {{"Accept-Encoding", "gzip"}});
  EXPECT_EQ(head.content_length, acts.body.size());
}

TEST_F(IntegrationTest, KeepAliveServesManyRequestsOnOneConnection) {
  Client c(server_->port());
  for (int i = 0; i < 20; ++i) {
    Reply r = c.Call(http::verb::get, "/api/v1/health");
    ASSERT_EQ(r.status, 200);
    EXPECT_TRUE(r.keep_alive);
  }
  Reply close = c.Call(http::verb::get, "/api/v1/health", "", {{"Connection", "close"}});
  EXPECT_FALSE(close.keep_alive);
  EXPECT_TRUE(c.ClosedByPeer(std::chrono::milliseconds(2000)));
  Client old(server_->port());
  Reply r10 = old.Call(http::verb::get, "/api/v1/version", "", {}, 10);
  EXPECT_EQ(r10.status, 200);
  EXPECT_FALSE(r10.keep_alive);
}

TEST_F(IntegrationTest, PipelinedRequests) {
  Client c(server_->port());
  c.SendRaw(
      "GET /api/v1/health HTTP/1.1\r\nHost: x\r\n\r\n"
      "GET /api/v1/version HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_EQ(c.Read().Json()["status"], "ok");
  EXPECT_EQ(c.Read().Json()["name"], "eucomply");
}

TEST_F(IntegrationTest, OversizedBodyIs413) {
  Client c(server_->port());
  std::string big(70000, ' ');
  big[0] = '{';
  big.back() = '}';
  Reply r = c.Call(http::verb::post, "/api/v1/assess", big);
  EXPECT_EQ(r.status, 413);
  EXPECT_EQ(r.Json()["error"]["status"], 413);
  EXPECT_FALSE(r.keep_alive);
  // Chunked, so the size is not known up front.
  Client d(server_->port());
  std::string chunked = "POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n";
  for (int i = 0; i < 20; ++i) chunked += "1000\r\n" + std::string(4096, ' ') + "\r\n";
  chunked += "0\r\n\r\n";
  d.SendRaw(chunked);
  EXPECT_EQ(d.Read().status, 413);
}

TEST_F(IntegrationTest, HugeHeadersAre431) {
  Client c(server_->port());
  Reply r = c.Call(http::verb::get, "/api/v1/health", "", {{"X-Padding", std::string(40000, 'a')}});
  EXPECT_EQ(r.status, 431);
}

TEST_F(IntegrationTest, MalformedHttpIs400) {
  for (std::string_view bad :
       {std::string_view("GARBAGE\r\n\r\n"), std::string_view("GET / HTTP/9.9\r\n\r\n"),
        std::string_view("GET /api/v1/health HTTP/1.1\r\nContent-Length: x\r\n\r\n"),
        std::string_view("GET /api/v1/health HTTP/1.1\r\nHost x\r\n\r\n"),
        std::string_view("\x01\x02\x03\x04\r\n\r\n")}) {
    Client c(server_->port());
    c.SendRaw(bad);
    Reply r = c.Read();
    EXPECT_EQ(r.status, 400) << bad;
  }
  EXPECT_EQ(Get("/api/v1/health").status, 200);
}

TEST_F(IntegrationTest, ExpectContinue) {
  Client c(server_->port());
  std::string body = R"({"category": "kettle"})";
  c.SendRaw("POST /api/v1/assess HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: " +
            std::to_string(body.size()) + "\r\n\r\n");
  Reply cont = c.Read();
  EXPECT_EQ(cont.status, 100);
  c.SendRaw(body);
  EXPECT_EQ(c.Read().status, 200);
}

TEST_F(IntegrationTest, SlowClientIsDroppedWhileOthersAreServed) {
  Client slow(server_->port());
  slow.SendRaw("GET /api/v1/health HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  EXPECT_EQ(Get("/api/v1/health").status, 200);
  // --read-timeout 0.5: the server hangs up on it.
  EXPECT_TRUE(slow.ClosedByPeer(std::chrono::milliseconds(5000)));
}

TEST_F(IntegrationTest, ConcurrentClients) {
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&ok, t] {
      Client c(server_->port());
      for (int i = 0; i < 25; ++i) {
        Reply r = (t % 2 == 0) ? c.Call(http::verb::post, "/api/v1/assess", R"({"category": "plush_toy"})")
                               : c.Call(http::verb::get, "/api/v1/alerts/search?q=toy&limit=3");
        if (r.status == 200) ++ok;
      }
    });
  }
  for (auto& t : threads) t.join();
  EXPECT_EQ(ok.load(), 200);
}

// Runs last (gtest keeps declaration order): SIGTERM with an idle keep-alive connection open.
TEST_F(IntegrationTest, ZzGracefulShutdownOnSigterm) {
  Client idle(server_->port());
  ASSERT_EQ(idle.Call(http::verb::get, "/api/v1/health").status, 200);
  EXPECT_EQ(server_->Stop(), 0);
  EXPECT_TRUE(idle.ClosedByPeer(std::chrono::milliseconds(1000)));
  std::ifstream log(*log_);
  std::string all((std::istreambuf_iterator<char>(log)), std::istreambuf_iterator<char>());
  EXPECT_NE(all.find("\"GET /api/v1/health\" 200"), std::string::npos);
  EXPECT_NE(all.find("\"POST /api/v1/assess\" 400"), std::string::npos);
}

}  // namespace
}  // namespace eucomply::server
