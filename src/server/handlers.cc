// The API's route handlers: each a plain function of (Api&, RouteRequest) -> ApiResponse.
#include <fmt/format.h>

#include <algorithm>
#include <charconv>
#include <initializer_list>
#include <set>
#include <string>

#include "alerts/lessons.h"
#include "alerts/search.h"
#include "common/json_writer.h"
#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/risk.h"
#include "eucomply/report.h"
#include "eucomply/text.h"
#include "alerts/alerts_json.h"
#include "server/api.h"
#include "server/compression.h"
#include "server/query_expansion.h"
#include "server/request_body.h"

namespace eucomply::server {
namespace {

using nlohmann::json;
namespace al = eucomply::alerts;

// Unknown query parameters are refused, so that a misspelt filter is not silently ignored.
Status CheckParams(const Target& t, std::initializer_list<const char*> allowed) {
  std::vector<std::string> errors;
  std::string list = "lang";
  for (const char* a : allowed) list += std::string(", ") + a;
  for (const auto& [key, value] : t.query) {
    if (key == "lang") continue;
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) errors.push_back(fmt::format("query: {}: unknown parameter (allowed: {})", key, list));
  }
  if (errors.empty()) return Status::Ok();
  errors.erase(std::unique(errors.begin(), errors.end()), errors.end());
  return Status(StatusCode::kInvalidArgument, std::move(errors));
}

Result<int> IntParam(const Target& t, const char* name, int def, int lo, int hi) {
  std::optional<std::string> v = t.Value(name);
  if (!v) return def;
  int n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < lo || n > hi) {
    return Status::InvalidArgument(
        fmt::format("query: {}: must be an integer from {} to {}, not '{}'", name, lo, hi, *v));
  }
  return n;
}

// A year filter: "2024" or a date "2024-05-01" (its year; the index filters by report year).
Result<std::optional<int>> YearParam(const Target& t, const char* name) {
  std::optional<std::string> v = t.Value(name);
  if (!v || v->empty()) return std::optional<int>();
  if (v->size() == 10) {
    if (auto d = Date::Parse(*v)) return std::optional<int>(d->year());
  }
  int y = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), y);
  if (ec != std::errc() || ptr != v->data() + v->size() || y < 1900 || y > 2999) {
    return Status::InvalidArgument(
        fmt::format("query: {}: must be a year YYYY or a date YYYY-MM-DD, not '{}'", name, *v));
  }
  return std::optional<int>(y);
}

Status CollectErrors(std::initializer_list<const Status*> parts) {
  std::vector<std::string> errors;
  for (const Status* s : parts) {
    if (!s->ok()) errors.insert(errors.end(), s->messages().begin(), s->messages().end());
  }
  if (errors.empty()) return Status::Ok();
  return Status(StatusCode::kInvalidArgument, std::move(errors));
}

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
    range = Status::InvalidArgument(fmt::format("query: from: {} is after to ({})", dfrom->ToString(), dto->ToString()));
  } else if (from.ok() && to.ok() && *from && *to && **from > **to) {
    range = Status::InvalidArgument(
        fmt::format("query: from: {} is after to ({})", **from, **to));
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

ApiResponse Health(Api& api, const RouteRequest&) {
  json alerts = {{"available", false}};
  Result<AlertPool::Lease> lease = api.alerts().Acquire();
  if (lease.ok()) {
    Result<int64_t> n = (*lease)->store->AlertCount();
    alerts["available"] = n.ok();
    if (n.ok()) alerts["count"] = *n;
    else alerts["error"] = n.status().ToString();
    // Freshness: the newest report, and a warning when it is more than 14 days old.
    Result<std::string> newest = (*lease)->store->NewestReportDate();
    if (newest.ok() && !newest->empty()) {
      alerts["data_as_of"] = *newest;
      if (auto d = Date::Parse(*newest); d && api.Today().days() - d->days() > 14) {
        alerts["stale"] = true;
        alerts["warning"] = fmt::format(
            "the newest Safety Gate report is of {} ({} days ago): run `eucomply alerts update`", *newest,
            api.Today().days() - d->days());
      } else {
        alerts["stale"] = false;
      }
    }
  } else {
    alerts["error"] = lease.status().ToString();
  }
  const KnowledgeBase& kb = api.kb();
  return JsonResponse({{"status", "ok"},
                       {"knowledge_base",
                        {{"acts", kb.acts().size()},
                         {"standards", kb.standards().size()},
                         {"categories", kb.categories().size()},
                         {"attributes", kb.attributes().size()}}},
                       {"alerts", alerts}});
}

ApiResponse Version(Api& api, const RouteRequest&) {
  return JsonResponse({{"name", "eucomply"},
                       {"version", api.options().version},
                       {"api", "v1"},
                       {"knowledge_base", {{"acts", api.kb().acts().size()}}}});
}

ApiResponse OpenApi(Api&, const RouteRequest&) {
  ApiResponse r;
  r.body = std::string(OpenApiDocument());
  return r;
}

Result<ProductRequest> ReadProduct(Api& api, const RouteRequest& req, BodyKind kind) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return s;
  return ParseProductRequest(api.kb(), req.http->body, kind);
}

