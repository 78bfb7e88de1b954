#include "alerts/search.h"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

#include "alerts/normalise.h"
#include "alerts/sqlite_util.h"
#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {

constexpr const char* kFacetNames[kFacetCount] = {"category", "risk",  "origin", "notifying",
                                                  "level",    "year",  "act",    "standard"};

constexpr double kNoMatch = HUGE_VAL;

bool IsMulti(Facet f) { return f == Facet::kRisk || f == Facet::kAct || f == Facet::kStandard; }
int MultiSlot(Facet f) { return f == Facet::kRisk ? 0 : f == Facet::kAct ? 1 : 2; }

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

// The barcode a query stands for: the text with spaces and dashes removed, if all digits
// and 8 to 14 long; else "".
std::string QueryBarcode(std::string_view text) {
  std::string digits;
  for (char c : text) {
    if (c >= '0' && c <= '9') {
      digits.push_back(c);
    } else if (c != ' ' && c != '-') {
      return "";
    }
  }
  if (digits.size() < 8 || digits.size() > 14) return "";
  return digits;
}

}  // namespace

const char* FacetName(Facet f) { return kFacetNames[static_cast<size_t>(f)]; }

std::optional<Facet> FacetFromName(std::string_view name) {
  for (Facet f : kAllFacets) {
    if (name == FacetName(f)) return f;
  }
  if (name == "country" || name == "notifying_country") return Facet::kNotifying;
  if (name == "risk_type") return Facet::kRisk;
  return std::nullopt;
}

std::string BuildFtsQuery(std::string_view text, bool match_any) {
  std::vector<std::string> terms;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '"') {
      size_t close = text.find('"', i + 1);
      if (close == std::string_view::npos) close = text.size();
      std::string phrase;
      for (size_t j = i + 1; j < close; ++j) {
        if (IsWordByte(text[j])) {
          phrase.push_back(text[j]);
        } else if (!phrase.empty() && phrase.back() != ' ') {
          phrase.push_back(' ');
        }
      }
      while (!phrase.empty() && phrase.back() == ' ') phrase.pop_back();
      if (!phrase.empty()) terms.push_back("\"" + phrase + "\"");
      i = close + 1;
      continue;
    }
    if (!IsWordByte(text[i])) {
      ++i;
      continue;
    }
    size_t start = i;
    while (i < text.size() && IsWordByte(text[i])) ++i;
    std::string term = "\"" + std::string(text.substr(start, i - start)) + "\"";
    if (i < text.size() && text[i] == '*') term += "*";
    terms.push_back(std::move(term));
  }
  std::string out;
  for (const std::string& t : terms) {
    if (!out.empty()) out += match_any ? " OR " : " ";
    out += t;
  }
  return out;
}

uint32_t AlertSearcher::Dictionary::Intern(const std::string& value, const std::string& label) {
  auto [it, inserted] = index.emplace(value, static_cast<uint32_t>(values.size()));
  if (inserted) {
    values.push_back(value);
    labels.push_back(label);
  }
  return it->second;
}

Status AlertSearcher::EnsureLoaded() {
  if (loaded_ && generation_ == store_->generation()) return Status::Ok();
  dicts_ = {};
  rows_.clear();
  row_of_id_.clear();
  sqlite3* db = store_->handle();
  Stmt s;
  if (Status st = s.Prepare(db,
                            "SELECT id, report_date, ord, category, country_of_origin, "
                            "notifying_country, level, year FROM alerts ORDER BY id");
      !st.ok()) {
    return st;
  }
  while (s.Step() == SQLITE_ROW) {
    Row r;
    r.id = s.Int(0);
    std::optional<Date> d = Date::Parse(s.Text(1));
    r.date_days = d ? d->days() : 0;
    r.order = static_cast<int32_t>(s.Int(2));
    auto set = [&](Facet f, int col) {
      std::string v = s.Text(col);
      r.single[static_cast<size_t>(f)] = dicts_[static_cast<size_t>(f)].Intern(v, v);
    };
    set(Facet::kCategory, 3);
    set(Facet::kOrigin, 4);
    set(Facet::kNotifying, 5);
    set(Facet::kLevel, 6);
    set(Facet::kYear, 7);
    if (r.id >= static_cast<int64_t>(row_of_id_.size())) row_of_id_.resize(r.id + 1, -1);
    row_of_id_[r.id] = static_cast<int32_t>(rows_.size());
    rows_.push_back(std::move(r));
  }
  auto row_for = [&](int64_t id) -> Row* {
    if (id < 0 || id >= static_cast<int64_t>(row_of_id_.size()) || row_of_id_[id] < 0) {
      return nullptr;
    }
    return &rows_[row_of_id_[id]];
  };
  Stmt risks;
  if (Status st = risks.Prepare(db, "SELECT alert, risk FROM alert_risks"); !st.ok()) return st;
  while (risks.Step() == SQLITE_ROW) {
    if (Row* r = row_for(risks.Int(0))) {
      std::string v = risks.Text(1);
      r->multi[0].push_back(dicts_[static_cast<size_t>(Facet::kRisk)].Intern(v, v));
    }
  }
  Stmt refs;
  if (Status st = refs.Prepare(db, "SELECT alert, kind, ref, label FROM alert_refs"); !st.ok()) {
    return st;
  }
  while (refs.Step() == SQLITE_ROW) {
    Row* r = row_for(refs.Int(0));
    if (r == nullptr) continue;
    bool act = refs.Text(1) == "act";
    std::string v = refs.Text(2);
    if (act) {
      std::string label = refs.Text(3) + " (" + v + ")";
      r->multi[1].push_back(dicts_[static_cast<size_t>(Facet::kAct)].Intern(v, label));
    } else {
      r->multi[2].push_back(dicts_[static_cast<size_t>(Facet::kStandard)].Intern(v, v));
    }
  }
  loaded_ = true;
  generation_ = store_->generation();
  return Status::Ok();
}

