// Importing weekly-report files into the alert store: file discovery, a small parse
// pipeline, per-file transactions, and problem reporting that names file and alert.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alerts/store.h"
#include "eucomply/status.h"

namespace eucomply::alerts {

struct ImportProgress {
  size_t done = 0;
  size_t total = 0;
  int64_t alerts_added = 0;
  std::string current;  // the file or URL just handled
};

struct ImportOptions {
  // Called after each file, from the calling thread. May be empty.
  std::function<void(const ImportProgress&)> on_progress;
  // Files read and parsed ahead of the store on other threads; 1 means no extra thread.
  int parse_threads = 2;
};

struct ImportSummary {
  int files = 0;
  int imported = 0;       // files that added at least one alert
  int unchanged = 0;      // files whose alerts were all present already
  int failed = 0;         // files rejected whole (nothing of them written)
  int64_t alerts_added = 0;
  int64_t alerts_present = 0;
  // "file: message" for failures, "file: alert N (case X): message" for warnings.
  std::vector<std::string> errors;
  std::vector<std::string> warnings;
};

// The weekly-report files named by `paths`: files as given, folders searched recursively
// for *.xml and *.xml.gz, sorted by report id (from names like report_123.xml.gz) then name.
Result<std::vector<std::string>> ExpandReportPaths(const std::vector<std::string>& paths);

// The Commission report id in a file name such as "report_10000319.xml.gz" or
// "report_100_2005w05.xml"; nullopt if the name does not start with report_<digits>.
std::optional<int64_t> ReportIdFromFileName(std::string_view path);

// Imports every file. A file that cannot be read, gunzipped or parsed is skipped whole and
// reported in `errors`; the others continue. Fails only if the store itself fails.
Result<ImportSummary> ImportPaths(AlertStore& store, const std::vector<std::string>& paths,
                                  const ImportOptions& options);

// Imports one report already in memory (gzip or plain XML), e.g. a download.
Result<AddReportResult> ImportBytes(AlertStore& store, std::string_view bytes,
                                    const ReportSource& source,
                                    std::vector<std::string>* warnings);

}  // namespace eucomply::alerts
