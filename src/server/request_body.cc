#include "server/request_body.h"

#include <fmt/format.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "common/json_text.h"
#include "eucomply/intake.h"
#include "eucomply/text.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

constexpr const char* kSource = "request";

}  // namespace

Result<ProductRequest> ParseProductRequest(const KnowledgeBase& kb, std::string_view body,
                                           BodyKind kind) {
  if (Trim(body).empty()) {
    return Status::InvalidArgument(Problem::AtPointer(
        kSource, "", "the body must be a JSON object (a product document or {\"text\": \"...\"})"));
  }
  Result<json> parsed = ParseJsonText(body, kSource);
  if (!parsed.ok()) return parsed.status();
  json doc = std::move(parsed).value();
  if (!doc.is_object()) {
    return Status::InvalidArgument(Problem::AtPointer(
        kSource, "",
        fmt::format("the body must be a JSON object (a product document or {{\"text\": \"...\"}}), "
                    "not {}",
                    doc.type_name())));
  }

  std::vector<Problem> errors;
  auto err = [&](std::string_view pointer, const std::string& msg) {
    errors.push_back(Problem::AtPointer(kSource, std::string(pointer), msg));
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
    errors.insert(errors.end(), product.status().problems().begin(), product.status().problems().end());
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
