#include "eucomply/status.h"

namespace eucomply {

const char* StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "InvalidArgument";
    case StatusCode::kNotFound: return "NotFound";
    case StatusCode::kCorruption: return "Corruption";
    case StatusCode::kUnavailable: return "Unavailable";
    case StatusCode::kAlreadyExists: return "AlreadyExists";
    case StatusCode::kInternal: return "Internal";
  }
  return "Unknown";
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return messages_.empty() ? kEmpty : messages_.front();
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string out;
  for (const auto& m : messages_) {
    if (!out.empty()) out += '\n';
    out += m;
  }
  return out;
}

}  // namespace eucomply
