#include "alerts/search.h"

#include <fmt/format.h>
#include <map>

#include <sqlite3.h>

#include <algorithm>
#include <cmath>

#include "alerts/normalise.h"
#include "alerts/internal/sqlite_util.h"
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
  // Terms joined by OR (written in capitals between two terms) form one group.
  std::vector<std::vector<std::string>> groups;
  bool join = false;
  for (std::string& t : terms) {
    if (t == "\"OR\"") {
      join = !groups.empty();
      continue;
    }
    if (join && !groups.empty()) groups.back().push_back(std::move(t));
    else groups.push_back({std::move(t)});
    join = false;
  }
  std::string out;
  for (const auto& g : groups) {
    if (!out.empty()) out += match_any ? " OR " : " ";
    if (g.size() == 1) {
      out += g[0];
      continue;
    }
    out += "(";
    for (size_t k = 0; k < g.size(); ++k) out += (k ? " OR " : "") + g[k];
    out += ")";
  }
  return out;
}

std::string ExactKey(std::string_view s) {
  std::string o;
  bool space = false;
  for (char ch : s) {
    unsigned char c = static_cast<unsigned char>(ch);
    if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c >= 0x80) {
      if (space && !o.empty()) o += ' ';
      o += static_cast<char>(c);
      space = false;
    } else if (c >= 'A' && c <= 'Z') {
      if (space && !o.empty()) o += ' ';
      o += static_cast<char>(c - 'A' + 'a');
      space = false;
    } else {
      space = true;
    }
  }
  return o;
}

struct AlertSearcher::Impl {
  explicit Impl(AlertStore* store) : store_(store) {}
  Result<SearchResponse> Search(const SearchRequest& request);
  Status EnsureLoaded();

  struct Dictionary {
    std::vector<std::string> values;
    std::vector<std::string> labels;
    std::unordered_map<std::string, uint32_t> index;
    uint32_t Intern(const std::string& value, const std::string& label);
  };
  // One alert's facet values, flat so that counting facets over thousands of matches
  // walks contiguous memory.
  struct Row {
    int64_t id = 0;
    int32_t date_days = 0;
    int32_t order = 0;
    uint32_t single[kFacetCount] = {};  // category, origin, notifying, level, year
    uint32_t multi_begin[3] = {};       // risks, acts, standards: ranges of multi_values_
    uint32_t multi_end[3] = {};
  };

  Status PrepareStatements();

  // The phases of Search.
  using Candidate = std::pair<int32_t, double>;  // a row and its score (lower is better)
  // Per facet, which dictionary ids pass (by id); empty: the facet is not filtered.
  using FacetFilter = std::array<std::vector<char>, kFacetCount>;
  using FacetCounts = std::array<std::vector<int64_t>, kFacetCount>;  // by dictionary id
  int32_t RowOf(int64_t id) const;  // -1 for an id not loaded
  Result<std::vector<Candidate>> Candidates(const SearchRequest& request, SearchResponse* response);
  void MarkExactMatches(const std::string& text, std::vector<double>* best);
  Status RankText(const SearchRequest& request, const std::string& fts, std::vector<double>* best,
                  SearchResponse* response);
  Status MatchingRows(const std::string& expr, const std::string& text, std::vector<int32_t>* out);
  FacetFilter ResolveFilters(const SearchRequest& request) const;
  bool Passes(const Row& r, const FacetFilter& allowed, const SearchRequest& request) const;
  FacetCounts CountFacets(const SearchRequest& request, const FacetFilter& allowed,
                          std::vector<Candidate>* candidates) const;
  void CountMonths(const std::vector<Candidate>& candidates, SearchResponse* response) const;
  void ListFacets(const SearchRequest& request, const FacetCounts& counts, SearchResponse* response) const;
  void TopHits(const SearchRequest& request, std::vector<Candidate>* candidates, SearchResponse* response);

