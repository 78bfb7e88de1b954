// Parser for one official Safety Gate weekly-report XML document. Pure: no files, no
// globals; the caller reads (and gunzips) the bytes, see report_reader.h.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/alerts.h"
#include "eucomply/status.h"

namespace eucomply::alerts {

struct WeeklyReport {
  ReportHeader header;
  std::vector<Alert> alerts;  // in document order, normalised
  // Non-fatal problems, one line each, already placed: "alert 5 (case 0012/05): ...".
  // Unknown elements, odd dates, a missing order: the alert is still kept.
  std::vector<std::string> warnings;
};

// Parses and normalises a report. Malformed XML, a foreign root element or an unreadable
// report_date make the whole report fail with kCorruption and a message naming the line,
// column and the alert being read; nothing of such a report should be stored.
Result<WeeklyReport> ParseWeeklyReport(std::string_view xml);

}  // namespace eucomply::alerts
