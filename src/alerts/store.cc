#include "alerts/store.h"

#include <sqlite3.h>

#include "alerts/normalise.h"
#include "alerts/internal/sqlite_util.h"

namespace eucomply::alerts {
namespace {

constexpr int kSchemaVersion = 1;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS reports(
  id INTEGER PRIMARY KEY,
  official_id INTEGER,
  report_date TEXT NOT NULL,
  report_year INTEGER NOT NULL,
  report_week INTEGER NOT NULL,
  language TEXT NOT NULL,
  addendum TEXT NOT NULL,
  alerts INTEGER NOT NULL DEFAULT 0,
  UNIQUE(report_date, report_year, report_week));
CREATE INDEX IF NOT EXISTS reports_official ON reports(official_id);
CREATE TABLE IF NOT EXISTS report_files(
  fingerprint TEXT PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports(id),
  origin TEXT NOT NULL,
  added INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS alerts(
  id INTEGER PRIMARY KEY,
  report INTEGER NOT NULL REFERENCES reports(id),
  ord INTEGER NOT NULL,
  case_number TEXT NOT NULL,
  reference TEXT NOT NULL,
  xsi_type TEXT NOT NULL,
  report_date TEXT NOT NULL,
  year INTEGER NOT NULL,
  category TEXT NOT NULL,
  product TEXT NOT NULL,
  brand TEXT NOT NULL,
  name TEXT NOT NULL,
  model TEXT NOT NULL,
  batch TEXT NOT NULL,
  barcode TEXT NOT NULL,
  barcode_valid INTEGER,
  risk_type TEXT NOT NULL,
  danger TEXT NOT NULL,
  measures TEXT NOT NULL,
  url_recall TEXT NOT NULL,
  description TEXT NOT NULL,
  notifying_country TEXT NOT NULL,
  country_of_origin TEXT NOT NULL,
  user_type TEXT NOT NULL,
  level TEXT NOT NULL,
  online_trader TEXT NOT NULL,
  company_recall_code TEXT NOT NULL,
  production_dates TEXT NOT NULL,
  pictures TEXT NOT NULL,
  UNIQUE(report, ord));
CREATE INDEX IF NOT EXISTS alerts_case ON alerts(case_number);
CREATE TABLE IF NOT EXISTS alert_risks(
  alert INTEGER NOT NULL REFERENCES alerts(id), risk TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_refs(
  alert INTEGER NOT NULL REFERENCES alerts(id),
  kind TEXT NOT NULL CHECK(kind IN ('act', 'standard')),
  ref TEXT NOT NULL,
  label TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_measures(
  alert INTEGER NOT NULL REFERENCES alerts(id),
  seq INTEGER NOT NULL,
  ordered INTEGER NOT NULL,
  operator_type TEXT NOT NULL,
  category TEXT NOT NULL,
  date TEXT,
  date_text TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS alert_barcodes(
  alert INTEGER NOT NULL REFERENCES alerts(id),
  text TEXT NOT NULL,
  digits TEXT NOT NULL,
  gtin_key TEXT NOT NULL,
  valid INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS alert_barcodes_key ON alert_barcodes(gtin_key);
CREATE VIRTUAL TABLE IF NOT EXISTS alerts_fts USING fts5(
  title, description, danger, codes,
  content='', tokenize='porter unicode61 remove_diacritics 2');
)sql";

std::string Join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) {
    if (i > 0) out += sep;
    out += v[i];
  }
  return out;
}

}  // namespace

struct AlertStore::Statements {
  Stmt has_fingerprint, find_report, insert_report, update_report_count, insert_file;
  Stmt insert_alert, insert_risk, insert_ref, insert_measure, insert_barcode, insert_fts;
  Stmt official_ids, by_case, by_id, risks_of, refs_of, measures_of, barcodes_of, count;
};

Result<bool> AlertStore::NoticeOtherWriters() {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(db_, "PRAGMA data_version", -1, &stmt, nullptr) != SQLITE_OK) {
    return Status::Internal(std::string("PRAGMA data_version: ") + sqlite3_errmsg(db_));
  }
  int64_t v = -1;
  if (sqlite3_step(stmt) == SQLITE_ROW) v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  const bool changed = data_version_ >= 0 && v != data_version_;
  data_version_ = v;
  if (changed) ++generation_;
  return changed;
}

void AlertStore::EndReads() {
  for (sqlite3_stmt* s = sqlite3_next_stmt(db_, nullptr); s != nullptr; s = sqlite3_next_stmt(db_, s)) {
    sqlite3_reset(s);
  }
}

Result<std::unique_ptr<AlertStore>> AlertStore::Open(const std::string& path) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &db,
                           SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                           nullptr);
  if (rc != SQLITE_OK) {
    std::string m = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::Unavailable("cannot open alert store " + path + ": " + m);
  }
  std::unique_ptr<AlertStore> store(new AlertStore(db));
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers (search) never block the importer; NORMAL sync is durable at checkpoints
  // and keeps every transaction atomic, which is what "nothing half-written" needs.
  if (Status s = Exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; "
                          "PRAGMA foreign_keys=ON; PRAGMA temp_store=MEMORY; "
                          "PRAGMA cache_size=-65536;");
      !s.ok()) {
    return s;
  }
  if (Status s = Exec(db, kSchema); !s.ok()) return s;
  {
    Stmt v;
    if (Status s = v.Prepare(db, "SELECT value FROM meta WHERE key='schema_version'"); !s.ok()) {
      return s;
    }
    if (v.Step() == SQLITE_ROW) {
      if (v.Text(0) != std::to_string(kSchemaVersion)) {
        return Status::Corruption("alert store " + path + " has schema version " + v.Text(0) +
                                  ", this program reads version " +
                                  std::to_string(kSchemaVersion));
      }
    } else {
      std::string sql = "INSERT INTO meta VALUES('schema_version','" +
                        std::to_string(kSchemaVersion) + "')";
      if (Status s = Exec(db, sql.c_str()); !s.ok()) return s;
    }
  }
  if (Status s = store->Prepare(); !s.ok()) return s;
  return store;
}