  AlertStore* store_;
  bool prepared_ = false;
  Stmt fts_ids_, fts_ranked_, barcode_, hit_;
  bool loaded_ = false;
  uint64_t generation_ = 0;
  std::array<Dictionary, kFacetCount> dicts_;
  std::vector<Row> rows_;
  std::vector<uint32_t> multi_values_;
  std::vector<int32_t> row_of_id_;
  std::vector<int> year_values_;  // by year-dictionary id
  // Normalised name, brand, model and case number -> rows: an exact match ranks first.
  std::unordered_multimap<std::string, int32_t> exact_;
};

AlertSearcher::AlertSearcher(AlertStore* store) : impl_(std::make_unique<Impl>(store)) {}
AlertSearcher::~AlertSearcher() = default;
AlertSearcher::AlertSearcher(AlertSearcher&&) noexcept = default;
AlertSearcher& AlertSearcher::operator=(AlertSearcher&&) noexcept = default;
Result<SearchResponse> AlertSearcher::Search(const SearchRequest& request) { return impl_->Search(request); }

uint32_t AlertSearcher::Impl::Dictionary::Intern(const std::string& value, const std::string& label) {
  auto [it, inserted] = index.emplace(value, static_cast<uint32_t>(values.size()));
  if (inserted) {
    values.push_back(value);
    labels.push_back(label);
  }
  return it->second;
}

Status AlertSearcher::Impl::PrepareStatements() {
  sqlite3* db = store_->handle();
  struct {
    Stmt* stmt;
    const char* sql;
  } all[] = {
      {&fts_ids_, "SELECT rowid FROM alerts_fts WHERE alerts_fts MATCH ?"},
      {&fts_ranked_,
       "SELECT rowid, bm25(alerts_fts, 5.0, 2.0, 1.0, 3.0) FROM alerts_fts "
       "WHERE alerts_fts MATCH ?"},
      {&barcode_, "SELECT alert FROM alert_barcodes WHERE gtin_key = ?"},
      {&hit_,
       "SELECT case_number, report_date, category, product, name, brand, level, "
       "country_of_origin, risk_type, reference, description FROM alerts WHERE id = ?"},
  };
  for (auto& s : all) {
    if (Status st = s.stmt->Prepare(db, s.sql); !st.ok()) return st;
  }
  prepared_ = true;
  return Status::Ok();
}

Status AlertSearcher::Impl::EnsureLoaded() {
  if (!prepared_) {
    if (Status st = PrepareStatements(); !st.ok()) return st;
  }
  if (loaded_ && generation_ == store_->generation()) return Status::Ok();
  dicts_ = {};
  rows_.clear();
  multi_values_.clear();
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
  std::vector<std::vector<uint32_t>> multi[3];
  for (auto& m : multi) m.resize(rows_.size());
  auto row_for = [&](int64_t id) -> int32_t {
    if (id < 0 || id >= static_cast<int64_t>(row_of_id_.size())) return -1;
    return row_of_id_[id];
  };
  Stmt risks;
  if (Status st = risks.Prepare(db, "SELECT alert, risk FROM alert_risks"); !st.ok()) return st;
  while (risks.Step() == SQLITE_ROW) {
    if (int32_t r = row_for(risks.Int(0)); r >= 0) {
      std::string v = risks.Text(1);
      multi[0][r].push_back(dicts_[static_cast<size_t>(Facet::kRisk)].Intern(v, v));
    }
  }
  Stmt refs;
  if (Status st = refs.Prepare(db, "SELECT alert, kind, ref, label FROM alert_refs"); !st.ok()) {
    return st;
  }
  while (refs.Step() == SQLITE_ROW) {
    int32_t r = row_for(refs.Int(0));
    if (r < 0) continue;
    bool act = refs.Text(1) == "act";
    std::string v = refs.Text(2);
    if (act) {
      std::string label = refs.Text(3) + " (" + v + ")";
      multi[1][r].push_back(dicts_[static_cast<size_t>(Facet::kAct)].Intern(v, label));
    } else {
      multi[2][r].push_back(dicts_[static_cast<size_t>(Facet::kStandard)].Intern(v, v));
    }
  }
  for (size_t r = 0; r < rows_.size(); ++r) {
    for (int slot = 0; slot < 3; ++slot) {
      rows_[r].multi_begin[slot] = static_cast<uint32_t>(multi_values_.size());
      multi_values_.insert(multi_values_.end(), multi[slot][r].begin(), multi[slot][r].end());
      rows_[r].multi_end[slot] = static_cast<uint32_t>(multi_values_.size());
    }
  }
  exact_.clear();
  Stmt names;
  if (Status st = names.Prepare(db, "SELECT id, name, brand, model, case_number FROM alerts"); !st.ok()) return st;
  while (names.Step() == SQLITE_ROW) {
    const int32_t r = row_for(names.Int(0));
    if (r < 0) continue;
    for (int c = 1; c <= 4; ++c) {
      std::string k = ExactKey(names.Text(c));
      if (k.size() >= 3) exact_.emplace(std::move(k), r);
    }
  }
  // The year facet's values as numbers, for the from/to filters.
  const Dictionary& years = dicts_[static_cast<size_t>(Facet::kYear)];
  year_values_.assign(years.values.size(), 0);
  for (size_t i = 0; i < years.values.size(); ++i) year_values_[i] = std::atoi(years.values[i].c_str());
  loaded_ = true;
  generation_ = store_->generation();
  return Status::Ok();
}

