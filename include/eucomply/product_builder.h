// ProductBuilder: the one place that knows the product schema (docs/product-format.md). A
// format adapter (YAML and JSON documents in src/rules/product.cc, the API's request bodies,
// next the rows of a catalogue) walks its own document and hands each field to the builder
// with the place it stood; the builder checks names and values against the knowledge base,
// keeps every problem with its place, and finishes the product: given values, then values
// read from the free text (`text`), then the category's defaults.
//
// Not thread-safe; one builder builds one product. The knowledge base must outlive it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/engine.h"
#include "eucomply/status.h"

namespace eucomply {

class ProductBuilder {
 public:
  explicit ProductBuilder(const KnowledgeBase& kb);

  // The top-level fields of a product document, in the order the format documents them.
  static constexpr const char* kFields[] = {"name", "description", "category", "attributes",
                                            "text"};
  // True for one of kFields; otherwise records "unknown key ..." at `where`.
  bool CheckField(std::string_view key, const Problem& where);

  // name, description, text or category (looked up, "unknown category ..." at `where`).
  void SetField(std::string_view key, std::string value, const Problem& where);

  // The attribute's index, or -1 after recording "unknown attribute ..." at `where`.
  int FindAttribute(std::string_view name, const Problem& where);
  // A value written as text ("230 V", "true", a value id), read by the attribute's type.
  void SetAttributeText(int attr, std::string_view text, const Problem& where);
  // The members of a set attribute, by value id.
  void SetAttributeSet(int attr, const std::vector<std::string>& ids, const Problem& where);
  // A value the document typed itself (a JSON boolean or number).
  void SetAttribute(int attr, Value v);

  // A problem the adapter found in its own document (a wrong type, a malformed value).
  void Fail(const Problem& where, std::string message);

  const KnowledgeBase& kb() const { return kb_; }
  bool ok() const { return problems_.empty(); }

  // Every problem at once (InvalidArgument), else the product with the free text read (given
  // values win) and the category's defaults applied.
  Result<Product> Finish() &&;

 private:
  const KnowledgeBase& kb_;
  Product product_;
  std::string text_;
  std::vector<Problem> problems_;
};

// JSON pointer escaping of one key (RFC 6901): "~" -> "~0", "/" -> "~1".
std::string JsonPointerEscape(std::string_view key);

}  // namespace eucomply