AlertStore::AlertStore(sqlite3* db) : db_(db) {}

AlertStore::~AlertStore() {
  st_.reset();
  sqlite3_close(db_);
}

Status AlertStore::Prepare() {
  st_ = std::make_unique<Statements>();
  constexpr const char* kAlertColumns =
      "a.id, r.official_id, a.report_date, r.report_year, r.report_week, a.ord, a.case_number, "
      "a.reference, a.xsi_type, a.category, a.product, a.brand, a.name, a.model, a.batch, "
      "a.barcode, a.risk_type, a.danger, a.measures, a.url_recall, a.description, "
      "a.notifying_country, a.country_of_origin, a.user_type, a.level, a.online_trader, "
      "a.company_recall_code, a.production_dates, a.pictures";
  std::string by_case = std::string("SELECT ") + kAlertColumns +
                        " FROM alerts a JOIN reports r ON r.id = a.report"
                        " WHERE a.case_number = ? ORDER BY a.report_date, a.ord";
  std::string by_id = std::string("SELECT ") + kAlertColumns +
                      " FROM alerts a JOIN reports r ON r.id = a.report WHERE a.id = ?";
  struct {
    Stmt* stmt;
    std::string sql;
  } all[] = {
      {&st_->has_fingerprint, "SELECT 1 FROM report_files WHERE fingerprint = ?"},
      {&st_->find_report,
       "SELECT id FROM reports WHERE report_date = ? AND report_year = ? AND report_week = ?"},
      {&st_->insert_report,
       "INSERT INTO reports(official_id, report_date, report_year, report_week, language, "
       "addendum) VALUES(?,?,?,?,?,?)"},
      {&st_->update_report_count,
       "UPDATE reports SET alerts = (SELECT count(*) FROM alerts WHERE report = ?1),"
       " official_id = coalesce(official_id, ?2) WHERE id = ?1"},
      {&st_->insert_file,
       "INSERT OR IGNORE INTO report_files(fingerprint, report, origin, added) VALUES(?,?,?,?)"},
      {&st_->insert_alert,
       "INSERT OR IGNORE INTO alerts(report, ord, case_number, reference, xsi_type, report_date, "
       "year, category, product, brand, name, model, batch, barcode, barcode_valid, risk_type, "
       "danger, measures, url_recall, description, notifying_country, country_of_origin, "
       "user_type, level, online_trader, company_recall_code, production_dates, pictures) "
       "VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)"},
      {&st_->insert_risk, "INSERT INTO alert_risks(alert, risk) VALUES(?,?)"},
      {&st_->insert_ref, "INSERT INTO alert_refs(alert, kind, ref, label) VALUES(?,?,?,?)"},
      {&st_->insert_measure,
       "INSERT INTO alert_measures(alert, seq, ordered, operator_type, category, date, "
       "date_text) VALUES(?,?,?,?,?,?,?)"},
      {&st_->insert_barcode,
       "INSERT INTO alert_barcodes(alert, text, digits, gtin_key, valid) VALUES(?,?,?,?,?)"},
      {&st_->insert_fts,
       "INSERT INTO alerts_fts(rowid, title, description, danger, codes) VALUES(?,?,?,?,?)"},
      {&st_->official_ids,
       "SELECT DISTINCT official_id FROM reports WHERE official_id IS NOT NULL ORDER BY 1"},
      {&st_->by_case, by_case},
      {&st_->by_id, by_id},
      {&st_->risks_of, "SELECT risk FROM alert_risks WHERE alert = ? ORDER BY rowid"},
      {&st_->refs_of, "SELECT kind, ref, label FROM alert_refs WHERE alert = ? ORDER BY rowid"},
      {&st_->measures_of,
       "SELECT ordered, operator_type, category, date, date_text FROM alert_measures WHERE alert = ? ORDER BY seq"},
      {&st_->barcodes_of,
       "SELECT text, digits, valid FROM alert_barcodes WHERE alert = ? ORDER BY rowid"},
      {&st_->count, "SELECT count(*) FROM alerts"},
  };
  for (auto& s : all) {
    if (Status status = s.stmt->Prepare(db_, s.sql); !status.ok()) return status;
  }
  return Status::Ok();
}