int32_t AlertSearcher::Impl::RowOf(int64_t id) const {
  return id >= 0 && id < static_cast<int64_t>(row_of_id_.size()) ? row_of_id_[id] : -1;
}

Result<SearchResponse> AlertSearcher::Impl::Search(const SearchRequest& request) {
  if (Status st = EnsureLoaded(); !st.ok()) return st;
  SearchResponse response;
  Result<std::vector<Candidate>> candidates = Candidates(request, &response);
  if (!candidates.ok()) return candidates.status();
  const FacetFilter allowed = ResolveFilters(request);
  const FacetCounts counts = CountFacets(request, allowed, &*candidates);
  response.total = static_cast<int64_t>(candidates->size());
  if (request.monthly && !candidates->empty()) CountMonths(*candidates, &response);
  ListFacets(request, counts, &response);
  TopHits(request, &*candidates, &response);
  return response;
}

// Every row when there is no text; else the rows the text matches, with their scores.
Result<std::vector<AlertSearcher::Impl::Candidate>> AlertSearcher::Impl::Candidates(const SearchRequest& request,
                                                                         SearchResponse* response) {
  std::vector<Candidate> candidates;
  std::string fts = BuildFtsQuery(request.text, request.match_any);
  response->fts_query = fts;
  if (fts.empty()) {
    candidates.reserve(rows_.size());
    for (size_t i = 0; i < rows_.size(); ++i) candidates.emplace_back(static_cast<int32_t>(i), 0.0);
    return candidates;
  }
  std::vector<double> best(rows_.size(), kNoMatch);
  MarkExactMatches(request.text, &best);
  if (Status st = RankText(request, fts, &best, response); !st.ok()) return st;
  for (size_t i = 0; i < best.size(); ++i) {
    if (best[i] < kNoMatch) candidates.emplace_back(static_cast<int32_t>(i), best[i]);
  }
  return candidates;
}

// An exact barcode comes first, then an exact name, brand, model or case number.
void AlertSearcher::Impl::MarkExactMatches(const std::string& text, std::vector<double>* best) {
  std::string barcode = QueryBarcode(text);
  if (!barcode.empty()) {
    barcode_.Reset();
    barcode_.Bind(1, BarcodeKey(barcode));
    while (barcode_.Step() == SQLITE_ROW) {
      if (int32_t r = RowOf(barcode_.Int(0)); r >= 0) (*best)[r] = -1e9;
    }
  }
  auto [lo, hi] = exact_.equal_range(ExactKey(text));
  for (auto it = lo; it != hi; ++it) (*best)[it->second] = std::min((*best)[it->second], -1e8);
}

