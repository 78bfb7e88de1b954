#include "server/query_params.h"

#include <fmt/format.h>

#include <charconv>
#include <string>
#include <vector>

namespace eucomply::server {

Status CheckParams(const Target& t, std::initializer_list<const char*> allowed) {
  std::vector<Problem> errors;
  std::string list = "lang";
  for (const char* a : allowed) list += std::string(", ") + a;
  for (const auto& [key, value] : t.query) {
    if (key == "lang") continue;
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    // The query is a multimap: a repeated unknown name is named once.
    if (!ok && (errors.empty() || errors.back().parameter != key)) {
      errors.push_back(Problem::InQuery(key, fmt::format("unknown parameter (allowed: {})", list)));
    }
  }
  if (errors.empty()) return Status::Ok();
  return Status(StatusCode::kInvalidArgument, std::move(errors));
}

Result<int> IntParam(const Target& t, const char* name, int def, int lo, int hi) {
  std::optional<std::string> v = t.Value(name);
  if (!v) return def;
  int n = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), n);
  if (ec != std::errc() || ptr != v->data() + v->size() || n < lo || n > hi) {
    return Status::InvalidArgument(Problem::InQuery(
        name, fmt::format("must be an integer from {} to {}, not '{}'", lo, hi, *v)));
  }
  return n;
}

Result<std::optional<int>> YearParam(const Target& t, const char* name) {
  std::optional<std::string> v = t.Value(name);
  if (!v || v->empty()) return std::optional<int>();
  if (v->size() == 10) {
    if (auto d = Date::Parse(*v)) return std::optional<int>(d->year());
  }
  int y = 0;
  auto [ptr, ec] = std::from_chars(v->data(), v->data() + v->size(), y);
  if (ec != std::errc() || ptr != v->data() + v->size() || y < 1900 || y > 2999) {
    return Status::InvalidArgument(Problem::InQuery(
        name, fmt::format("must be a year YYYY or a date YYYY-MM-DD, not '{}'", *v)));
  }
  return std::optional<int>(y);
}

Result<Date> DateParam(const Target& t, const char* name, Date def) {
  std::optional<std::string> v = t.Value(name);
  if (!v || v->empty()) return def;
  std::optional<Date> d = Date::Parse(*v);
  if (!d) {
    return Status::InvalidArgument(
        Problem::InQuery(name, fmt::format("'{}' is not a date YYYY-MM-DD", *v)));
  }
  return *d;
}

Status CollectErrors(std::initializer_list<const Status*> parts) {
  std::vector<Problem> errors;
  for (const Status* s : parts) {
    if (!s->ok()) errors.insert(errors.end(), s->problems().begin(), s->problems().end());
  }
  if (errors.empty()) return Status::Ok();
  return Status(StatusCode::kInvalidArgument, std::move(errors));
}

}  // namespace eucomply::server