Result<bool> AlertStore::HasFingerprint(std::string_view fingerprint) {
  Stmt& s = st_->has_fingerprint;
  s.Reset();
  s.Bind(1, fingerprint);
  return s.Step() == SQLITE_ROW;
}

Status AlertStore::StepFailed(const std::string& what) const {
  return Status::Unavailable(what + ": " + sqlite3_errmsg(db_));
}

Result<AddReportResult> AlertStore::AddReport(const WeeklyReport& report,
                                              const ReportSource& source) {
  if (!report.header.date) return Status::InvalidArgument("report has no date");
  const std::string date = report.header.date->ToString();
  const int year = report.header.date->year();
  AddReportResult result;
  if (Status s = Exec(db_, "BEGIN IMMEDIATE"); !s.ok()) return s;
  // The error message is taken before ROLLBACK, which would replace SQLite's.
  auto rollback = [&](Status s) {
    Exec(db_, "ROLLBACK");
    return s;
  };
  Result<int64_t> report_id = ReportRow(report, source, date, &result);
  if (!report_id.ok()) return rollback(report_id.status());
  for (const Alert& a : report.alerts) {
    if (Status s = InsertAlert(*report_id, date, year, a, &result); !s.ok()) return rollback(s);
  }
  if (Status s = RecordReport(*report_id, source, result); !s.ok()) return rollback(s);
  if (Status s = Exec(db_, "COMMIT"); !s.ok()) return rollback(s);
  if (result.added > 0) ++generation_;
  return result;
}

Result<int64_t> AlertStore::ReportRow(const WeeklyReport& report, const ReportSource& source,
                                      const std::string& date, AddReportResult* result) {
  Stmt& fr = st_->find_report;
  fr.Reset();
  fr.Bind(1, date).Bind(2, report.header.year).Bind(3, report.header.week);
  if (fr.Step() == SQLITE_ROW) return fr.Int(0);
  Stmt& ir = st_->insert_report;
  ir.Reset();
  if (source.official_id) {
    ir.Bind(1, *source.official_id);
  } else {
    ir.BindNull(1);
  }
  ir.Bind(2, date).Bind(3, report.header.year).Bind(4, report.header.week);
  ir.Bind(5, report.header.language).Bind(6, report.header.addendum);
  if (ir.Step() != SQLITE_DONE) return StepFailed("insert report");
  result->new_report = true;
  return sqlite3_last_insert_rowid(db_);
}

// The alert row, then (when it is new) its risks, references, measures, barcodes and index
// entry; an alert already stored is counted and left as it is.
Status AlertStore::InsertAlert(int64_t report_id, const std::string& date, int year, const Alert& a,
                               AddReportResult* result) {
  Stmt& ia = st_->insert_alert;
  ia.Reset();
  int c = 0;
  auto bind = [&](const auto& v) { ia.Bind(++c, v); };
  bind(report_id);
  bind(a.order);
  for (const std::string* f : {&a.case_number, &a.reference, &a.xsi_type, &date}) bind(*f);
  bind(year);
  for (const std::string* f : {&a.category, &a.product, &a.brand, &a.name, &a.model, &a.batch,
                               &a.barcode}) {
    bind(*f);
  }
  if (a.barcodes.empty()) {
    ia.BindNull(++c);
  } else {
    bool all_valid = true;
    for (const Barcode& b : a.barcodes) all_valid = all_valid && b.valid;
    bind(all_valid ? 1 : 0);
  }
  for (const std::string* f :
       {&a.risk_type, &a.danger, &a.measures_text, &a.url_recall, &a.description,
        &a.notifying_country, &a.country_of_origin, &a.user_type, &a.level, &a.online_trader,
        &a.company_recall_code, &a.production_dates}) {
    bind(*f);
  }
  bind(Join(a.pictures, "\n"));
  if (ia.Step() != SQLITE_DONE) return StepFailed("insert alert " + a.case_number);
  if (sqlite3_changes(db_) == 0) {
    ++result->already_had;
    return Status::Ok();
  }
  const int64_t id = sqlite3_last_insert_rowid(db_);
  ++result->added;
  if (Status s = InsertRisksAndRefs(id, a); !s.ok()) return s;
  if (Status s = InsertMeasures(id, a); !s.ok()) return s;
  return InsertCodesAndIndex(id, a);
}

