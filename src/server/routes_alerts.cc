// The Safety Gate routes: alert search (JSON, CSV, XLSX), statistics, one case, and the
// lessons of the alerts for a product.
#include <fmt/format.h>

#include <set>
#include <string>

#include "alerts/alerts_json.h"
#include "alerts/lessons.h"
#include "alerts/search.h"
#include "eucomply/text.h"
#include "server/query_expansion.h"
#include "server/query_params.h"
#include "server/routes.h"

namespace eucomply::server {
namespace {

using nlohmann::json;
namespace al = eucomply::alerts;

struct Filters {
  al::SearchRequest request;
  Status status;
};

// The facet filters and year range shared by search and stats.
Filters ReadFilters(const Target& t) {
  Filters f;
  static constexpr std::pair<const char*, al::Facet> kFilters[] = {
      {"category", al::Facet::kCategory}, {"risk", al::Facet::kRisk},
      {"origin", al::Facet::kOrigin},     {"notifying", al::Facet::kNotifying},
      {"level", al::Facet::kLevel},       {"act", al::Facet::kAct},
      {"standard", al::Facet::kStandard}};
  for (const auto& [name, facet] : kFilters) {
    for (std::string& v : t.Values(name)) {
      if (!v.empty()) f.request.filters[static_cast<size_t>(facet)].push_back(std::move(v));
    }
  }
  // A year means the whole year; a date YYYY-MM-DD that day (on the report date).
  auto from = YearParam(t, "from");
  auto to = YearParam(t, "to");
  auto day = [&](const char* name) -> std::optional<Date> {
    auto v = t.Value(name);
    if (!v || v->size() != 10) return std::nullopt;
    return Date::Parse(*v);
  };
  const std::optional<Date> dfrom = day("from"), dto = day("to");
  Status range;
  if (dfrom && dto && *dto < *dfrom) {
    range = Status::InvalidArgument(Problem::InQuery("from", fmt::format("{} is after to ({})", dfrom->ToString(), dto->ToString())));
  } else if (from.ok() && to.ok() && *from && *to && **from > **to) {
    range = Status::InvalidArgument(
        Problem::InQuery("from", fmt::format("{} is after to ({})", **from, **to)));
  }
  Status fs = from.status(), ts = to.status();
  f.status = CollectErrors({&fs, &ts, &range});
  if (f.status.ok()) {
    if (dfrom) f.request.day_from = dfrom->days();
    else f.request.year_from = *from;
    if (dto) f.request.day_to = dto->days();
    else f.request.year_to = *to;
  }
  return f;
}

ApiResponse AlertSearchUncached(Api& api, const RouteRequest& req) {
  const Target& t = *req.target;
  Status params = CheckParams(t, {"q", "category", "risk", "origin", "notifying", "level", "act",
                                  "standard", "from", "to", "limit", "offset", "facet_limit",
                                  "any", "format"});
  if (!params.ok()) return ErrorResponse(params);
  Filters f = ReadFilters(t);
  auto limit = IntParam(t, "limit", 20, 0, 100);
  auto offset = IntParam(t, "offset", 0, 0, 100000);
  auto facet_limit = IntParam(t, "facet_limit", 20, 0, 1000);
  Status any_status;
  std::optional<std::string> any = t.Value("any");
  if (any && *any != "true" && *any != "false" && *any != "1" && *any != "0") {
    any_status = Status::InvalidArgument(Problem::InQuery("any", "must be true or false"));
  }
  const std::string format = t.Value("format").value_or("json");
  Status format_status;
  if (format != "json" && format != "csv" && format != "xlsx") {
    format_status = Status::InvalidArgument(Problem::InQuery("format", "must be json, csv or xlsx"));
  }
  Status ls = limit.status(), os = offset.status(), fl = facet_limit.status();
  if (Status s = CollectErrors({&f.status, &ls, &os, &fl, &any_status, &format_status}); !s.ok()) {
    return ErrorResponse(s);
  }
  al::SearchRequest& r = f.request;
  for (const std::string& q : t.Values("q")) r.text += (r.text.empty() ? "" : " ") + q;
  const std::string asked = r.text;
  Expansion ex = api.chinese().Expand(r.text);
  r.text = ex.text;
  r.limit = *limit;
  r.offset = *offset;
  r.facet_limit = *facet_limit;
  r.match_any = any && (*any == "true" || *any == "1");
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (!lease.ok()) return ErrorResponse(lease.status());
  if (format != "json") {
    // Every match, not one page: an export.
    r.offset = 0;
    r.limit = 1 << 30;
    r.facet_limit = 1;
  }
  Result<al::SearchResponse> res = (*lease)->searcher->Search(r);
  if (!res.ok()) return ErrorResponse(res.status());
  if (format == "csv") {
    ApiResponse out;
    out.content_type = "text/csv; charset=utf-8";
    out.body = al::HitsCsv(res->hits);
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"safety-gate-alerts.csv\"");
    return out;
  }
  if (format == "xlsx") {
    Result<std::string> x = al::HitsXlsx(res->hits);
    if (!x.ok()) return ErrorResponse(x.status());
    ApiResponse out;
    out.content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    out.body = std::move(*x);
    out.headers.emplace_back("Content-Disposition", "attachment; filename=\"safety-gate-alerts.xlsx\"");
    return out;
  }
  json hits = json::array();
  const al::Vocabulary* vocab = api.options().alert_vocabulary.get();
  const bool zh = vocab && req.lang == Lang::kZh;
  for (const al::SearchHit& h : res->hits) {
    json hj = HitJson(h);
    // Category, level and risk types in the page's language; the alert's texts stay English.
    if (zh) {
      hj["category"] = vocab->Translate(h.category, true);
      hj["level"] = vocab->Translate(h.level, true);
      hj["country_of_origin"] = vocab->Translate(h.country_of_origin, true);
      std::string risks;
      for (auto part : Split(h.risk_type, ',')) {
        std::string_view r = Trim(part);
        if (!r.empty()) risks += (risks.empty() ? "" : "、") + vocab->Translate(r, true);
      }
      hj["risk_type"] = risks;
    }
    hits.push_back(std::move(hj));
  }
  json body = {{"query", asked},
               {"dates", "report date"},
               {"total", res->total},
               {"offset", r.offset},
               {"limit", r.limit},
               {"hits", hits},
               {"facets", FacetsJson(*res, api.options().alert_vocabulary.get(), req.lang == Lang::kZh)}};
  if (!ex.terms.empty()) {
    body["expanded_query"] = ex.text;
    body["expanded_from"] = ex.terms;
  }
  return JsonResponse(body);
}

ApiResponse AlertStatsUncached(Api& api, const RouteRequest& req) {
  const Target& t = *req.target;
  Status params = CheckParams(t, {"q", "by", "category", "risk", "origin", "notifying", "level", "act",
                                  "standard", "from", "to", "limit", "any"});
  if (!params.ok()) return ErrorResponse(params);
  std::optional<al::Facet> by;
  Status by_status;
  const bool monthly = t.Value("by").value_or("") == "month";
  if (auto b = t.Value("by"); b && !b->empty() && !monthly) {
    by = al::FacetFromName(*b);
    if (!by) {
      by_status = Status::InvalidArgument(Problem::InQuery("by", fmt::format("unknown facet '{}' (category, risk, origin, notifying, level, year, month, act, "
          "standard)",
          *b)));
    }
  }
  Filters f = ReadFilters(t);
  auto limit = IntParam(t, "limit", by ? 0 : 10, 0, 100000);
  Status ls = limit.status();
  if (Status s = CollectErrors({&by_status, &f.status, &ls}); !s.ok()) return ErrorResponse(s);
  f.request.limit = 0;
  f.request.facet_limit = *limit;
  f.request.monthly = monthly;
  for (const std::string& q : t.Values("q")) f.request.text += (f.request.text.empty() ? "" : " ") + q;
  f.request.text = api.chinese().Expand(f.request.text).text;
  if (auto any = t.Value("any")) f.request.match_any = *any == "true" || *any == "1";
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (!lease.ok()) return ErrorResponse(lease.status());
  Result<al::SearchResponse> res = (*lease)->searcher->Search(f.request);
  if (!res.ok()) return ErrorResponse(res.status());
  json facets = FacetsJson(*res, api.options().alert_vocabulary.get(), req.lang == Lang::kZh);
  if (by) facets = json{{al::FacetName(*by), facets[al::FacetName(*by)]}};
  if (monthly) {
    json months = json::array();
    for (const auto& [m, n] : res->months) months.push_back({{"value", m}, {"label", m}, {"count", n}});
    facets = json{{"month", months}};
  }
  return JsonResponse({{"total", res->total}, {"query", f.request.text}, {"dates", "report date"}, {"facets", facets}});
}

ApiResponse AlertCaseUncached(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  const std::string& c = req.params.at("case");
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (!lease.ok()) return ErrorResponse(lease.status());
  Result<std::vector<al::StoredAlert>> found = (*lease)->store->FindByCase(c);
  if (!found.ok()) return ErrorResponse(found.status());
  if (found->empty()) {
    return ErrorResponse(Status::NotFound(fmt::format(
        "no alert with case number '{}' (URL-encode the slashes: SR%2F02275%2F26)", c)));
  }
  json all = json::array();
  const al::Vocabulary* vocab = api.options().alert_vocabulary.get();
  for (const al::StoredAlert& a : *found) {
    json aj = AlertJson(a);
    // Category, level, risk types and measures in the page's language; texts stay English.
    if (vocab && req.lang == Lang::kZh) {
      aj["category"] = vocab->Translate(a.alert.category, true);
      if (aj.contains("level")) aj["level"] = vocab->Translate(a.alert.level, true);
      if (aj.contains("country_of_origin")) aj["country_of_origin"] = vocab->Translate(a.alert.country_of_origin, true);
      if (aj.contains("notifying_country")) aj["notifying_country"] = vocab->Translate(a.alert.notifying_country, true);
      for (json& r : aj["risk_types"]) r = vocab->Translate(r.get<std::string>(), true);
      for (json& m : aj["measures"]) m["category"] = vocab->TranslateMeasure(m["category"].get<std::string>(), true);
    }
    all.push_back(std::move(aj));
  }
  return JsonResponse({{"case_number", c}, {"count", all.size()}, {"alerts", all}});
}

// The Safety Gate category names of a knowledge-base category, inherited from the nearest
// ancestor that lists any.
std::vector<std::string> SafetyGateNames(const KnowledgeBase& kb, int category) {
  std::vector<int> frontier = {category};
  std::set<int> seen;
  while (!frontier.empty()) {
    std::vector<int> next;
    std::vector<std::string> names;
    for (int c : frontier) {
      if (c < 0 || !seen.insert(c).second) continue;
      const Category& cat = kb.categories()[c];
      names.insert(names.end(), cat.safety_gate.begin(), cat.safety_gate.end());
      for (const std::string& p : cat.parent_ids) next.push_back(kb.FindCategory(p));
    }
    if (!names.empty()) return names;
    frontier = std::move(next);
  }
  return {};
}

ApiResponse LessonsUncached(Api& api, const RouteRequest& req) {
  Result<ProductRequest> pr = ReadProduct(api, req, BodyKind::kLessons);
  if (!pr.ok()) return ErrorResponse(pr.status());
  const KnowledgeBase& kb = api.kb();
  al::ProductQuery q;
  q.name = pr->product.name;
  q.description = pr->product.description;
  if (pr->product.category >= 0) {
    q.category = kb.categories()[pr->product.category].id;
    q.safety_gate_categories = SafetyGateNames(kb, pr->product.category);
  }
  if (q.name.empty() && q.description.empty() && q.category.empty()) {
    return ErrorResponse(Status::InvalidArgument(Problem::AtPointer(
        "request", "", "give at least one of name, description, text or category")));
  }
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (!lease.ok()) return ErrorResponse(lease.status());
  al::LessonsOptions opts;
  opts.similar_alerts = pr->alerts;
  opts.vocabulary = api.options().alert_vocabulary.get();
  opts.zh = req.lang == Lang::kZh;
  const Lang lang = req.lang;
  opts.act_name = [&kb, lang](const std::string& celex) {
    const int i = kb.FindAct(celex);
    return i >= 0 ? kb.acts()[i].title.Get(lang) : std::string();
  };
  Result<al::Lessons> l = al::LearnLessons(*(*lease)->store, q, opts);
  if (!l.ok()) return ErrorResponse(l.status());
  json out = al::LessonsToJson(*l);
  // The similar alerts' category and risk types in the page's language (their texts stay).
  if (opts.vocabulary && opts.zh) {
    for (json& a : out["alerts"]) {
      a["category"] = opts.vocabulary->Translate(a["category"].get<std::string>(), true);
      for (json& r : a["risks"]) r = opts.vocabulary->Translate(r.get<std::string>(), true);
    }
  }
  return JsonResponse(out);
}

}  // namespace

ApiResponse AlertSearchRoute(Api& api, const RouteRequest& req) {
  // An export is large and asked for once: not kept in the cache (which holds JSON answers).
  if (req.target->Value("format").value_or("json") != "json") return AlertSearchUncached(api, req);
  return CachedAlerts(api, req, "alerts/search", [&] { return AlertSearchUncached(api, req); });
}

ApiResponse AlertStatsRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/stats", [&] { return AlertStatsUncached(api, req); });
}

ApiResponse LessonsRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/lessons", [&] { return LessonsUncached(api, req); });
}

ApiResponse AlertCaseRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/case", [&] { return AlertCaseUncached(api, req); });
}

}  // namespace eucomply::server