ApiResponse AssessUncached(Api& api, const RouteRequest& req) {
  Result<ProductRequest> pr = ReadProduct(api, req, BodyKind::kAssess);
  if (!pr.ok()) return ErrorResponse(pr.status());
  AssessOptions opts;
  opts.as_of = pr->as_of.value_or(api.Today());
  Assessment a = Assess(api.kb(), pr->product, opts);
  std::optional<Question> next = NextQuestion(api.kb(), pr->product, opts, a);
  ApiResponse r;
  r.body = AssessmentJson(api.kb(), pr->product, a, req.lang, next);
  return r;
}

ApiResponse NextQuestionUncached(Api& api, const RouteRequest& req) {
  Result<ProductRequest> pr = ReadProduct(api, req, BodyKind::kNextQuestion);
  if (!pr.ok()) return ErrorResponse(pr.status());
  const KnowledgeBase& kb = api.kb();
  AssessOptions opts;
  opts.as_of = pr->as_of.value_or(api.Today());
  opts.obligations = false;
  Assessment a = Assess(kb, pr->product, opts);
  std::optional<Question> q = NextQuestion(kb, pr->product, opts, a, pr->skip);
  std::string body;
  JsonWriter w(&body);
  w.BeginObject();
  w.Member("as_of", opts.as_of.ToString());
  w.Member("lang", req.lang == Lang::kZh ? "zh" : "en");
  w.Key("product").Raw(ProductJson(kb, pr->product, req.lang));
  w.Key("question");
  if (q) w.Raw(QuestionJson(kb, *q, req.lang));
  else w.Null();
  w.Key("undetermined").BeginArray();
  for (const ActVerdict& v : a.acts) {
    if (v.status == VerdictStatus::kUndetermined) w.String(kb.acts()[v.act].short_name);
  }
  w.EndArray();
  w.EndObject();
  ApiResponse r;
  r.body = std::move(body);
  return r;
}

// Answers from the cache when the same target and body were answered before in the same
// language with the same `version` (the day for assessments, the alert store's generation
// for alerts); otherwise computes and stores a 200 answer. A client that accepts gzip gets
// the cached compressed copy (compressed once, at level 6, on its first request).
template <typename Compute>
ApiResponse Cached(Api& api, const RouteRequest& req, const char* route,
                   const std::string& version, Compute compute) {
  if (!api.cache().enabled()) return compute();
  std::string key = route;
  key += req.lang == Lang::kZh ? "|zh|" : "|en|";
  key += req.http->target;
  key += '|';
  key += version;
  key += '|';
  key += req.http->body;
  const bool gzip = AcceptsGzip(req.http->accept_encoding);
  auto answer = [](std::shared_ptr<const std::string> body, bool compressed) {
    ApiResponse r;
    r.shared_body = std::move(body);
    if (compressed) r.content_encoding = "gzip";
    return r;
  };
  std::string gz_key;
  if (gzip) {
    gz_key = key + "|gzip";
    if (std::shared_ptr<const std::string> hit = api.cache().Get(gz_key)) return answer(hit, true);
  }
  std::shared_ptr<const std::string> plain = api.cache().Get(key);
  if (!plain) {
    ApiResponse r = compute();
    if (r.status != 200) return r;
    plain = std::make_shared<const std::string>(std::move(r.body));
    api.cache().Put(key, plain);
  }
  if (!gzip || plain->size() < kMinCompressSize) return answer(plain, false);
  auto compressed = std::make_shared<const std::string>(Gzip(*plain, 6));
  api.cache().Put(gz_key, compressed);
  return answer(compressed, true);
}