Status AlertStore::InsertRisksAndRefs(int64_t id, const Alert& a) {
  for (const std::string& r : a.risks) {
    Stmt& s = st_->insert_risk;
    s.Reset();
    s.Bind(1, id).Bind(2, r);
    if (s.Step() != SQLITE_DONE) return StepFailed("insert risk");
  }
  // Acts and standards share one table, told apart by `kind`.
  auto insert_ref = [&](std::string_view kind, const std::string& ref, const std::string& label,
                        const char* what) -> Status {
    Stmt& s = st_->insert_ref;
    s.Reset();
    s.Bind(1, id).Bind(2, kind).Bind(3, ref).Bind(4, label);
    return s.Step() == SQLITE_DONE ? Status::Ok() : StepFailed(what);
  };
  for (const ActReference& act : a.acts) {
    if (Status s = insert_ref("act", act.celex, act.name, "insert act"); !s.ok()) return s;
  }
  for (const std::string& std_id : a.standards) {
    if (Status s = insert_ref("standard", std_id, std_id, "insert standard"); !s.ok()) return s;
  }
  return Status::Ok();
}

Status AlertStore::InsertMeasures(int64_t id, const Alert& a) {
  int seq = 0;
  for (const Measure& m : a.measures) {
    Stmt& s = st_->insert_measure;
    s.Reset();
    s.Bind(1, id).Bind(2, seq++).Bind(3, m.ordered ? 1 : 0).Bind(4, m.operator_type);
    s.Bind(5, m.category);
    if (m.date) {
      s.Bind(6, m.date->ToString());
    } else {
      s.BindNull(6);
    }
    s.Bind(7, m.date_text);
    if (s.Step() != SQLITE_DONE) return StepFailed("insert measure");
  }
  return Status::Ok();
}

Status AlertStore::InsertCodesAndIndex(int64_t id, const Alert& a) {
  std::string codes = a.case_number + " " + a.model + " " + a.batch;
  for (const Barcode& b : a.barcodes) {
    Stmt& s = st_->insert_barcode;
    s.Reset();
    s.Bind(1, id).Bind(2, b.text).Bind(3, b.digits).Bind(4, BarcodeKey(b.digits));
    s.Bind(5, b.valid ? 1 : 0);
    if (s.Step() != SQLITE_DONE) return StepFailed("insert barcode");
    codes += " " + b.digits;
  }
  for (const std::string& std_id : a.standards) codes += " " + std_id;
  std::string title = a.product + " " + a.name + " " + a.brand + " " + a.category;
  Stmt& f = st_->insert_fts;
  f.Reset();
  f.Bind(1, id).Bind(2, title).Bind(3, a.description).Bind(4, a.danger + " " + a.risk_type);
  f.Bind(5, codes);
  if (f.Step() != SQLITE_DONE) return StepFailed("index alert " + a.case_number);
  return Status::Ok();
}

// The report's alert count and official id, and the file it came from.
Status AlertStore::RecordReport(int64_t report_id, const ReportSource& source,
                                const AddReportResult& result) {
  Stmt& u = st_->update_report_count;
  u.Reset();
  u.Bind(1, report_id);
  if (source.official_id) {
    u.Bind(2, *source.official_id);
  } else {
    u.BindNull(2);
  }
  if (u.Step() != SQLITE_DONE) return StepFailed("update report");
  if (source.fingerprint.empty()) return Status::Ok();
  Stmt& s = st_->insert_file;
  s.Reset();
  s.Bind(1, source.fingerprint).Bind(2, report_id).Bind(3, source.origin).Bind(4, result.added);
  if (s.Step() != SQLITE_DONE) return StepFailed("record file");
  return Status::Ok();
}

