// The route handlers, one file per capability (routes_<capability>.cc), and what they share:
// the response cache in front of the pure handlers, and the product read from a request
// body. The route table itself is one list in routes.cc.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "eucomply/status.h"
#include "server/api.h"
#include "server/compression.h"
#include "server/request_body.h"

namespace eucomply::server {

// routes_meta.cc
ApiResponse OpenApi(Api& api, const RouteRequest& req);
ApiResponse Health(Api& api, const RouteRequest& req);
ApiResponse Version(Api& api, const RouteRequest& req);
// routes_assess.cc
ApiResponse AssessRoute(Api& api, const RouteRequest& req);
ApiResponse NextQuestionRoute(Api& api, const RouteRequest& req);
// routes_risk.cc
ApiResponse RiskRoute(Api& api, const RouteRequest& req);
ApiResponse RiskHazardsRoute(Api& api, const RouteRequest& req);
// routes_kb.cc
ApiResponse ActsRoute(Api& api, const RouteRequest& req);
ApiResponse ActRoute(Api& api, const RouteRequest& req);
ApiResponse StandardsRoute(Api& api, const RouteRequest& req);
ApiResponse StandardEventsRoute(Api& api, const RouteRequest& req);
ApiResponse StandardRoute(Api& api, const RouteRequest& req);
ApiResponse CategoriesRoute(Api& api, const RouteRequest& req);
ApiResponse AttributesRoute(Api& api, const RouteRequest& req);
// routes_alerts.cc
ApiResponse AlertSearchRoute(Api& api, const RouteRequest& req);
ApiResponse AlertStatsRoute(Api& api, const RouteRequest& req);
ApiResponse LessonsRoute(Api& api, const RouteRequest& req);
ApiResponse AlertCaseRoute(Api& api, const RouteRequest& req);

// The product of an assess / next-question / lessons body; no query parameters but lang.
Result<ProductRequest> ReadProduct(Api& api, const RouteRequest& req, BodyKind kind);

// Answers from the cache when the same principal's same target and body were answered before
// in the same language with the same `version` (the day for assessments, the alert store's
// generation for alerts); otherwise computes and stores a 200 answer. The principal is part
// of the key so that one user's answer is never served to another. A client that accepts gzip gets
// the cached compressed copy (compressed once, at level 6, on its first request).
template <typename Compute>
ApiResponse Cached(Api& api, const RouteRequest& req, const char* route,
                   const std::string& version, Compute compute) {
  if (!api.cache().enabled()) return compute();
  std::string key = route;
  key += req.lang == Lang::kZh ? "|zh|" : "|en|";
  key += req.principal;
  key += '|';
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

// Alert answers are functions of the target (and body) while no alerts are committed.
template <typename Compute>
ApiResponse CachedAlerts(Api& api, const RouteRequest& req, const char* route, Compute compute) {
  if (!api.cache().enabled()) return compute();
  return Cached(api, req, route, std::to_string(api.alerts().Generation()), compute);
}

}  // namespace eucomply::server
