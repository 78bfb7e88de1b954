// Importing all the harmonised-standards decisions of ../shared (issue 13: under 5 s): unpack
// decisions.tar.gz once (with tar, outside the timing), then time ImportFolders (read, parse
// with libxml2, replay) on the 151 files, and the as-of query of one act.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "eucomply/harmonised.h"

namespace {

const std::string& Corpus() {
  static const std::string dir = [] {
    const std::string tmp = (std::filesystem::temp_directory_path() / "eucomply-hs-bench").string();
    std::filesystem::remove_all(tmp);
    std::filesystem::create_directories(tmp);
    const std::string cmd = "tar -xzf '" + std::string(EUCOMPLY_SHARED_DIR) +
                            "/data/harmonised-standards/decisions.tar.gz' -C '" + tmp + "'";
    if (std::system(cmd.c_str()) != 0) return std::string();
    return tmp + "/corpus";
  }();
  return dir;
}

void BM_ImportAll(benchmark::State& state) {
  if (Corpus().empty()) {
    state.SkipWithError("../shared/data/harmonised-standards/decisions.tar.gz not found");
    return;
  }
  size_t rows = 0, files = 0;
  for (auto _ : state) {
    auto r = eucomply::standards::ImportFolders({Corpus()});
    if (!r.ok()) {
      state.SkipWithError(r.status().ToString().c_str());
      return;
    }
    files = r->decisions.size() + r->skipped.size();
    rows = 0;
    for (const auto& [a, L] : r->acts) rows += L.rows.size();
    benchmark::DoNotOptimize(rows);
  }
  state.counters["files"] = static_cast<double>(files);
  state.counters["rows"] = static_cast<double>(rows);
}
BENCHMARK(BM_ImportAll)->Unit(benchmark::kMillisecond);

void BM_QueryLvdAsOf(benchmark::State& state) {
  auto lists = eucomply::standards::LoadLists(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/standards/harmonised");
  if (!lists.ok()) {
    state.SkipWithError(lists.status().ToString().c_str());
    return;
  }
  const auto d = *eucomply::Date::Parse("2026-12-02");
  for (auto _ : state) {
    auto q = eucomply::standards::Query(*lists, "32014L0035", d, "60335");
    benchmark::DoNotOptimize(q.data());
  }
}
BENCHMARK(BM_QueryLvdAsOf)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
