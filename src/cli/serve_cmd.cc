// `eucomply serve`: the HTTP JSON API (and the web front end) on --host:--port. Argument
// handling only; the server lives in src/server.
#include <filesystem>
#include <cstdio>
#include <iostream>
#include <memory>
#include <thread>

#include "cli/commands.h"
#include "eucomply/kb.h"
#include "server/api.h"
#include "server/http_server.h"

namespace eucomply::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string data = DefaultDataDir();
  std::string kb;
  std::string web = server::DefaultWebDir();
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  std::string access_log = "-";
  double read_timeout = 10;
  double idle_timeout = 60;
  size_t body_limit = 1u << 20;
  size_t cache_mb = 64;
  bool no_pin = false;
};

// Loads an optional part of the knowledge base into *out when `path` exists; false (after
// printing why) when it exists and does not load.
template <typename T, typename Load>
bool LoadIfPresent(const std::string& path, const char* what, std::shared_ptr<const T>* out, Load load) {
  if (!std::filesystem::exists(path)) return true;
  auto r = load();
  if (!r.ok()) {
    std::cerr << "eucomply serve: " << what << " does not load" << ":\n" << r.status().ToString() << "\n";
    return false;
  }
  *out = std::move(r).value();
  return true;
}

int RunServe(const ServeArgs& a) {
  auto kb = LoadKnowledgeBase(a.kb.empty() ? DefaultKnowledgeDir() : a.kb);
  if (!kb.ok()) {
    std::cerr << "eucomply serve: the knowledge base does not load:\n"
              << kb.status().ToString() << "\n";
    return 1;
  }
  std::FILE* log = nullptr;
  if (a.access_log == "-") {
    log = stdout;
  } else if (a.access_log != "off") {
    log = std::fopen(a.access_log.c_str(), "a");
    if (log == nullptr) {
      std::cerr << "eucomply serve: cannot open the access log " << a.access_log << "\n";
      return 1;
    }
  }
  server::ApiOptions api_options;
  api_options.kb = std::move(kb).value();
  // The optional parts of the knowledge base, each loaded when its file is there: the hazard
  // library of the risk routes, the Safety Gate vocabulary, the harmonised-standard lists.
  const std::string dir = a.kb.empty() ? DefaultKnowledgeDir() : a.kb;
  const KnowledgeBase& kb_ref = *api_options.kb;
  const bool ok =
      LoadIfPresent(dir + "/risk/hazards.yaml", "the hazard library", &api_options.hazards,
                    [&] { return risk::LoadHazardLibrary(kb_ref, dir + "/risk"); }) &&
      LoadIfPresent(dir + "/alerts/vocabulary.yaml", "the Safety Gate vocabulary",
                    &api_options.alert_vocabulary,
                    [&] { return alerts::LoadVocabulary(dir + "/alerts/vocabulary.yaml"); }) &&
      LoadIfPresent(dir + "/standards/harmonised", "the harmonised-standard lists", &api_options.harmonised,
                    [&]() -> Result<std::shared_ptr<const std::map<std::string, standards::ActList>>> {
                      auto lists = standards::LoadLists(dir + "/standards/harmonised");
                      if (!lists.ok()) return lists.status();
                      return std::make_shared<const std::map<std::string, standards::ActList>>(std::move(*lists));
                    });
  if (!ok) return 1;
  api_options.data_dir = a.data;
  api_options.web_dir = a.web;
  api_options.version = server::ProgramVersion();
  api_options.response_cache_bytes = a.cache_mb << 20;
  auto api = std::make_shared<server::Api>(std::move(api_options));

  server::ServerOptions opts;
  opts.host = a.host;
  opts.port = static_cast<uint16_t>(a.port);
  opts.threads = a.threads;
  opts.pin_threads = !a.no_pin;
  opts.body_limit = a.body_limit;
  opts.read_timeout = std::chrono::milliseconds(static_cast<int64_t>(a.read_timeout * 1000));
  opts.idle_timeout = std::chrono::milliseconds(static_cast<int64_t>(a.idle_timeout * 1000));
  opts.access_log = log;
  opts.on_listening = [&a](const std::string& url) {
    std::printf("eucomply serve: listening on %s (API %sapi/v1/, data %s, %d threads)\n",
                url.c_str(), url.c_str(), a.data.c_str(), a.threads);
    std::fflush(stdout);
  };
  server::HttpServer srv(opts, [api](const server::ApiRequest& r) { return api->Handle(r); });
  // One alert session per worker thread, loaded while the server already listens.
  std::thread warm([api, n = a.threads] { api->alerts().Warm(n); });
  Status s = srv.Run();
  warm.join();
  if (log != nullptr && log != stdout) std::fclose(log);
  if (!s.ok()) {
    std::cerr << "eucomply serve: " << s.ToString() << "\n";
    return 1;
  }
  std::fprintf(stderr, "eucomply serve: stopped\n");
  return 0;
}

}  // namespace

void AddServeCommand(CLI::App& app, Context& ctx) {
  auto a = std::make_shared<ServeArgs>();
  CLI::App* cmd = app.add_subcommand("serve", "Serve the HTTP JSON API and the web front end");
  cmd->add_option("--host", a->host, "Address to listen on")->capture_default_str();
  cmd->add_option("--port", a->port, "Port (0: any free port)")
      ->check(CLI::Range(0, 65535))
      ->capture_default_str();
  cmd->add_option("--data", a->data, "Data folder holding alerts.sqlite (default: $EUCOMPLY_DATA or ./eucomply-data)");
  AddKbOption(cmd, &a->kb);
  cmd->add_option("--web", a->web, "Web front end folder served at / (missing: none)")
      ->capture_default_str();
  cmd->add_option("--threads", a->threads, "Worker threads (default: the number of cores)")
      ->check(CLI::Range(1, 256))
      ->capture_default_str();
  cmd->add_flag("--no-pin", a->no_pin,
                "Do not bind each worker thread to its own CPU (binding is skipped anyway when "
                "there are more threads than CPUs)");
  cmd->add_option("--access-log", a->access_log, "Access log file, '-' for stdout, 'off' for none")
      ->capture_default_str();
  cmd->add_option("--read-timeout", a->read_timeout, "Seconds to read one request or write one answer")
      ->check(CLI::Range(0.1, 3600.0))
      ->capture_default_str();
  cmd->add_option("--idle-timeout", a->idle_timeout, "Seconds a keep-alive connection may stay idle")
      ->check(CLI::Range(0.1, 86400.0))
      ->capture_default_str();
  cmd->add_option("--body-limit", a->body_limit, "Largest request body, in bytes")
      ->check(CLI::Range(size_t{1}, size_t{1} << 30))
      ->capture_default_str();
  cmd->add_option("--cache-mb", a->cache_mb,
                  "MiB of assess / next-question answers cached by body (0: no cache)")
      ->check(CLI::Range(size_t{0}, size_t{65536}))
      ->capture_default_str();
  cmd->callback([a, &ctx] { ctx.exit_code = RunServe(*a); });
}

}  // namespace eucomply::cli
