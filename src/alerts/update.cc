#include "alerts/update.h"

#include <curl/curl.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <mutex>
#include <pugixml.hpp>
#include <set>
#include <thread>

#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {

std::string ChildText(const pugi::xml_node& n, const char* name) {
  return std::string(Trim(n.child(name).text().as_string()));
}

bool AllDigits(std::string_view s) {
  return !s.empty() && s.size() < 16 &&
         std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

size_t Collect(char* data, size_t size, size_t n, void* user) {
  static_cast<std::string*>(user)->append(data, size * n);
  return size * n;
}

struct Fetched {
  Status status;
  long http = 0;
  bool retryable = false;
  std::string body;
};

Fetched FetchOnce(const std::string& url, double timeout_seconds) {
  Fetched f;
  CURL* curl = curl_easy_init();
  if (curl == nullptr) {
    f.status = Status::Internal("curl_easy_init failed");
    return f;
  }
  char error[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, Collect);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &f.body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(curl, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(curl, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(curl, CURLOPT_ACCEPT_ENCODING, "");  // gzip/deflate, decoded by curl
  curl_easy_setopt(curl, CURLOPT_TIMEOUT_MS, static_cast<long>(timeout_seconds * 1000));
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT_MS, 15000L);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "eucomply/0.1 (Safety Gate weekly reports)");
  CURLcode rc = curl_easy_perform(curl);
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &f.http);
  curl_easy_cleanup(curl);
  if (rc != CURLE_OK) {
    f.status = Status::Unavailable(std::string(error[0] ? error : curl_easy_strerror(rc)));
    f.retryable = true;
    return f;
  }
  if (f.http >= 400) {
    f.status = Status::Unavailable("HTTP " + std::to_string(f.http));
    f.retryable = f.http >= 500 || f.http == 429 || f.http == 408;
  }
  return f;
}

Result<std::string> Fetch(const std::string& url, const UpdateOptions& o) {
  double wait = o.backoff_seconds;
  Fetched f;
  const int attempts = std::max(1, o.attempts);
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    f = FetchOnce(url, o.timeout_seconds);
    if (f.status.ok()) return std::move(f.body);
    if (!f.retryable || attempt == attempts) break;
    std::this_thread::sleep_for(std::chrono::duration<double>(wait));
    wait *= 2;
  }
  return Status(f.status.code(), f.status.message() + " (after " +
                                     std::to_string(f.retryable ? attempts : 1) + " attempt" +
                                     (f.retryable && attempts > 1 ? "s" : "") + ")");
}

std::string TrimSlash(std::string_view s) {
  while (!s.empty() && s.back() == '/') s.remove_suffix(1);
  return std::string(s);
}

}  // namespace

std::string ListUrl(std::string_view source) { return TrimSlash(source) + "/list/xml/en"; }

std::string ReportUrl(std::string_view source, int64_t id) {
  std::string i = std::to_string(id);
  return TrimSlash(source) + "/detail/xml/" + i + "?language=en&search=WEB_REPORT%7C:%7C" + i;
}

Result<std::vector<ListedReport>> ParseReportList(std::string_view xml,
                                                  std::vector<std::string>* problems) {
  pugi::xml_document doc;
  pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
  if (!parsed) {
    int line = 0, column = 0;
    LineColumn(xml, static_cast<size_t>(parsed.offset), &line, &column);
    return Status::Corruption("weekly-report list: " + std::to_string(line) + ":" +
                              std::to_string(column) + ": malformed XML (" +
                              parsed.description() + ")");
  }
  std::vector<ListedReport> out;
  std::set<int64_t> seen;
  int index = 0;
  for (pugi::xpath_node x : doc.select_nodes("//weeklyReport")) {
    ++index;
    pugi::xml_node n = x.node();
    std::string ref = ChildText(n, "reference");
    std::string url = ChildText(n, "URL");
    int64_t id = -1;
    if (AllDigits(ref)) {
      id = std::stoll(ref);
    } else if (size_t p = url.find("detail/xml/"); p != std::string::npos) {
      size_t start = p + std::strlen("detail/xml/");
      size_t end = start;
      while (end < url.size() && url[end] >= '0' && url[end] <= '9') ++end;
      if (AllDigits(std::string_view(url).substr(start, end - start))) {
        id = std::stoll(url.substr(start, end - start));
      }
    }
    if (id < 0) {
      if (problems) {
        problems->push_back("weekly-report list entry " + std::to_string(index) +
                            ": no report id in <reference> '" + ref + "' or <URL>; skipped");
      }
      continue;
    }
    if (!seen.insert(id).second) continue;
    ListedReport r;
    r.id = id;
    r.publication_date = ChildText(n, "publicationDate");
    r.year = n.child("year").text().as_int();
    r.week = n.child("week").text().as_int();
    out.push_back(std::move(r));
  }
  std::sort(out.begin(), out.end(),
            [](const ListedReport& a, const ListedReport& b) { return a.id < b.id; });
  return out;
}

Result<UpdateSummary> UpdateFromSource(AlertStore& store, const UpdateOptions& options) {
  static std::once_flag curl_init;
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });

  UpdateSummary summary;
  const std::string list_url = ListUrl(options.source);
  Result<std::string> list = Fetch(list_url, options);
  if (!list.ok()) return Status(list.status().code(), list_url + ": " + list.status().message());
  Result<std::vector<ListedReport>> reports = ParseReportList(*list, &summary.warnings);
  if (!reports.ok()) return reports.status();
  summary.listed = static_cast<int>(reports->size());

  Result<std::vector<int64_t>> have = store.OfficialReportIds();
  if (!have.ok()) return have.status();
  std::set<int64_t> imported(have->begin(), have->end());
  std::vector<ListedReport> todo;
  for (const ListedReport& r : *reports) {
    if (imported.count(r.id) > 0) {
      ++summary.already_imported;
    } else {
      todo.push_back(r);
    }
  }
  ImportProgress progress;
  progress.total = todo.size();
  for (const ListedReport& r : todo) {
    const std::string url = ReportUrl(options.source, r.id);
    const std::string place = "report " + std::to_string(r.id) + " (" + url + ")";
    Result<std::string> body = Fetch(url, options);
    if (!body.ok()) {
      ++summary.failed;
      summary.errors.push_back(place + ": " + body.status().message());
    } else {
      ReportSource source{r.id, url, ""};
      std::vector<std::string> warnings;
      Result<AddReportResult> added = ImportBytes(store, *body, source, &warnings);
      for (const std::string& w : warnings) summary.warnings.push_back(place + ": " + w);
      if (!added.ok()) {
        if (added.status().code() == StatusCode::kUnavailable) {
          return Status(added.status().code(), place + ": " + added.status().message());
        }
        ++summary.failed;
        summary.errors.push_back(place + ": " + added.status().message());
      } else {
        ++summary.downloaded;
        summary.alerts_added += added->added;
        progress.alerts_added += added->added;
      }
    }
    ++progress.done;
    progress.current = url;
    if (options.on_progress) options.on_progress(progress);
  }
  return summary;
}

}  // namespace eucomply::alerts
