// Parsing and validation of the JSON request bodies that carry a product: POST assess,
// next-question and alerts/lessons. Pure functions of the body text; every problem is
// reported at once, each as "request: <JSON pointer>: message" (or "request:line:col: ..."
// for malformed JSON), which ErrorJson turns into {"pointer", "message"} details.
#pragma once

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "eucomply/date.h"
#include "eucomply/engine.h"
#include "eucomply/status.h"

namespace eucomply::server {

enum class BodyKind { kAssess, kNextQuestion, kLessons };

// A product document as `eucomply assess` reads it (name, description, category,
// attributes), plus:
//   text    free-text description, read by the free-text intake; given values win
//   as_of   "YYYY-MM-DD", the date to assess on (assess, next-question)
//   skip    ["attribute id" | "category", ...], questions declined (next-question)
//   alerts  1..100, similar alerts to learn from (lessons)
struct ProductRequest {
  Product product;
  std::string text;
  std::optional<Date> as_of;
  std::set<int> skip;
  int alerts = 25;
};

inline constexpr int kMaxLessonAlerts = 100;

Result<ProductRequest> ParseProductRequest(const KnowledgeBase& kb, std::string_view body,
                                           BodyKind kind);

}  // namespace eucomply::server
