// Safety Gate benchmark: (1) import every compressed weekly report into a fresh on-disk
// store (parse, normalise, store, index), (2) search latency over the fixed query set in
// queries.tsv (text + filters, facets computed), reported as p50/p90/p99/max, (3) a CSV export
// of the 10,000 newest alerts (search + CSV), the issue 14 aim being under 2 s.
//
//   alerts_bench [--reports DIR] [--queries FILE] [--repeat N] [--rounds N] [--work DIR]
#include <sys/resource.h>
#include <time.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "alerts/alerts_json.h"
#include "alerts/importer.h"
#include "alerts/search.h"
#include "alerts/store.h"

namespace al = eucomply::alerts;
namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

namespace {

double CpuSeconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

std::vector<std::string> Tokens(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  bool quoted = false, any = false;
  for (char c : s) {
    if (c == '"') {
      quoted = !quoted;
      any = true;
    } else if (c == ' ' && !quoted) {
      if (any) out.push_back(cur);
      cur.clear();
      any = false;
    } else {
      cur.push_back(c);
      any = true;
    }
  }
  if (any) out.push_back(cur);
  return out;
}

bool ParseLine(const std::string& line, al::SearchRequest* req) {
  if (line.empty() || line[0] == '#') return false;
  size_t tab = line.find('\t');
  req->text = line.substr(0, tab);
  std::vector<std::string> t = Tokens(tab == std::string::npos ? "" : line.substr(tab + 1));
  for (size_t i = 0; i + 1 < t.size(); i += 2) {
    std::string flag = t[i].substr(2);
    if (flag == "from") {
      req->year_from = std::stoi(t[i + 1]);
    } else if (flag == "to") {
      req->year_to = std::stoi(t[i + 1]);
    } else if (auto f = al::FacetFromName(flag)) {
      req->filters[static_cast<size_t>(*f)].push_back(t[i + 1]);
    } else {
      std::fprintf(stderr, "queries: unknown filter %s\n", t[i].c_str());
      return false;
    }
  }
  return true;
}

// CPU time of this thread: unlike wall time, not inflated when other processes hold the
// cores (the machines this runs on are shared).
double ThreadCpuMs() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

double Percentile(std::vector<double> v, double p) {
  std::sort(v.begin(), v.end());
  size_t i = static_cast<size_t>(p * static_cast<double>(v.size() - 1) + 0.5);
  return v[std::min(i, v.size() - 1)];
}

}  // namespace