ApiResponse AssessRoute(Api& api, const RouteRequest& req) {
  return Cached(api, req, "assess", api.Today().ToString(),
                [&] { return AssessUncached(api, req); });
}

ApiResponse NextQuestionRoute(Api& api, const RouteRequest& req) {
  return Cached(api, req, "next-question", api.Today().ToString(),
                [&] { return NextQuestionUncached(api, req); });
}

// Alert answers are functions of the target (and body) while no alerts are committed.
template <typename Compute>
ApiResponse CachedAlerts(Api& api, const RouteRequest& req, const char* route, Compute compute) {
  if (!api.cache().enabled()) return compute();
  return Cached(api, req, route, std::to_string(api.alerts().Generation()), compute);
}

// ---- risk assessment (Delegated Regulation (EU) 2024/3173, Annex II) ----

Result<const risk::HazardLibrary*> Hazards(Api& api) {
  if (!api.options().hazards) {
    return Status::Unavailable("the hazard library (knowledge/risk) is not loaded");
  }
  return api.options().hazards.get();
}

ApiResponse RiskRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"report"}); !s.ok()) return ErrorResponse(s);
  auto lib = Hazards(api);
  if (!lib.ok()) return ErrorResponse(lib.status());
  auto in = risk::ParseRiskJson(api.kb(), **lib, req.http->body, "body");
  if (!in.ok()) return ErrorResponse(in.status());
  const risk::RiskResult r = risk::AssessRisk(api.kb(), **lib, *in);
  json j = risk::RiskToJson(api.kb(), **lib, *in, r, req.lang);
  if (req.target->Value("report").value_or("") == "markdown") {
    j["report"] = risk::RiskReport(api.kb(), **lib, *in, r, req.lang, true);
  }
  return JsonResponse(j);
}

ApiResponse RiskHazardsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"category", "text"}); !s.ok()) return ErrorResponse(s);
  auto lib = Hazards(api);
  if (!lib.ok()) return ErrorResponse(lib.status());
  int category = -1;
  if (auto c = req.target->Value("category"); c && !c->empty()) {
    category = api.kb().FindCategory(*c);
    if (category < 0) {
      return ErrorResponse(Status::InvalidArgument(
          fmt::format("query: category: no category '{}' (GET /api/v1/categories lists them)", *c)));
    }
  } else if (auto t = req.target->Value("text"); t && !t->empty()) {
    // A listing text: its category as the text intake reads it.
    Product p = Product::Empty(api.kb());
    ApplyTextIntake(api.kb(), *t, &p);
    category = p.category;
  }
  return JsonResponse(risk::HazardsToJson(api.kb(), **lib, category, req.lang));
}

ApiResponse ActsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json acts = json::array();
  for (const Act& act : api.kb().acts()) acts.push_back(ActToJson(api.kb(), act, req.lang, false));
  return JsonResponse({{"count", acts.size()}, {"acts", acts}});
}

ApiResponse ActRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  const std::string& id = req.params.at("celex");
  int a = api.kb().FindAct(id);
  if (a < 0) {
    return ErrorResponse(Status::NotFound(
        fmt::format("no act '{}' (a CELEX number or short name; GET /api/v1/acts lists them)", id)));
  }
  return JsonResponse(ActToJson(api.kb(), api.kb().acts()[a], req.lang, true));
}

