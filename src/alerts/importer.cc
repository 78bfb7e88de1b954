#include "alerts/importer.h"

#include <algorithm>
#include <deque>
#include <filesystem>
#include <future>
#include <unordered_set>

#include "alerts/report_reader.h"
#include "alerts/internal/sqlite_util.h"
#include "alerts/weekly_report_parser.h"

namespace eucomply::alerts {
namespace fs = std::filesystem;

namespace {

bool IsReportFile(const fs::path& p) {
  std::string name = p.filename().string();
  auto ends = [&](std::string_view suffix) {
    return name.size() >= suffix.size() &&
           name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0;
  };
  return ends(".xml") || ends(".xml.gz");
}

struct Prepared {
  std::string path;
  Status status;            // read/gunzip/parse failure
  bool known = false;       // fingerprint already in the store: nothing to parse
  std::string fingerprint;
  WeeklyReport report;
};

Prepared PrepareFile(const std::string& path,
                     const std::unordered_set<std::string>* known_fingerprints) {
  Prepared p;
  p.path = path;
  Result<std::string> xml = ReadReportFile(path);
  if (!xml.ok()) {
    p.status = xml.status();
    return p;
  }
  p.fingerprint = ContentFingerprint(*xml);
  if (known_fingerprints->count(p.fingerprint) > 0) {
    p.known = true;
    return p;
  }
  Result<WeeklyReport> parsed = ParseWeeklyReport(*xml);
  if (!parsed.ok()) {
    p.status = parsed.status();
    return p;
  }
  p.report = std::move(parsed).value();
  return p;
}

}  // namespace

std::optional<int64_t> ReportIdFromFileName(std::string_view path) {
  std::string name = fs::path(std::string(path)).filename().string();
  if (name.rfind("report_", 0) != 0) return std::nullopt;
  int64_t id = 0;
  size_t i = 7;
  size_t start = i;
  while (i < name.size() && name[i] >= '0' && name[i] <= '9' && i - start < 15) {
    id = id * 10 + (name[i] - '0');
    ++i;
  }
  if (i == start) return std::nullopt;
  return id;
}

Result<std::vector<std::string>> ExpandReportPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (fs::is_directory(p, ec)) {
      for (fs::recursive_directory_iterator it(p, ec), end; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && IsReportFile(it->path())) files.push_back(it->path().string());
      }
      if (ec) return Status::Unavailable(p + ": cannot list folder: " + ec.message());
    } else if (fs::exists(p, ec)) {
      files.push_back(p);
    } else {
      return Status::NotFound(p + ": no such file or folder");
    }
  }
  std::stable_sort(files.begin(), files.end(), [](const std::string& a, const std::string& b) {
    auto ia = ReportIdFromFileName(a), ib = ReportIdFromFileName(b);
    int64_t ka = ia.value_or(INT64_MAX), kb = ib.value_or(INT64_MAX);
    if (ka != kb) return ka < kb;
    return a < b;
  });
  files.erase(std::unique(files.begin(), files.end()), files.end());
  return files;
}

Result<ImportSummary> ImportPaths(AlertStore& store, const std::vector<std::string>& paths,
                                  const ImportOptions& options) {
  Result<std::vector<std::string>> files = ExpandReportPaths(paths);
  if (!files.ok()) return files.status();
  ImportSummary summary;
  summary.files = static_cast<int>(files->size());

  // Fingerprints known at the start, so the parse threads can skip re-imported files
  // without touching the (single-threaded) store.
  std::unordered_set<std::string> known;
  {
    Stmt s;
    if (Status st = s.Prepare(store.handle(), "SELECT fingerprint FROM report_files"); !st.ok()) {
      return st;
    }
    while (s.Step() == SQLITE_ROW) known.insert(s.Text(0));
  }

  // One checkpoint at the end instead of one every 4 MB of WAL: a bulk import then writes
  // and syncs each page twice at most. Every report is still its own atomic transaction.
  Exec(store.handle(), "PRAGMA wal_autocheckpoint=0");
  struct RestoreCheckpoints {
    sqlite3* db;
    ~RestoreCheckpoints() {
      Exec(db, "PRAGMA wal_checkpoint(TRUNCATE)");
      Exec(db, "PRAGMA wal_autocheckpoint=1000");
    }
  } restore{store.handle()};

  const size_t window = static_cast<size_t>(std::max(1, options.parse_threads));
  std::deque<std::future<Prepared>> pending;
  size_t next = 0;
  auto launch = [&] {
    while (next < files->size() && pending.size() < window) {
      const std::string& path = (*files)[next++];
      if (window == 1) {
        std::promise<Prepared> done;
        done.set_value(PrepareFile(path, &known));
        pending.push_back(done.get_future());
      } else {
        pending.push_back(std::async(std::launch::async, PrepareFile, path, &known));
      }
    }
  };
  ImportProgress progress;
  progress.total = files->size();
  launch();
  while (!pending.empty()) {
    Prepared p = pending.front().get();
    pending.pop_front();
    launch();
    if (!p.status.ok()) {
      ++summary.failed;
      summary.errors.push_back(p.path + ": " + p.status.message());
    } else if (p.known) {
      ++summary.unchanged;
    } else {
      for (const std::string& w : p.report.warnings) summary.warnings.push_back(p.path + ": " + w);
      ReportSource source{ReportIdFromFileName(p.path), p.path, p.fingerprint};
      Result<AddReportResult> added = store.AddReport(p.report, source);
      if (!added.ok()) {
        // The store itself failing (disk full, locked) is not the file's fault: stop.
        return Status(added.status().code(), p.path + ": " + added.status().message());
      }
      known.insert(p.fingerprint);
      summary.alerts_added += added->added;
      summary.alerts_present += added->already_had;
      if (added->added > 0) {
        ++summary.imported;
      } else {
        ++summary.unchanged;
      }
      progress.alerts_added += added->added;
    }
    ++progress.done;
    progress.current = p.path;
    if (options.on_progress) options.on_progress(progress);
  }
  return summary;
}

Result<AddReportResult> ImportBytes(AlertStore& store, std::string_view bytes,
                                    const ReportSource& source,
                                    std::vector<std::string>* warnings) {
  Result<std::string> xml = GunzipIfNeeded(bytes);
  if (!xml.ok()) return xml.status();
  ReportSource src = source;
  src.fingerprint = ContentFingerprint(*xml);
  Result<bool> known = store.HasFingerprint(src.fingerprint);
  if (!known.ok()) return known.status();
  if (*known) return AddReportResult{};
  Result<WeeklyReport> parsed = ParseWeeklyReport(*xml);
  if (!parsed.ok()) return parsed.status();
  if (warnings) {
    for (const std::string& w : parsed->warnings) warnings->push_back(w);
  }
  return store.AddReport(*parsed, src);
}

}  // namespace eucomply::alerts