int main(int argc, char** argv) {
  std::string reports = std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports";
  std::string queries = std::string(EUCOMPLY_BENCH_DIR) + "/queries.tsv";
  fs::path work = fs::temp_directory_path() / "eucomply_alerts_bench";
  int repeat = 3, rounds = 5;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string a = argv[i];
    if (a == "--reports") reports = argv[i + 1];
    else if (a == "--queries") queries = argv[i + 1];
    else if (a == "--repeat") repeat = std::atoi(argv[i + 1]);
    else if (a == "--rounds") rounds = std::atoi(argv[i + 1]);
    else if (a == "--work") work = argv[i + 1];
  }

  std::vector<double> walls, cpus;
  for (int r = 0; r < repeat; ++r) {
    fs::remove_all(work);
    fs::create_directories(work);
    double cpu0 = CpuSeconds();
    auto t0 = Clock::now();
    auto store = al::AlertStore::Open((work / "alerts.sqlite").string());
    if (!store.ok()) return std::fprintf(stderr, "%s\n", store.status().ToString().c_str()), 1;
    auto s = al::ImportPaths(**store, {reports}, {});
    store->reset();  // include the final checkpoint and close
    double wall = std::chrono::duration<double>(Clock::now() - t0).count();
    double cpu = CpuSeconds() - cpu0;
    if (!s.ok()) return std::fprintf(stderr, "%s\n", s.status().ToString().c_str()), 1;
    std::printf("import run %d: %d files, %lld alerts, %.2f s wall, %.2f s CPU (all threads)\n",
                r + 1, s->files, static_cast<long long>(s->alerts_added), wall, cpu);
    walls.push_back(wall);
    cpus.push_back(cpu);
  }
  std::sort(walls.begin(), walls.end());
  std::printf("import: best %.2f s, median %.2f s wall; median CPU %.2f s\n", walls.front(),
              walls[walls.size() / 2], Percentile(cpus, 0.5));

  std::vector<al::SearchRequest> requests;
  std::ifstream in(queries);
  for (std::string line; std::getline(in, line);) {
    al::SearchRequest req;
    req.limit = 20;
    if (ParseLine(line, &req)) requests.push_back(std::move(req));
  }
  auto store = al::AlertStore::Open((work / "alerts.sqlite").string());
  if (!store.ok()) return 1;
  al::AlertSearcher searcher(store->get());
  auto t_load = Clock::now();
  if (!searcher.Search(al::SearchRequest{}).ok()) return 1;  // loads the facet table
  std::printf("searcher start-up (facet table load + first query): %.1f ms\n",
              std::chrono::duration<double, std::milli>(Clock::now() - t_load).count());
  std::vector<double> ms, cpu_ms;
  std::vector<std::pair<double, size_t>> slowest;  // (CPU ms, query index), last round
  int64_t hits = 0;
  for (int round = 0; round < rounds; ++round) {
    for (const al::SearchRequest& req : requests) {
      double c0 = ThreadCpuMs();
      auto t0 = Clock::now();
      auto r = searcher.Search(req);
      double d = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
      if (round > 0) cpu_ms.push_back(ThreadCpuMs() - c0);
      if (!r.ok()) return std::fprintf(stderr, "%s\n", r.status().ToString().c_str()), 1;
      if (round > 0) ms.push_back(d);  // round 0 warms the page cache
      if (round == rounds - 1) {
        slowest.emplace_back(cpu_ms.back(), static_cast<size_t>(&req - requests.data()));
      }
      hits += r->total;
    }
  }
  std::printf("search: %zu queries x %d rounds (first round discarded), with facets: "
              "p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms (%lld total matches)\n",
              requests.size(), rounds, Percentile(ms, 0.5), Percentile(ms, 0.9),
              Percentile(ms, 0.99), Percentile(ms, 1.0), static_cast<long long>(hits));
  std::printf("search CPU time per query: p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms\n",
              Percentile(cpu_ms, 0.5), Percentile(cpu_ms, 0.9), Percentile(cpu_ms, 0.99),
              Percentile(cpu_ms, 1.0));
  std::sort(slowest.rbegin(), slowest.rend());
  for (size_t i = 0; i < 8 && i < slowest.size(); ++i) {
    const al::SearchRequest& q = requests[slowest[i].second];
    std::printf("  most CPU: %.3f ms  '%s' (%zu filters)\n", slowest[i].first, q.text.c_str(),
                static_cast<size_t>(std::count_if(q.filters.begin(), q.filters.end(),
                                                  [](const auto& f) { return !f.empty(); })) +
                    (q.year_from || q.year_to ? 1 : 0));
  }
  // (3) Export: every match of a broad query as CSV (as GET alerts/search?format=csv does).
  {
    al::SearchRequest req;
    req.limit = 10000;
    req.facet_limit = 1;
    std::vector<double> export_ms;
    size_t bytes = 0, rows = 0;
    for (int round = 0; round < 3; ++round) {
      auto t0 = Clock::now();
      auto r = searcher.Search(req);
      if (!r.ok()) return std::fprintf(stderr, "%s\n", r.status().ToString().c_str()), 1;
      const std::string csv = al::HitsCsv(r->hits);
      export_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
      bytes = csv.size();
      rows = r->hits.size();
    }
    std::sort(export_ms.begin(), export_ms.end());
    std::printf("export: %zu alerts as CSV (%zu bytes): best %.1f ms, median %.1f ms\n", rows, bytes,
                export_ms.front(), export_ms[1]);
  }
  fs::remove_all(work);
  return 0;
}
