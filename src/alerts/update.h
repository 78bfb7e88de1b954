// `alerts update`: fetch the Commission's list of weekly reports and every report not yet
// in the store, with retries, and import them.
//
// Endpoints (see ../shared/data/safety-gate/SOURCE.md), relative to a base URL `source`:
//   list:   {source}/list/xml/en
//   report: {source}/detail/xml/{id}?language=en&search=WEB_REPORT%7C:%7C{id}
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "alerts/importer.h"
#include "alerts/store.h"
#include "eucomply/status.h"

namespace eucomply::alerts {

inline constexpr const char* kDefaultSource =
    "https://ec.europa.eu/safety-gate-alerts/api/download/weeklyReport";

struct ListedReport {
  int64_t id = 0;
  std::string publication_date;
  int year = 0;
  int week = 0;
};

// Parses the weekly-report list. Each <weeklyReport> gives its id in <reference> (or, failing
// that, in the digits after "detail/xml/" in <URL>). Entries without an id are skipped with
// a message in `problems`. Sorted by id, duplicates removed.
Result<std::vector<ListedReport>> ParseReportList(std::string_view xml,
                                                  std::vector<std::string>* problems);

std::string ListUrl(std::string_view source);
std::string ReportUrl(std::string_view source, int64_t id);

struct UpdateOptions {
  std::string source = kDefaultSource;
  int attempts = 4;               // per request; retried on network errors, 5xx and 429
  double timeout_seconds = 60;    // per request
  double backoff_seconds = 0.5;   // doubled after each failed attempt
  std::function<void(const ImportProgress&)> on_progress;
};

struct UpdateSummary {
  int listed = 0;
  int already_imported = 0;
  int downloaded = 0;
  int failed = 0;
  int64_t alerts_added = 0;
  std::vector<std::string> errors;    // "report 123 (URL): message"
  std::vector<std::string> warnings;  // parse warnings, placed like the importer's
};

// Fails only if the list cannot be fetched or the store fails; a report that cannot be
// fetched or parsed is counted in `failed`, reported, and retried by the next update.
Result<UpdateSummary> UpdateFromSource(AlertStore& store, const UpdateOptions& options);

}  // namespace eucomply::alerts
