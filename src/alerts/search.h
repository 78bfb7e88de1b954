// Full-text search over the alert store with filters and facet counts.
//
// Text matching and ranking come from the FTS5 index (porter stemming, bm25 with column
// weights); filters and facets run over an in-memory table of every alert's facet values,
// loaded once per searcher and reloaded when the store's generation changes. The facet
// counts are computed from exactly the alerts that pass the text match and the filters.
//
// Thread safety: one AlertSearcher per thread (it shares the store's connection).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <map>
#include <memory>
#include <unordered_map>
#include <utility>
#include <vector>

#include "alerts/store.h"
#include "eucomply/status.h"

namespace eucomply::alerts {

enum class Facet { kCategory = 0, kRisk, kOrigin, kNotifying, kLevel, kYear, kAct, kStandard };
inline constexpr size_t kFacetCount = 8;
inline constexpr std::array<Facet, kFacetCount> kAllFacets = {
    Facet::kCategory, Facet::kRisk, Facet::kOrigin, Facet::kNotifying,
    Facet::kLevel,    Facet::kYear, Facet::kAct,    Facet::kStandard};

// "category", "risk", "origin", "notifying", "level", "year", "act", "standard".
const char* FacetName(Facet f);
std::optional<Facet> FacetFromName(std::string_view name);

struct SearchRequest {
  std::string text;  // words (all must match), "quoted phrases", word* prefixes; or a barcode
  bool match_any = false;  // any word may match (ranked by bm25); used by lessons
  // Filters: within one facet any value matches; across facets all must. A value matches a
  // facet value equal to it ignoring case, else one containing it ("china" matches
  // "People's Republic of China"); an act matches its CELEX number or its name.
  std::array<std::vector<std::string>, kFacetCount> filters;
  std::optional<int> year_from, year_to;  // inclusive, on the year of the report date
  std::optional<int32_t> day_from, day_to;  // inclusive, on the report date (Date::days())
  int limit = 20;
  int offset = 0;
  int facet_limit = 20;  // values per facet, most frequent first; 0 = all
  // Rank every match by bm25 even when the text matches more than kExactRankLimit alerts.
  // Off by default: bm25 costs about 1 us per matching alert, so a broad word ("injuries",
  // 7,800 alerts) would take ~8 ms; such queries rank title matches first, then newest.
  bool exact_rank = false;
  // Count the matching alerts per month of the report date (SearchResponse::months).
  bool monthly = false;
};

inline constexpr size_t kExactRankLimit = 1000;

struct SearchHit {
  int64_t id = 0;
  double score = 0;  // bm25: lower is better; 0 without text
  std::string case_number, report_date, category, product, name, brand, level,
      country_of_origin, risk_type, reference, description;
};

struct FacetCount {
  std::string value;  // the filter value (a CELEX number for acts)
  std::string label;  // for display ("Toy Safety Directive (32009L0048)")
  int64_t count = 0;
};

struct SearchResponse {
  int64_t total = 0;
  std::vector<SearchHit> hits;
  std::array<std::vector<FacetCount>, kFacetCount> facets;
  std::string fts_query;  // the FTS5 expression run, for diagnostics
  bool bm25_ranked = false;  // false: no text, or the broad-query ranking described above
  // With SearchRequest::monthly: ("YYYY-MM", count) from the first to the last month with a
  // match, months without alerts included with 0.
  std::vector<std::pair<std::string, int64_t>> months;
};

// The FTS5 expression for user text: each word quoted (so FTS5 operators in the input are
// plain words), phrases kept, a trailing * kept as a prefix query; an upper-case OR between
// two terms joins them as alternatives, grouped in parentheses ("toy phthalate OR DEHP" is
// toy AND (phthalate OR DEHP)). "" if no words.
std::string BuildFtsQuery(std::string_view text, bool match_any);

// Lower case, letters and digits kept, every other run of bytes one space, trimmed: the form in
// which a query and a name, brand, model or case number are compared for an exact match.
std::string ExactKey(std::string_view s);

class AlertSearcher {
 public:
  explicit AlertSearcher(AlertStore* store);
  ~AlertSearcher();
  AlertSearcher(AlertSearcher&&) noexcept;
  AlertSearcher& operator=(AlertSearcher&&) noexcept;
  Result<SearchResponse> Search(const SearchRequest& request);

 private:
  // The facet table, the prepared statements and the ranking phases (search.cc): SQLite
  // stays out of this header.
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace eucomply::alerts
