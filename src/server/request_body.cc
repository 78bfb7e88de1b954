#include "server/request_body.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "eucomply/intake.h"
#include "eucomply/text.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

constexpr const char* kSource = "request";

Status MalformedJson(std::string_view body) {
  try {
    json again = json::parse(body);
    (void)again;
  } catch (const json::parse_error& e) {
    int line = 1;
    int col = 1;
    LineColumn(body, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
    std::string what = e.what();
    // nlohmann's message starts with "[json.exception.parse_error.101] parse error at ...".
    size_t pos = what.find(": ");
    std::string detail = pos == std::string::npos ? what : what.substr(pos + 2);
    return Status::InvalidArgument(
        fmt::format("{}:{}:{}: malformed JSON: {}", kSource, line, col, detail));
  }
  return Status::InvalidArgument(fmt::format("{}:1:1: malformed JSON", kSource));
}

}  // namespace

Result<ProductRequest> ParseProductRequest(const KnowledgeBase& kb, std::string_view body,
                                           BodyKind kind) {
  if (Trim(body).empty()) {
    return Status::InvalidArgument(
        fmt::format("{}: /: the body must be a JSON object (a product document or "
                    "{{\"text\": \"...\"}})",
                    kSource));
  }
  json doc = json::parse(body, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return MalformedJson(body);
  if (!doc.is_object()) {
    return Status::InvalidArgument(fmt::format(
        "{}: /: the body must be a JSON object (a product document or {{\"text\": \"...\"}}), "
        "not {}",
        kSource, doc.type_name()));
  }

  std::vector<std::string> errors;
  auto err = [&](std::string_view pointer, const std::string& msg) {
    errors.push_back(fmt::format("{}: {}: {}", kSource, pointer, msg));
  };
  ProductRequest out;

  if (auto it = doc.find("text"); it != doc.end()) {
    if (it->is_string()) out.text = it->get<std::string>();
    else if (!it->is_null()) err("/text", fmt::format("'text' must be a string, not {}", it->type_name()));
    doc.erase(it);
  }
  if (auto it = doc.find("as_of"); it != doc.end()) {
    if (kind == BodyKind::kLessons) {
      err("/as_of", "'as_of' is not used by lessons");
    } else if (!it->is_string()) {
      err("/as_of", fmt::format("'as_of' must be a date string YYYY-MM-DD, not {}", it->type_name()));
    } else {
      out.as_of = Date::Parse(it->get<std::string>());
      if (!out.as_of) {
        err("/as_of", fmt::format("'as_of' must be a date YYYY-MM-DD, not '{}'",
                                  it->get<std::string>()));
      }
    }
    doc.erase(it);
  }
  if (auto it = doc.find("skip"); it != doc.end()) {
    if (kind != BodyKind::kNextQuestion) {
      err("/skip", "'skip' is only used by next-question");
    } else if (!it->is_array()) {
      err("/skip", fmt::format("'skip' must be an array of attribute ids, not {}", it->type_name()));
    } else {
      for (size_t i = 0; i < it->size(); ++i) {
        const json& v = (*it)[i];
        std::string ptr = fmt::format("/skip/{}", i);
        if (!v.is_string()) {
          err(ptr, fmt::format("must be an attribute id string, not {}", v.type_name()));
          continue;
        }
        const std::string id = v.get<std::string>();
        if (id == "category") {
          out.skip.insert(kCategoryAttr);
          continue;
        }
        int a = kb.FindAttribute(id);
        if (a < 0) err(ptr, fmt::format("unknown attribute '{}'", id));
        else out.skip.insert(a);
      }
    }
    doc.erase(it);
  }
  if (auto it = doc.find("alerts"); it != doc.end()) {
    if (kind != BodyKind::kLessons) {
      err("/alerts", "'alerts' is only used by lessons");
    } else if (!it->is_number_integer() || it->get<int64_t>() < 1 ||
               it->get<int64_t>() > kMaxLessonAlerts) {
      err("/alerts", fmt::format("'alerts' must be an integer from 1 to {}", kMaxLessonAlerts));
    } else {
      out.alerts = static_cast<int>(it->get<int64_t>());
    }
    doc.erase(it);
  }

  Result<Product> product = ParseProductJson(kb, doc, kSource);
  if (!product.ok()) {
    for (const std::string& m : product.status().messages()) errors.push_back(m);
  }
  if (!errors.empty()) return Status(StatusCode::kInvalidArgument, std::move(errors));
  out.product = std::move(product).value();
  if (!out.text.empty()) {
    ApplyTextIntake(kb, out.text, &out.product);
    if (out.product.description.empty()) out.product.description = out.text;
  }
  return out;
}

}  // namespace eucomply::server
