#include "server/api.h"
#include "server/compression.h"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

#include "eucomply/text.h"
#include "server/http_status.h"
#include "server/static_files.h"

namespace eucomply::server {
namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Matches a route pattern ("/api/v1/acts/{celex}") against decoded path segments, without
// allocating unless a parameter matches.
bool Matches(std::string_view pattern, const std::vector<std::string>& segments,
             std::map<std::string, std::string>* params) {
  pattern.remove_prefix(1);
  size_t i = 0;
  while (true) {
    size_t slash = pattern.find('/');
    std::string_view p = pattern.substr(0, slash);
    if (i >= segments.size()) return false;
    if (p.size() > 2 && p.front() == '{' && p.back() == '}') {
      if (segments[i].empty()) return false;
      (*params)[std::string(p.substr(1, p.size() - 2))] = segments[i];
    } else if (p != segments[i]) {
      return false;
    }
    ++i;
    if (slash == std::string_view::npos) break;
    pattern.remove_prefix(slash + 1);
  }
  return i == segments.size();
}

}  // namespace

std::optional<std::string> PercentDecode(std::string_view s, bool plus_is_space) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '%') {
      if (i + 2 >= s.size()) return std::nullopt;
      int hi = HexValue(s[i + 1]);
      int lo = HexValue(s[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    } else if (c == '+' && plus_is_space) {
      c = ' ';
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

std::vector<std::string> Target::Values(const std::string& key) const {
  std::vector<std::string> out;
  auto [lo, hi] = query.equal_range(key);
  for (auto it = lo; it != hi; ++it) out.push_back(it->second);
  return out;
}

std::optional<std::string> Target::Value(const std::string& key) const {
  auto [lo, hi] = query.equal_range(key);
  if (lo == hi) return std::nullopt;
  return std::prev(hi)->second;
}

Result<Target> ParseTarget(std::string_view target) {
  Target t;
  size_t q = target.find('?');
  std::string_view path = target.substr(0, q);
  if (path.empty() || path.front() != '/') {
    return Status::InvalidArgument(Problem::InQuery("path", "the request target must start with '/'"));
  }
  auto decoded = PercentDecode(path, false);
  if (!decoded) return Status::InvalidArgument(Problem::InQuery("path", "bad percent-encoding in the path"));
  t.path = *decoded;
  // Split the raw path, then decode each segment, so that an encoded '/' (as in a case
  // number "SR%2F02275%2F26") stays inside its segment.
  std::string_view rest = path.substr(1);
  for (std::string_view seg : Split(rest, '/')) {
    auto d = PercentDecode(seg, false);
    if (!d) return Status::InvalidArgument(Problem::InQuery("path", "bad percent-encoding in the path"));
    t.segments.push_back(std::move(*d));
  }
  if (!t.segments.empty() && t.segments.back().empty()) t.segments.pop_back();
  if (q != std::string_view::npos) {
    for (std::string_view pair : Split(target.substr(q + 1), '&')) {
      if (pair.empty()) continue;
      size_t eq = pair.find('=');
      auto key = PercentDecode(pair.substr(0, eq), true);
      auto value = PercentDecode(eq == std::string_view::npos ? "" : pair.substr(eq + 1), true);
      if (!key || !value) {
        return Status::InvalidArgument(Problem::InQuery(
            std::string(pair.substr(0, std::min<size_t>(eq, 40))), "bad percent-encoding"));
      }
      t.query.emplace(std::move(*key), std::move(*value));
    }
  }
  return t;
}

Result<Lang> RequestLang(const Target& t, std::string_view accept_language) {
  if (auto l = t.Value("lang")) {
    auto lang = ParseLang(*l);
    if (!lang) return Status::InvalidArgument(
        Problem::InQuery("lang", fmt::format("must be en or zh, not '{}'", *l)));
    return *lang;
  }
  // Accept-Language: "zh-CN,zh;q=0.9,en;q=0.8". The highest q among en/zh wins; ties go to
  // the first listed.
  std::optional<Lang> best;
  double best_q = 0;
  for (std::string_view item : Split(accept_language, ',')) {
    std::string_view tag = Trim(item);
    double q = 1;
    if (size_t semi = tag.find(';'); semi != std::string_view::npos) {
      std::string_view params = tag.substr(semi + 1);
      tag = Trim(tag.substr(0, semi));
      for (std::string_view p : Split(params, ';')) {
        p = Trim(p);
        if (p.size() > 2 && (p[0] == 'q' || p[0] == 'Q') && p[1] == '=') {
          q = std::strtod(std::string(p.substr(2)).c_str(), nullptr);
        }
      }
    }
    std::string lower = AsciiLower(tag);
    std::optional<Lang> l;
    if (lower == "zh" || StartsWith(lower, "zh-")) l = Lang::kZh;
    else if (lower == "en" || StartsWith(lower, "en-")) l = Lang::kEn;
    if (l && q > best_q) {
      best = l;
      best_q = q;
    }
  }
  return best.value_or(Lang::kEn);
}

ApiResponse JsonResponse(const nlohmann::json& j, int status) {
  ApiResponse r;
  r.status = status;
  r.body = j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  return r;
}

ApiResponse ErrorResponse(const Status& status) {
  return JsonResponse(ErrorJson(status), HttpStatusFor(status.code()));
}

std::string DefaultWebDir() {
  if (const char* env = std::getenv("EUCOMPLY_WEB"); env != nullptr && *env != '\0') return env;
  return EUCOMPLY_BUNDLED_WEB_DIR;
}

const char* ProgramVersion() { return EUCOMPLY_VERSION; }

Api::Api(ApiOptions options)
    : options_(std::move(options)),
      alerts_(options_.data_dir + "/alerts.sqlite"),
      cache_(options_.response_cache_bytes),
      chinese_(*options_.kb) {}

Date Api::Today() const { return options_.today ? *options_.today : Date::Today(); }

ApiResponse Api::Handle(const ApiRequest& request) {
  ApiResponse r = Dispatch(request);
  if (!Compressible(r.content_type)) return r;
  auto vary = std::find_if(r.headers.begin(), r.headers.end(),
                           [](const auto& h) { return h.first == "Vary"; });
  if (vary == r.headers.end()) r.headers.emplace_back("Vary", "Accept-Encoding");
  else vary->second += ", Accept-Encoding";
  if (r.content_encoding.empty() && r.Body().size() >= kMinCompressSize &&
      AcceptsGzip(request.accept_encoding)) {
    // Level 1: answers computed per request; cached answers arrive compressed at level 6.
    std::string gz = Gzip(r.Body(), 1);
    r.shared_body.reset();
    r.body = std::move(gz);
    r.content_encoding = "gzip";
  }
  return r;
}

ApiResponse Api::Dispatch(const ApiRequest& request) {
  Result<Target> target = ParseTarget(request.target);
  if (!target.ok()) return ErrorResponse(target.status());
  const Target& t = *target;
  const bool head = request.method == "HEAD";
  const std::string& method = head ? std::string("GET") : request.method;

  const bool api = !t.segments.empty() && t.segments[0] == "api";
  if (api) {
    std::vector<std::string> allowed;
    for (const Route& route : Routes()) {
      RouteRequest rr;
      if (!Matches(route.pattern, t.segments, &rr.params)) continue;
      // GET /api/v1/alerts/lessons names the POST route, not a case number "lessons".
      if (!allowed.empty() && std::string_view(route.pattern).find('{') != std::string_view::npos) {
        break;
      }
      if (method != route.method) {
        if (std::find(allowed.begin(), allowed.end(), route.method) == allowed.end()) {
          allowed.push_back(route.method);
        }
        continue;
      }
      rr.http = &request;
      rr.target = &t;
      Result<Lang> lang = RequestLang(t, request.accept_language);
      if (!lang.ok()) return ErrorResponse(lang.status());
      rr.lang = *lang;
      ApiResponse r = route.handler(*this, rr);
      if (route.text) r.headers.emplace_back("Vary", "Accept-Language");
      return r;
    }
    if (!allowed.empty()) {
      if (std::find(allowed.begin(), allowed.end(), "GET") != allowed.end()) allowed.push_back("HEAD");
      std::string allow;
      for (const std::string& m : allowed) allow += (allow.empty() ? "" : ", ") + m;
      ApiResponse r = JsonResponse(
          {{"error",
            {{"status", 405},
             {"code", "method_not_allowed"},
             {"message", fmt::format("{} is not allowed on {}; use {}", request.method, t.path, allow)},
             {"details", nlohmann::json::array()}}}},
          405);
      r.headers.emplace_back("Allow", allow);
      return r;
    }
    return ErrorResponse(Status::NotFound(
        fmt::format("no API route {} {} (the routes are listed in /api/openapi.json)",
                    request.method, t.path)));
  }
  if (method != "GET") {
    ApiResponse r = JsonResponse({{"error",
                                   {{"status", 405},
                                    {"code", "method_not_allowed"},
                                    {"message", "static files answer GET and HEAD only"},
                                    {"details", nlohmann::json::array()}}}},
                                 405);
    r.headers.emplace_back("Allow", "GET, HEAD");
    return r;
  }
  Result<ApiResponse> file = ServeStaticFile(options_.web_dir, t.segments);
  if (!file.ok()) return ErrorResponse(file.status());
  return std::move(file).value();
}

}  // namespace eucomply::server
