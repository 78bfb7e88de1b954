// The applicability routes: an assessment of a product, and the next question to ask.
#include <fmt/format.h>

#include <string>

#include "common/json_writer.h"
#include "eucomply/engine.h"
#include "eucomply/report.h"
#include "server/query_params.h"
#include "server/routes.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

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

}  // namespace

ApiResponse AssessRoute(Api& api, const RouteRequest& req) {
  return Cached(api, req, "assess", api.Today().ToString(),
                [&] { return AssessUncached(api, req); });
}

ApiResponse NextQuestionRoute(Api& api, const RouteRequest& req) {
  return Cached(api, req, "next-question", api.Today().ToString(),
                [&] { return NextQuestionUncached(api, req); });
}

Result<ProductRequest> ReadProduct(Api& api, const RouteRequest& req, BodyKind kind) {
  if (Status s = CheckParams(*req.target, {}); !s.ok()) return s;
  return ParseProductRequest(api.kb(), req.http->body, kind);
}

}  // namespace eucomply::server