ApiResponse CategoriesRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json out = json::array();
  for (const Category& c : api.kb().categories()) out.push_back(CategoryToJson(api.kb(), c, req.lang));
  return JsonResponse({{"count", out.size()}, {"categories", out}});
}

ApiResponse AttributesRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return ErrorResponse(s);
  json out = json::array();
  for (const Attribute& a : api.kb().attributes()) out.push_back(AttributeToJson(a, req.lang));
  return JsonResponse({{"count", out.size()}, {"attributes", out}});
}

ApiResponse StandardsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"act", "as_of", "q"}); !s.ok()) return ErrorResponse(s);
  const KnowledgeBase& kb = api.kb();
  std::optional<std::string> celex;
  if (auto act = req.target->Value("act"); act && !act->empty()) {
    int a = kb.FindAct(*act);
    if (a >= 0) celex = kb.acts()[a].celex;
    else if (api.options().harmonised && api.options().harmonised->count(*act)) celex = *act;
    else {
      return ErrorResponse(Status::InvalidArgument(
          fmt::format("query: act: no act '{}' (a CELEX number or short name)", *act)));
    }
  }
  Date as_of = api.Today();
  if (auto d = req.target->Value("as_of"); d && !d->empty()) {
    auto p = Date::Parse(*d);
    if (!p) return ErrorResponse(Status::InvalidArgument(fmt::format("query: as_of: '{}' is not a date YYYY-MM-DD", *d)));
    as_of = *p;
  }
  const std::string q = req.target->Value("q").value_or("");
  json out = json::array();
  for (const Standard& s : kb.standards()) {
    if (celex && std::find(s.acts.begin(), s.acts.end(), *celex) == s.acts.end()) continue;
    out.push_back(StandardToJson(kb, s, req.lang));
  }
  json j = {{"count", out.size()}, {"standards", out}};
  // The Official Journal lists, as of the date: with an act or words (all acts hold ~3,000).
  if (api.options().harmonised) {
    const auto& lists = *api.options().harmonised;
    json h = json::array();
    size_t n = 0;
    if (celex || !q.empty()) {
      for (const auto* s : standards::Query(lists, celex.value_or(""), as_of, q)) {
        h.push_back(standards::ListedToJson(lists, *s, as_of));
      }
      n = h.size();
    } else {
      for (const auto& [a, L] : lists) n += standards::Query(lists, a, as_of, "").size();
    }
    j["harmonised"] = {{"as_of", as_of.ToString()}, {"count", n}, {"rows", h},
                       {"source", "Commission implementing decisions on harmonised standards (EUR-Lex)"}};
  }
  return JsonResponse(j);
}

ApiResponse StandardEventsRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"act", "from", "to"}); !s.ok()) return ErrorResponse(s);
  if (!api.options().harmonised) return ErrorResponse(Status::Unavailable("the harmonised-standard lists are not loaded"));
  auto date = [&](const char* name, Date def) -> Result<Date> {
    auto v = req.target->Value(name);
    if (!v || v->empty()) return def;
    auto d = Date::Parse(*v);
    if (!d) return Status::InvalidArgument(fmt::format("query: {}: '{}' is not a date YYYY-MM-DD", name, *v));
    return *d;
  };
  auto from = date("from", api.Today());
  if (!from.ok()) return ErrorResponse(from.status());
  auto to = date("to", Date::FromDays(from->days() + 3 * 366));
  if (!to.ok()) return ErrorResponse(to.status());
  std::string act;
  if (auto a = req.target->Value("act"); a && !a->empty()) {
    int i = api.kb().FindAct(*a);
    act = i >= 0 ? api.kb().acts()[i].celex : *a;
  }
  const auto& lists = *api.options().harmonised;
  json out = json::array();
  for (const auto* s : standards::Events(lists, act, *from, *to)) out.push_back(standards::ListedToJson(lists, *s, *s->until));
  return JsonResponse({{"from", from->ToString()}, {"to", to->ToString()}, {"count", out.size()}, {"events", out}});
}

