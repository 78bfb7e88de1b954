// Shared set-up for the server tests: the bundled knowledge base, and a small alert store
// imported from four real weekly reports (2005 and 2026) into a temporary data folder.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>
#include <unistd.h>

#include "alerts/importer.h"
#include "alerts/store.h"
#include "eucomply/kb.h"

namespace eucomply::server::testing {

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
