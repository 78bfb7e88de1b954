// Shared set-up for the server tests: the bundled knowledge base, and a small alert store
// imported from four real weekly reports (2005 and 2026) into a temporary data folder.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unistd.h>
#include <zlib.h>

#include "alerts/importer.h"
#include "alerts/store.h"
#include "eucomply/kb.h"

namespace eucomply::server::testing {

// Inflates a gzip member with zlib (the tests' own reader, independent of Gzip()).
inline std::string Gunzip(std::string_view gz) {
  z_stream zs{};
  EXPECT_EQ(inflateInit2(&zs, 15 + 16), Z_OK);
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gz.data()));
  zs.avail_in = static_cast<uInt>(gz.size());
  std::string out;
  char buf[16384];
  int rc = Z_OK;
  while (rc == Z_OK) {
    zs.next_out = reinterpret_cast<Bytef*>(buf);
    zs.avail_out = sizeof buf;
    rc = inflate(&zs, Z_NO_FLUSH);
    out.append(buf, sizeof buf - zs.avail_out);
  }
  EXPECT_EQ(rc, Z_STREAM_END) << "not a complete gzip member";
  inflateEnd(&zs);
  return out;
}

inline std::shared_ptr<const KnowledgeBase> TestKb() {
  static std::shared_ptr<const KnowledgeBase> kb = [] {
    auto r = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    if (!r.ok()) {
      ADD_FAILURE() << r.status().ToString();
      return std::shared_ptr<const KnowledgeBase>();
    }
    return std::move(r).value();
  }();
  return kb;
}

// A fresh data folder with alerts.sqlite holding the test reports. Removed by the caller.
inline std::string MakeAlertDataDir(const std::string& tag) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() /
                 ("eucomply-server-" + tag + "-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  auto store = alerts::AlertStore::Open((dir / "alerts.sqlite").string());
  if (!store.ok()) {
    ADD_FAILURE() << store.status().ToString();
    return dir.string();
  }
  const std::string reports = std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports/";
  std::vector<std::string> files = {reports + "report_100.xml.gz",
                                    reports + "report_10000317.xml.gz",
                                    reports + "report_10000318.xml.gz",
                                    reports + "report_10000319.xml.gz"};
  alerts::ImportOptions opts;
  opts.parse_threads = 1;
  auto summary = alerts::ImportPaths(**store, files, opts);
  if (!summary.ok()) ADD_FAILURE() << summary.status().ToString();
  else if (summary->failed != 0 || summary->alerts_added == 0) ADD_FAILURE() << "import failed";
  return dir.string();
}

}  // namespace eucomply::server::testing