ApiResponse StandardRoute(Api& api, const RouteRequest& req) {
  if (Status s = CheckParams(*req.target, {"as_of"}); !s.ok()) return ErrorResponse(s);
  if (!api.options().harmonised) return ErrorResponse(Status::Unavailable("the harmonised-standard lists are not loaded"));
  Date as_of = api.Today();
  if (auto d = req.target->Value("as_of"); d && !d->empty()) {
    auto p = Date::Parse(*d);
    if (!p) return ErrorResponse(Status::InvalidArgument(fmt::format("query: as_of: '{}' is not a date YYYY-MM-DD", *d)));
    as_of = *p;
  }
  const std::string& ref = req.params.at("reference");
  const auto& lists = *api.options().harmonised;
  auto rows = standards::FindReference(lists, ref);
  if (rows.empty()) {
    return ErrorResponse(Status::NotFound(fmt::format("'{}' is in no harmonised-standard list", ref)));
  }
  json out = json::array();
  for (const auto* s : rows) out.push_back(standards::ListedToJson(lists, *s, as_of));
  return JsonResponse({{"reference", ref}, {"as_of", as_of.ToString()}, {"rows", out}});
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
    any_status = Status::InvalidArgument("query: any: must be true or false");
  }
  const std::string format = t.Value("format").value_or("json");
  Status format_status;
  if (format != "json" && format != "csv" && format != "xlsx") {
    format_status = Status::InvalidArgument("query: format: must be json, csv or xlsx");
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
      by_status = Status::InvalidArgument(fmt::format(
          "query: by: unknown facet '{}' (category, risk, origin, notifying, level, year, month, act, "
          "standard)",
          *b));
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
    return ErrorResponse(Status::InvalidArgument(
        "request: /: give at least one of name, description, text or category"));
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

ApiResponse AlertSearchRoute(Api& api, const RouteRequest& req) {
  // An export is large and asked for once: not kept in the cache (which holds JSON answers).
  if (req.target->Value("format").value_or("json") != "json") return AlertSearchUncached(api, req);
  return CachedAlerts(api, req, "alerts/search", [&] { return AlertSearchUncached(api, req); });
}

ApiResponse AlertStatsRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/stats", [&] { return AlertStatsUncached(api, req); });
}

ApiResponse AlertCaseRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/case", [&] { return AlertCaseUncached(api, req); });
}

ApiResponse LessonsRoute(Api& api, const RouteRequest& req) {
  return CachedAlerts(api, req, "alerts/lessons", [&] { return LessonsUncached(api, req); });
}

}  // namespace

const std::vector<Route>& Routes() {
  static const std::vector<Route> kRoutes = {
      {"GET", "/api/openapi.json", OpenApi, false},
      {"GET", "/api/v1/health", Health, false},
      {"GET", "/api/v1/version", Version, false},
      {"POST", "/api/v1/assess", AssessRoute, true},
      {"POST", "/api/v1/next-question", NextQuestionRoute, true},
      {"POST", "/api/v1/risk", RiskRoute, true},
      {"GET", "/api/v1/risk/hazards", RiskHazardsRoute, true},
      {"GET", "/api/v1/acts", ActsRoute, true},
      {"GET", "/api/v1/acts/{celex}", ActRoute, true},
      {"GET", "/api/v1/standards", StandardsRoute, true},
      {"GET", "/api/v1/standards/events", StandardEventsRoute, false},
      {"GET", "/api/v1/standards/{reference}", StandardRoute, false},
      {"GET", "/api/v1/categories", CategoriesRoute, true},
      {"GET", "/api/v1/attributes", AttributesRoute, true},
      {"GET", "/api/v1/alerts/search", AlertSearchRoute, true},
      {"GET", "/api/v1/alerts/stats", AlertStatsRoute, true},
      {"POST", "/api/v1/alerts/lessons", LessonsRoute, true},
      {"GET", "/api/v1/alerts/{case}", AlertCaseRoute, true},
  };
  return kRoutes;
}

}  // namespace eucomply::server
