// libFuzzer target for the weekly-report reader and parser, and for the normalisers that
// take free text from the reports. Also compiled into tests/alerts (corpus replay), so its
// logic runs in every CI build, not only in fuzzing builds.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "alerts/normalise.h"
#include "alerts/report_reader.h"
#include "alerts/search.h"
#include "alerts/weekly_report_parser.h"

namespace {

void CheckAlert(const eucomply::alerts::Alert& a) {
  for (const eucomply::alerts::Barcode& b : a.barcodes) {
    // A code flagged valid must pass the check it claims to have passed.
    if (b.valid && !eucomply::alerts::IsValidGtin(b.digits)) __builtin_trap();
  }
  for (const std::string& s : a.standards) {
    if (s.empty()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  namespace al = eucomply::alerts;
  std::string_view in(reinterpret_cast<const char*>(data), size);
  eucomply::Result<std::string> xml = al::GunzipIfNeeded(in);
  if (xml.ok()) {
    eucomply::Result<al::WeeklyReport> report = al::ParseWeeklyReport(*xml);
    if (report.ok()) {
      for (const al::Alert& a : report->alerts) CheckAlert(a);
    } else if (report.status().message().empty()) {
      __builtin_trap();  // every failure must say what and where
    }
  }
  std::vector<std::string> problems;
  al::Alert a;
  a.barcode = std::string(in);
  a.risk_type = std::string(in);
  a.danger = std::string(in);
  a.measures_text = std::string(in);
  al::Normalise(&a, al::ParseDmyDate(in.substr(0, 10)), &problems);
  CheckAlert(a);
  al::BuildFtsQuery(in, size % 2 == 0);
  return 0;
}
