#include "server/http_status.h"

#include <string>

namespace eucomply::server {

int HttpStatusFor(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return 200;
    case StatusCode::kInvalidArgument: return 400;
    case StatusCode::kNotFound: return 404;
    case StatusCode::kAlreadyExists: return 409;
    case StatusCode::kUnavailable: return 503;
    case StatusCode::kCorruption:
    case StatusCode::kInternal: return 500;
  }
  return 500;
}

namespace {

const char* CodeId(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid_argument";
    case StatusCode::kNotFound: return "not_found";
    case StatusCode::kCorruption: return "corruption";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kAlreadyExists: return "already_exists";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

// One entry of "details": the place as fields, the message without it.
nlohmann::json Detail(const Problem& p) {
  if (!p.parameter.empty()) return {{"parameter", p.parameter}, {"message", p.message}};
  if (p.line > 0) {
    return {{"pointer", p.pointer.value_or("")},
            {"line", p.line},
            {"column", p.column},
            {"message", p.Text()}};
  }
  if (p.pointer) return {{"pointer", *p.pointer}, {"message", p.message}};
  if (p.row > 0) {
    nlohmann::json d = {{"row", p.row}, {"message", p.message}};
    if (!p.field.empty()) d["field"] = p.field;
    return d;
  }
  return {{"message", p.ToString()}};
}

}  // namespace

nlohmann::json ErrorJson(const Status& status) {
  nlohmann::json details = nlohmann::json::array();
  for (const Problem& p : status.problems()) details.push_back(Detail(p));
  return {{"error",
           {{"status", HttpStatusFor(status.code())},
            {"code", CodeId(status.code())},
            {"message", status.message()},
            {"details", details}}}};
}

}  // namespace eucomply::server
