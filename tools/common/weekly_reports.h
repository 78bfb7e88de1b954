// The Safety Gate weekly reports of a folder, for the tools: each readable report with its
// date, in file-name order. Files that cannot be read or have no date are named on stderr.
#pragma once

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <string>
#include <vector>

#include "alerts/report_reader.h"
#include "alerts/weekly_report_parser.h"
#include "eucomply/date.h"

namespace eucomply::tools {

template <class F>  // F: void(const Date& report_date, const alerts::WeeklyReport&)
void ForEachWeeklyReport(const std::string& dir, F fn) {
  namespace fs = std::filesystem;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string p = e.path().string();
    if (p.ends_with(".xml.gz") || p.ends_with(".xml")) files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& f : files) {
    auto xml = alerts::ReadReportFile(f.string());
    if (!xml.ok()) {
      std::cerr << f.string() << ": " << xml.status().ToString() << "\n";
      continue;
    }
    auto report = alerts::ParseWeeklyReport(*xml);
    if (!report.ok() || !report->header.date) {
      std::cerr << f.string() << ": " << (report.ok() ? "no report date" : report.status().ToString()) << "\n";
      continue;
    }
    fn(*report->header.date, *report);
  }
}

}  // namespace eucomply::tools