Result<SearchResponse> AlertSearcher::Search(const SearchRequest& request) {
  if (Status st = EnsureLoaded(); !st.ok()) return st;
  SearchResponse response;
  sqlite3* db = store_->handle();

  // 1. Candidates: (row, score).
  std::vector<std::pair<int32_t, double>> candidates;
  std::string fts = BuildFtsQuery(request.text, request.match_any);
  response.fts_query = fts;
  const bool has_text = !fts.empty();
  if (has_text) {
    std::vector<double> best(rows_.size(), kNoMatch);
    std::string barcode = QueryBarcode(request.text);
    if (!barcode.empty()) {
      Stmt b;
      if (Status st = b.Prepare(db, "SELECT alert FROM alert_barcodes WHERE gtin_key = ?");
          !st.ok()) {
        return st;
      }
      b.Bind(1, BarcodeKey(barcode));
      while (b.Step() == SQLITE_ROW) {
        int64_t id = b.Int(0);
        if (id < static_cast<int64_t>(row_of_id_.size()) && row_of_id_[id] >= 0) {
          best[row_of_id_[id]] = -1e9;  // an exact barcode beats any text match
        }
      }
    }
    Stmt q;
    if (Status st = q.Prepare(db,
                              "SELECT rowid, bm25(alerts_fts, 5.0, 2.0, 1.0, 3.0) FROM alerts_fts "
                              "WHERE alerts_fts MATCH ?");
        !st.ok()) {
      return st;
    }
    q.Bind(1, fts);
    int rc;
    while ((rc = q.Step()) == SQLITE_ROW) {
      int64_t id = q.Int(0);
      if (id < static_cast<int64_t>(row_of_id_.size()) && row_of_id_[id] >= 0) {
        double& b = best[row_of_id_[id]];
        b = std::min(b, q.Double(1));
      }
    }
    if (rc != SQLITE_DONE) {
      return Status::InvalidArgument("search '" + request.text + "': " + sqlite3_errmsg(db));
    }
    for (size_t i = 0; i < best.size(); ++i) {
      if (best[i] < kNoMatch) candidates.emplace_back(static_cast<int32_t>(i), best[i]);
    }
  } else {
    candidates.reserve(rows_.size());
    for (size_t i = 0; i < rows_.size(); ++i) candidates.emplace_back(static_cast<int32_t>(i), 0.0);
  }

  // 2. Filters, resolved to sets of dictionary ids.
  std::array<std::vector<char>, kFacetCount> allowed;
  for (Facet f : kAllFacets) {
    const auto& wanted = request.filters[static_cast<size_t>(f)];
    if (wanted.empty()) continue;
    const Dictionary& d = dicts_[static_cast<size_t>(f)];
    std::vector<char>& ok = allowed[static_cast<size_t>(f)];
    ok.assign(d.values.size() + 1, 0);
    for (const std::string& w : wanted) {
      std::string lw = AsciiLower(Trim(w));
      bool exact = false;
      for (size_t i = 0; i < d.values.size(); ++i) {
        if (AsciiLower(d.values[i]) == lw ||
            (f == Facet::kAct && AsciiLower(ActNameForCelex(d.values[i])) == lw)) {
          ok[i] = 1;
          exact = true;
        }
      }
      if (exact || lw.empty()) continue;
      for (size_t i = 0; i < d.values.size(); ++i) {
        if (AsciiLower(d.labels[i]).find(lw) != std::string::npos) ok[i] = 1;
      }
    }
  }
  auto year_ok = [&](const Row& r) {
    if (!request.year_from && !request.year_to) return true;
    int y = std::atoi(dicts_[static_cast<size_t>(Facet::kYear)].values[r.single[5]].c_str());
    return (!request.year_from || y >= *request.year_from) &&
           (!request.year_to || y <= *request.year_to);
  };
  auto passes = [&](const Row& r) {
    for (Facet f : kAllFacets) {
      const std::vector<char>& ok = allowed[static_cast<size_t>(f)];
      if (ok.empty()) continue;
      if (IsMulti(f)) {
        bool any = false;
        for (uint32_t v : r.multi[MultiSlot(f)]) any = any || ok[v];
        if (!any) return false;
      } else if (!ok[r.single[static_cast<size_t>(f)]]) {
        return false;
      }
    }
    return year_ok(r);
  };

  // 3. Facet counts over exactly the passing alerts.
  std::array<std::vector<int64_t>, kFacetCount> counts;
  for (Facet f : kAllFacets) counts[static_cast<size_t>(f)].assign(dicts_[static_cast<size_t>(f)].values.size(), 0);
  size_t kept = 0;
  for (size_t i = 0; i < candidates.size(); ++i) {
    const Row& r = rows_[candidates[i].first];
    if (!passes(r)) continue;
    for (Facet f : kAllFacets) {
      auto& c = counts[static_cast<size_t>(f)];
      if (IsMulti(f)) {
        for (uint32_t v : r.multi[MultiSlot(f)]) ++c[v];
      } else {
        ++c[r.single[static_cast<size_t>(f)]];
      }
    }
    candidates[kept++] = candidates[i];
  }
  candidates.resize(kept);
  response.total = static_cast<int64_t>(kept);
  for (Facet f : kAllFacets) {
    const size_t fi = static_cast<size_t>(f);
    std::vector<FacetCount>& out = response.facets[fi];
    for (size_t v = 0; v < counts[fi].size(); ++v) {
      if (counts[fi][v] > 0) out.push_back(FacetCount{dicts_[fi].values[v], dicts_[fi].labels[v], counts[fi][v]});
    }
    if (f == Facet::kYear) {
      std::sort(out.begin(), out.end(),
                [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
    } else {
      std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      });
      if (request.facet_limit > 0 && out.size() > static_cast<size_t>(request.facet_limit)) {
        out.resize(static_cast<size_t>(request.facet_limit));
      }
    }
  }

  // 4. Top hits: best score, then newest report, then report order.
  auto better = [&](const std::pair<int32_t, double>& a, const std::pair<int32_t, double>& b) {
    if (a.second != b.second) return a.second < b.second;
    const Row& ra = rows_[a.first];
    const Row& rb = rows_[b.first];
    if (ra.date_days != rb.date_days) return ra.date_days > rb.date_days;
    return ra.order < rb.order;
  };
  const size_t offset = static_cast<size_t>(std::max(0, request.offset));
  const size_t want = std::min(candidates.size(), offset + static_cast<size_t>(std::max(0, request.limit)));
  std::partial_sort(candidates.begin(), candidates.begin() + want, candidates.end(), better);
  if (offset < want) {
    Stmt h;
    if (Status st = h.Prepare(db,
                              "SELECT case_number, report_date, category, product, name, brand, "
                              "level, country_of_origin, risk_type, reference, description "
                              "FROM alerts WHERE id = ?");
        !st.ok()) {
      return st;
    }
    for (size_t i = offset; i < want; ++i) {
      const Row& r = rows_[candidates[i].first];
      h.Reset();
      h.Bind(1, r.id);
      if (h.Step() != SQLITE_ROW) continue;
      SearchHit hit;
      hit.id = r.id;
      hit.score = candidates[i].second;
      std::string* fields[] = {&hit.case_number, &hit.report_date,       &hit.category,
                               &hit.product,     &hit.name,              &hit.brand,
                               &hit.level,       &hit.country_of_origin, &hit.risk_type,
                               &hit.reference,   &hit.description};
      int c = 0;
      for (std::string* f : fields) *f = h.Text(c++);
      response.hits.push_back(std::move(hit));
    }
  }
  return response;
}

}  // namespace eucomply::alerts