// All matches first, unranked: cheap, and tells whether bm25 is affordable. A broad query
// ranks only title matches above the rest.
Status AlertSearcher::Impl::RankText(const SearchRequest& request, const std::string& fts,
                               std::vector<double>* best, SearchResponse* response) {
  std::vector<int32_t> matched;
  if (Status st = MatchingRows(fts, request.text, &matched); !st.ok()) return st;
  if (request.exact_rank || matched.size() <= kExactRankLimit) {
    response->bm25_ranked = true;
    fts_ranked_.Reset();
    fts_ranked_.Bind(1, fts);
    while (fts_ranked_.Step() == SQLITE_ROW) {
      if (int32_t r = RowOf(fts_ranked_.Int(0)); r >= 0) {
        (*best)[r] = std::min((*best)[r], fts_ranked_.Double(1));
      }
    }
    return Status::Ok();
  }
  for (int32_t r : matched) (*best)[r] = std::min((*best)[r], 0.0);
  std::vector<int32_t> in_title;
  if (Status st = MatchingRows("{title} : (" + fts + ")", request.text, &in_title); !st.ok()) return st;
  for (int32_t r : in_title) (*best)[r] = std::min((*best)[r], -1.0);
  return Status::Ok();
}

Status AlertSearcher::Impl::MatchingRows(const std::string& expr, const std::string& text,
                                   std::vector<int32_t>* out) {
  fts_ids_.Reset();
  fts_ids_.Bind(1, expr);
  int rc;
  while ((rc = fts_ids_.Step()) == SQLITE_ROW) {
    if (int32_t r = RowOf(fts_ids_.Int(0)); r >= 0) out->push_back(r);
  }
  if (rc != SQLITE_DONE) {
    return Status::InvalidArgument("search '" + text + "': " + sqlite3_errmsg(store_->handle()));
  }
  return Status::Ok();
}

// The filters as sets of dictionary ids: a value matches exactly (for acts, also by name),
// else every value whose label contains it.
AlertSearcher::Impl::FacetFilter AlertSearcher::Impl::ResolveFilters(const SearchRequest& request) const {
  FacetFilter allowed;
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
  return allowed;
}

bool AlertSearcher::Impl::Passes(const Row& r, const FacetFilter& allowed, const SearchRequest& request) const {
  for (Facet f : kAllFacets) {
    const std::vector<char>& ok = allowed[static_cast<size_t>(f)];
    if (ok.empty()) continue;
    if (IsMulti(f)) {
      bool any = false;
      const int slot = MultiSlot(f);
      for (uint32_t i = r.multi_begin[slot]; i < r.multi_end[slot]; ++i) {
        any = any || ok[multi_values_[i]];
      }
      if (!any) return false;
    } else if (!ok[r.single[static_cast<size_t>(f)]]) {
      return false;
    }
  }
  if (request.day_from && r.date_days < *request.day_from) return false;
  if (request.day_to && r.date_days > *request.day_to) return false;
  if (!request.year_from && !request.year_to) return true;
  const int y = year_values_[r.single[static_cast<size_t>(Facet::kYear)]];
  return (!request.year_from || y >= *request.year_from) &&
         (!request.year_to || y <= *request.year_to);
}

// Drops the candidates the filters reject and counts facet values over exactly the rest.
AlertSearcher::Impl::FacetCounts AlertSearcher::Impl::CountFacets(const SearchRequest& request, const FacetFilter& allowed,
                                                      std::vector<Candidate>* candidates) const {
  FacetCounts counts;
  for (Facet f : kAllFacets) counts[static_cast<size_t>(f)].assign(dicts_[static_cast<size_t>(f)].values.size(), 0);
  size_t kept = 0;
  for (size_t i = 0; i < candidates->size(); ++i) {
    const Row& r = rows_[(*candidates)[i].first];
    if (!Passes(r, allowed, request)) continue;
    for (Facet f : kAllFacets) {
      auto& c = counts[static_cast<size_t>(f)];
      if (IsMulti(f)) {
        const int slot = MultiSlot(f);
        for (uint32_t v = r.multi_begin[slot]; v < r.multi_end[slot]; ++v) ++c[multi_values_[v]];
      } else {
        ++c[r.single[static_cast<size_t>(f)]];
      }
    }
    (*candidates)[kept++] = (*candidates)[i];
  }
  candidates->resize(kept);
  return counts;
}