Result<std::vector<int64_t>> AlertStore::OfficialReportIds() {
  std::vector<int64_t> ids;
  Stmt& s = st_->official_ids;
  s.Reset();
  while (s.Step() == SQLITE_ROW) ids.push_back(s.Int(0));
  return ids;
}

namespace {

StoredAlert ReadAlertRow(const Stmt& s) {
  StoredAlert out;
  int c = 0;
  out.id = s.Int(c++);
  if (!s.IsNull(c)) out.report_official_id = s.Int(c);
  ++c;
  out.report_date = s.Text(c++);
  out.report_year = static_cast<int>(s.Int(c++));
  out.report_week = static_cast<int>(s.Int(c++));
  Alert& a = out.alert;
  a.order = static_cast<int>(s.Int(c++));
  std::string* fields[] = {&a.case_number,   &a.reference,         &a.xsi_type,
                           &a.category,      &a.product,           &a.brand,
                           &a.name,          &a.model,             &a.batch,
                           &a.barcode,       &a.risk_type,         &a.danger,
                           &a.measures_text, &a.url_recall,        &a.description,
                           &a.notifying_country, &a.country_of_origin, &a.user_type,
                           &a.level,         &a.online_trader,     &a.company_recall_code,
                           &a.production_dates};
  for (std::string* f : fields) *f = s.Text(c++);
  std::string pictures = s.Text(c++);
  size_t start = 0;
  while (start < pictures.size()) {
    size_t end = pictures.find('\n', start);
    if (end == std::string::npos) end = pictures.size();
    a.pictures.push_back(pictures.substr(start, end - start));
    start = end + 1;
  }
  return out;
}

}  // namespace

Status AlertStore::LoadChildren(StoredAlert* out) {
  Alert& a = out->alert;
  Stmt& r = st_->risks_of;
  r.Reset();
  r.Bind(1, out->id);
  while (r.Step() == SQLITE_ROW) a.risks.push_back(r.Text(0));
  Stmt& f = st_->refs_of;
  f.Reset();
  f.Bind(1, out->id);
  while (f.Step() == SQLITE_ROW) {
    if (f.Text(0) == "act") {
      a.acts.push_back(ActReference{f.Text(1), f.Text(2)});
    } else {
      a.standards.push_back(f.Text(1));
    }
  }
  Stmt& m = st_->measures_of;
  m.Reset();
  m.Bind(1, out->id);
  while (m.Step() == SQLITE_ROW) {
    Measure x;
    x.ordered = m.Int(0) != 0;
    x.operator_type = m.Text(1);
    x.category = m.Text(2);
    if (!m.IsNull(3)) x.date = Date::Parse(m.Text(3));
    x.date_text = m.Text(4);
    a.measures.push_back(std::move(x));
  }
  Stmt& b = st_->barcodes_of;
  b.Reset();
  b.Bind(1, out->id);
  while (b.Step() == SQLITE_ROW) a.barcodes.push_back(Barcode{b.Text(0), b.Text(1), b.Int(2) != 0});
  return Status::Ok();
}

Result<std::vector<StoredAlert>> AlertStore::FindByCase(std::string_view case_number) {
  std::vector<StoredAlert> out;
  Stmt& s = st_->by_case;
  s.Reset();
  s.Bind(1, case_number);
  while (s.Step() == SQLITE_ROW) out.push_back(ReadAlertRow(s));
  for (StoredAlert& a : out) {
    if (Status st = LoadChildren(&a); !st.ok()) return st;
  }
  return out;
}

Result<StoredAlert> AlertStore::Get(int64_t id) {
  Stmt& s = st_->by_id;
  s.Reset();
  s.Bind(1, id);
  if (s.Step() != SQLITE_ROW) return Status::NotFound("no alert with id " + std::to_string(id));
  StoredAlert a = ReadAlertRow(s);
  s.Reset();
  if (Status st = LoadChildren(&a); !st.ok()) return st;
  return a;
}

Result<int64_t> AlertStore::AlertCount() {
  Stmt& s = st_->count;
  s.Reset();
  if (s.Step() != SQLITE_ROW) return Status::Unavailable(sqlite3_errmsg(db_));
  return s.Int(0);
}

Result<std::string> AlertStore::NewestReportDate() {
  Stmt s;
  if (Status st = s.Prepare(db_, "SELECT max(report_date) FROM alerts"); !st.ok()) return st;
  if (s.Step() != SQLITE_ROW) return Status::Unavailable(sqlite3_errmsg(db_));
  return s.Text(0);
}

}  // namespace eucomply::alerts
