// The alert store: one SQLite database holding the alerts, their normalised fields and an
// FTS5 full-text index, so that a report's rows and its index entries commit together.
//
// Thread safety: an AlertStore is used from one thread at a time (it owns one connection).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "alerts/weekly_report_parser.h"
#include "eucomply/alerts.h"
#include "eucomply/status.h"

struct sqlite3;

namespace eucomply::alerts {

// Where a report came from, recorded with it.
struct ReportSource {
  std::optional<int64_t> official_id;  // the Commission's report id (file name or URL)
  std::string origin;                  // the file path or URL
  std::string fingerprint;             // ContentFingerprint() of the XML
};

struct AddReportResult {
  int added = 0;         // alerts new to the store
  int already_had = 0;   // alerts of this report already present (same report, same order)
  bool new_report = false;
};

// An alert as stored, with its place.
struct StoredAlert {
  int64_t id = 0;
  std::optional<int64_t> report_official_id;
  std::string report_date;  // YYYY-MM-DD
  int report_year = 0;
  int report_week = 0;
  Alert alert;
};

class AlertStore {
 public:
  // Opens (creating if needed) the database at `path`; ":memory:" gives a private store.
  static Result<std::unique_ptr<AlertStore>> Open(const std::string& path);
  ~AlertStore();
  AlertStore(const AlertStore&) = delete;
  AlertStore& operator=(const AlertStore&) = delete;

  // True if a file with this fingerprint was imported before.
  Result<bool> HasFingerprint(std::string_view fingerprint);

  // Adds a parsed report in one transaction: the report row, every alert not yet present
  // (keyed by report and order), their measures, risks, references, barcodes and index
  // entries. On any failure nothing is written.
  Result<AddReportResult> AddReport(const WeeklyReport& report, const ReportSource& source);

  // The official ids of the reports stored.
  Result<std::vector<int64_t>> OfficialReportIds();

  // Every alert with this case number (usually one; see docs/alerts.md for the repeats).
  Result<std::vector<StoredAlert>> FindByCase(std::string_view case_number);
  Result<StoredAlert> Get(int64_t id);

  Result<int64_t> AlertCount();
  // The newest report date in the store (YYYY-MM-DD), "" when it holds none.
  Result<std::string> NewestReportDate();
  // Bumped by every AddReport that adds alerts, and by NoticeOtherWriters when another
  // connection (another process's import) has committed; lets caches know they are stale.
  uint64_t generation() const { return generation_; }
  // Asks SQLite whether another connection committed since the last call (PRAGMA
  // data_version) and, if so, bumps generation(). True when it did; the first call only
  // records the starting point.
  Result<bool> NoticeOtherWriters();
  // Resets every statement of this connection, ending any read transaction that a
  // statement stepped short of its last row keeps open (and with it an old snapshot of the
  // data). The server calls it whenever a request gives its session back.
  void EndReads();

  sqlite3* handle() { return db_; }

 private:
  explicit AlertStore(sqlite3* db);
  Status Prepare();
  Status LoadChildren(StoredAlert* a);
  // The steps of AddReport, inside its transaction; on an error AddReport rolls back.
  Result<int64_t> ReportRow(const WeeklyReport& report, const ReportSource& source,
                            const std::string& date, AddReportResult* result);
  Status InsertAlert(int64_t report_id, const std::string& date, int year, const Alert& a,
                     AddReportResult* result);
  Status InsertRisksAndRefs(int64_t id, const Alert& a);
  Status InsertMeasures(int64_t id, const Alert& a);
  Status InsertCodesAndIndex(int64_t id, const Alert& a);
  Status RecordReport(int64_t report_id, const ReportSource& source, const AddReportResult& result);
  // Unavailable, with SQLite's message for the statement that just failed.
  Status StepFailed(const std::string& what) const;

  sqlite3* db_ = nullptr;
  uint64_t generation_ = 0;
  int64_t data_version_ = -1;
  struct Statements;
  std::unique_ptr<Statements> st_;
};

}  // namespace eucomply::alerts
