#include "server/http_status.h"

#include <cstdlib>
#include <string>
#include <string_view>

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

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

nlohmann::json Detail(const std::string& m) {
  nlohmann::json d = {{"message", m}};
  size_t colon = m.find(':');
  if (colon == std::string::npos) return d;
  std::string_view source(m.data(), colon);
  std::string_view rest(m.data() + colon + 1, m.size() - colon - 1);
  if (source == "query" && rest.size() > 1 && rest[0] == ' ') {
    size_t end = rest.find(": ", 1);
    if (end != std::string_view::npos) {
      d["parameter"] = std::string(rest.substr(1, end - 1));
      d["message"] = std::string(rest.substr(end + 2));
    }
    return d;
  }
  if (rest.size() > 2 && rest[0] == ' ' && rest[1] == '/') {
    size_t end = rest.find(": ", 1);
    if (end != std::string_view::npos) {
      std::string pointer(rest.substr(1, end - 1));
      d["pointer"] = pointer == "/" ? "" : pointer;
      d["message"] = std::string(rest.substr(end + 2));
    }
    return d;
  }
  // "<source>:line:col: text"
  size_t c2 = rest.find(':');
  size_t c3 = c2 == std::string_view::npos ? c2 : rest.find(':', c2 + 1);
  if (c3 != std::string_view::npos && AllDigits(rest.substr(0, c2)) &&
      AllDigits(rest.substr(c2 + 1, c3 - c2 - 1))) {
    d["pointer"] = "";
    d["line"] = std::atoi(std::string(rest.substr(0, c2)).c_str());
    d["column"] = std::atoi(std::string(rest.substr(c2 + 1, c3 - c2 - 1)).c_str());
    std::string_view text = rest.substr(c3 + 1);
    if (!text.empty() && text[0] == ' ') text.remove_prefix(1);
    d["message"] = std::string(text);
  }
  return d;
}

}  // namespace

nlohmann::json ErrorJson(const Status& status) {
  nlohmann::json details = nlohmann::json::array();
  for (const std::string& m : status.messages()) details.push_back(Detail(m));
  return {{"error",
           {{"status", HttpStatusFor(status.code())},
            {"code", CodeId(status.code())},
            {"message", status.message()},
            {"details", details}}}};
}

}  // namespace eucomply::server