void AlertSearcher::Impl::CountMonths(const std::vector<Candidate>& candidates, SearchResponse* response) const {
  std::map<int, int64_t> by_month;  // year * 12 + month - 1
  for (const auto& c : candidates) {
    const std::string ymd = Date::FromDays(rows_[c.first].date_days).ToString();  // YYYY-MM-DD
    ++by_month[std::atoi(ymd.substr(0, 4).c_str()) * 12 + std::atoi(ymd.substr(5, 2).c_str()) - 1];
  }
  for (int m = by_month.begin()->first; m <= by_month.rbegin()->first; ++m) {
    auto it = by_month.find(m);
    response->months.emplace_back(fmt::format("{:04d}-{:02d}", m / 12, m % 12 + 1), it == by_month.end() ? 0 : it->second);
  }
}

void AlertSearcher::Impl::ListFacets(const SearchRequest& request, const FacetCounts& counts,
                               SearchResponse* response) const {
  for (Facet f : kAllFacets) {
    const size_t fi = static_cast<size_t>(f);
    std::vector<FacetCount>& out = response->facets[fi];
    for (size_t v = 0; v < counts[fi].size(); ++v) {
      if (counts[fi][v] > 0) out.push_back(FacetCount{dicts_[fi].values[v], dicts_[fi].labels[v], counts[fi][v]});
    }
    if (f == Facet::kYear) {
      std::sort(out.begin(), out.end(),
                [](const FacetCount& a, const FacetCount& b) { return a.value < b.value; });
      // Years without alerts between the first and the last are listed with 0, so that a gap
      // in the data shows as a gap (the reports hold none from late 2013 to mid 2020).
      std::vector<FacetCount> filled;
      for (const FacetCount& c : out) {
        if (!filled.empty()) {
          const int last = std::atoi(filled.back().value.c_str()), y = std::atoi(c.value.c_str());
          for (int k = last + 1; k > 1900 && k < y; ++k) filled.push_back(FacetCount{std::to_string(k), std::to_string(k), 0});
        }
        filled.push_back(c);
      }
      out = std::move(filled);
    } else {
      std::sort(out.begin(), out.end(), [](const FacetCount& a, const FacetCount& b) {
        return a.count != b.count ? a.count > b.count : a.value < b.value;
      });
      if (request.facet_limit > 0 && out.size() > static_cast<size_t>(request.facet_limit)) {
        out.resize(static_cast<size_t>(request.facet_limit));
      }
    }
  }
}

// The page of hits: best score, then newest report, then report order.
void AlertSearcher::Impl::TopHits(const SearchRequest& request, std::vector<Candidate>* candidates,
                            SearchResponse* response) {
  auto better = [&](const Candidate& a, const Candidate& b) {
    if (a.second != b.second) return a.second < b.second;
    const Row& ra = rows_[a.first];
    const Row& rb = rows_[b.first];
    if (ra.date_days != rb.date_days) return ra.date_days > rb.date_days;
    return ra.order < rb.order;
  };
  const size_t offset = static_cast<size_t>(std::max(0, request.offset));
  const size_t want = std::min(candidates->size(), offset + static_cast<size_t>(std::max(0, request.limit)));
  std::partial_sort(candidates->begin(), candidates->begin() + want, candidates->end(), better);
  if (offset >= want) return;
  Stmt& h = hit_;
  for (size_t i = offset; i < want; ++i) {
    const Row& r = rows_[(*candidates)[i].first];
    h.Reset();
    h.Bind(1, r.id);
    if (h.Step() != SQLITE_ROW) continue;
    SearchHit hit;
    hit.id = r.id;
    hit.score = (*candidates)[i].second;
    std::string* fields[] = {&hit.case_number, &hit.report_date,       &hit.category,
                             &hit.product,     &hit.name,              &hit.brand,
                             &hit.level,       &hit.country_of_origin, &hit.risk_type,
                             &hit.reference,   &hit.description};
    int c = 0;
    for (std::string* f : fields) *f = h.Text(c++);
    response->hits.push_back(std::move(hit));
  }
}

}  // namespace eucomply::alerts
