// The HTTP JSON API as plain functions: an ApiRequest (method, target, a few headers, body)
// goes in, an ApiResponse (status, content type, body) comes out. No sockets here; the
// transport (http_server.h) and the tests both call Api::Handle.
//
// Thread safety: Api::Handle may be called from many threads at once. The knowledge base is
// immutable and shared without locks; alert-store sessions come from a pool (alert_pool.h).
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "eucomply/date.h"
#include "eucomply/kb.h"
#include "alerts/vocabulary.h"
#include "eucomply/harmonised.h"
#include "server/query_expansion.h"
#include "eucomply/risk.h"
#include "eucomply/status.h"
#include "server/alert_pool.h"
#include "server/response_cache.h"

namespace eucomply::server {

struct ApiRequest {
  std::string method;  // "GET", "POST", "HEAD", ...
  std::string target;  // path and query as sent, still percent-encoded
  std::string accept_language;
  std::string accept_encoding;
  std::string content_type;
  std::string body;
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string content_encoding;  // "" (identity) or "gzip"
  std::string body;
  // A body shared with the response cache, sent without a copy; when set, `body` is empty.
  std::shared_ptr<const std::string> shared_body;
  std::vector<std::pair<std::string, std::string>> headers;  // extra headers (Allow, ...)

  std::string_view Body() const { return shared_body ? std::string_view(*shared_body) : body; }
};

// The parsed target: path segments and query parameters, percent-decoded.
struct Target {
  std::string path;  // decoded, for logs and static files
  std::vector<std::string> segments;
  std::multimap<std::string, std::string> query;
  std::vector<std::string> Values(const std::string& key) const;
  std::optional<std::string> Value(const std::string& key) const;  // the last one given
};
// Fails (InvalidArgument, "query: ..." messages) on bad percent escapes or a NUL byte.
Result<Target> ParseTarget(std::string_view target);
std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space);

// The language of text in the answer: ?lang=en|zh wins, else the best Accept-Language entry
// that is en or zh (by q-value), else English. A bad ?lang is an error.
Result<Lang> RequestLang(const Target& t, std::string_view accept_language);

struct ApiOptions {
  std::shared_ptr<const KnowledgeBase> kb;
  // The hazard library (knowledge/risk) for the risk routes; null: they answer 503.
  std::shared_ptr<const risk::HazardLibrary> hazards;
  // The harmonised-standard lists (knowledge/standards/harmonised); null: none are listed.
  std::shared_ptr<const std::map<std::string, standards::ActList>> harmonised;
  // The bilingual Safety Gate vocabulary (knowledge/alerts/vocabulary.yaml); null: facets and
  // lessons stay in English and lessons list no recurring findings.
  std::shared_ptr<const alerts::Vocabulary> alert_vocabulary;
  std::string data_dir;  // holds alerts.sqlite; missing store: alert routes answer 503
  std::string web_dir;   // static front end served at /; empty or missing: none
  std::string version = "0.0.0";
  // The date assessments are made on when the request names none. Empty: today (UTC).
  std::optional<Date> today;
  // Bytes of rendered assess / next-question answers kept (response_cache.h); 0: none.
  size_t response_cache_bytes = 64u << 20;
};

// What a matched route's handler gets.
struct RouteRequest {
  const ApiRequest* http = nullptr;
  const Target* target = nullptr;
  std::map<std::string, std::string> params;  // {celex}, {case}
  Lang lang = Lang::kEn;
  // Who asks: "" for an anonymous request (every route today). The response cache keys on
  // it, so an answer for one user is never served to another.
  std::string principal;
};

class Api;
using Handler = ApiResponse (*)(Api& api, const RouteRequest& req);

struct Route {
  const char* method;
  const char* pattern;  // "/api/v1/acts/{celex}"
  Handler handler;
  bool text;  // answers text that has a language (takes lang / Accept-Language)
};

// Every API route, in matching order (fixed segments before parameters).
const std::vector<Route>& Routes();

class Api {
 public:
  explicit Api(ApiOptions options);

  // Routes the request, then gzips a compressible answer of 1 KB or more when the request's
  // Accept-Encoding allows it (compression.h).
  ApiResponse Handle(const ApiRequest& request);

  const KnowledgeBase& kb() const { return *options_.kb; }
  const ApiOptions& options() const { return options_; }
  AlertPool& alerts() { return alerts_; }
  ResponseCache& cache() { return cache_; }
  const ChineseIndex& chinese() const { return chinese_; }
  Date Today() const;

 private:
  ApiResponse Dispatch(const ApiRequest& request);

  ApiOptions options_;
  AlertPool alerts_;
  ResponseCache cache_;
  ChineseIndex chinese_;  // Chinese alert queries -> English words (query_expansion.h)
};

// The one place a Status becomes an HTTP answer (through HttpStatusFor).
ApiResponse ErrorResponse(const Status& status);
ApiResponse JsonResponse(const nlohmann::json& j, int status = 200);

// $EUCOMPLY_WEB, else the web/dist folder of the source tree this was built from.
std::string DefaultWebDir();
// The program version (the CMake project version).
const char* ProgramVersion();

// The OpenAPI 3 document served at /api/openapi.json (src/server/openapi.json).
std::string_view OpenApiDocument();

}  // namespace eucomply::server
