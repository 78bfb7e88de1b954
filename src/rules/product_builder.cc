#include "eucomply/product_builder.h"

#include <fmt/format.h>

#include "eucomply/intake.h"

namespace eucomply {

ProductBuilder::ProductBuilder(const KnowledgeBase& kb) : kb_(kb), product_(Product::Empty(kb)) {}

bool ProductBuilder::CheckField(std::string_view key, const Problem& where) {
  for (const char* f : kFields) {
    if (key == f) return true;
  }
  Fail(where, fmt::format(
                  "unknown key '{}' (allowed: name, description, category, attributes, text)", key));
  return false;
}

void ProductBuilder::SetField(std::string_view key, std::string value, const Problem& where) {
  if (key == "name") {
    product_.name = std::move(value);
  } else if (key == "description") {
    product_.description = std::move(value);
  } else if (key == "text") {
    text_ = std::move(value);
  } else if (key == "category") {
    product_.category = kb_.FindCategory(value);
    if (product_.category < 0) Fail(where, fmt::format("unknown category '{}'", value));
    else product_.category_source = ValueSource::kGiven;
  }
}

int ProductBuilder::FindAttribute(std::string_view name, const Problem& where) {
  const int a = kb_.FindAttribute(name);
  if (a < 0) Fail(where, fmt::format("unknown attribute '{}'", name));
  return a;
}

void ProductBuilder::SetAttributeText(int attr, std::string_view text, const Problem& where) {
  Result<Value> v = ParseAttributeValue(kb_.attributes()[attr], text);
  if (!v.ok()) return Fail(where, v.status().message());
  SetAttribute(attr, *v);
}

void ProductBuilder::SetAttributeSet(int attr, const std::vector<std::string>& ids,
                                     const Problem& where) {
  Result<Value> v = MakeSetValue(kb_.attributes()[attr], ids);
  if (!v.ok()) return Fail(where, v.status().message());
  SetAttribute(attr, *v);
}

void ProductBuilder::SetAttribute(int attr, Value v) {
  product_.Set(attr, v, ValueSource::kGiven);
}

void ProductBuilder::Fail(const Problem& where, std::string message) {
  Problem p = where;
  p.message = std::move(message);
  problems_.push_back(std::move(p));
}

Result<Product> ProductBuilder::Finish() && {
  if (!problems_.empty()) return Status(StatusCode::kInvalidArgument, std::move(problems_));
  if (!text_.empty()) ApplyTextIntake(kb_, text_, &product_);
  ApplyCategoryDefaults(kb_, &product_);
  return std::move(product_);
}

std::string JsonPointerEscape(std::string_view key) {
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

}  // namespace eucomply
