// Product documents (docs/product-format.md) from YAML or JSON: thin adapters that walk their
// document and hand each field to ProductBuilder with its place (file:line:col for YAML, a
// JSON pointer for JSON); the builder owns the schema.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "common/json_text.h"
#include "eucomply/engine.h"
#include "eucomply/product_builder.h"
#include "eucomply/text.h"

namespace eucomply {
namespace {

// One attribute value of a YAML document: a scalar, or a list for a set attribute.
void ReadYamlAttribute(ProductBuilder& b, int a, const std::string& name, const YAML::Node& v,
                       const Problem& at) {
  const Attribute& attr = b.kb().attributes()[a];
  if (v.IsSequence()) {
    if (attr.type != AttrType::kSet) {
      return b.Fail(at, fmt::format("'{}' is a {}, not a list", name, AttrTypeName(attr.type)));
    }
    std::vector<std::string> ids;
    for (const auto& x : v) {
      if (!x.IsScalar()) {
        const YAML::Mark m = x.Mark();
        return b.Fail(Problem::At(at.source, m.line + 1, m.column + 1, ""),
                      fmt::format("'{}': list members must be value ids", name));
      }
      ids.push_back(x.Scalar());
    }
    return b.SetAttributeSet(a, ids, at);
  }
  if (v.IsScalar()) return b.SetAttributeText(a, v.Scalar(), at);
  b.Fail(at, fmt::format("'{}': expected a value, not a map", name));
}

// One attribute value of a JSON document, by the attribute's type.
void ReadJsonAttribute(ProductBuilder& b, int a, const std::string& name,
                       const nlohmann::json& v, const Problem& at) {
  const Attribute& attr = b.kb().attributes()[a];
  switch (attr.type) {
    case AttrType::kBool:
      if (v.is_boolean()) return b.SetAttribute(a, Value::Bool(v.get<bool>()));
      if (v.is_string()) return b.SetAttributeText(a, v.get<std::string>(), at);
      return b.Fail(at, fmt::format("'{}' must be true or false", name));
    case AttrType::kNumber:
      if (v.is_number()) return b.SetAttribute(a, Value::Number(v.get<double>()));
      if (v.is_string()) return b.SetAttributeText(a, v.get<std::string>(), at);
      return b.Fail(at, fmt::format("'{}' must be a number or a string such as \"230 V\"", name));
    case AttrType::kEnum:
      if (v.is_string()) return b.SetAttributeText(a, v.get<std::string>(), at);
      return b.Fail(at, fmt::format("'{}' must be a string value id", name));
    case AttrType::kSet:
      if (v.is_array()) {
        std::vector<std::string> ids;
        for (size_t i = 0; i < v.size(); ++i) {
          if (!v[i].is_string()) {
            return b.Fail(Problem::AtPointer(at.source, fmt::format("{}/{}", *at.pointer, i), ""),
                          "set members must be string value ids");
          }
          ids.push_back(v[i].get<std::string>());
        }
        return b.SetAttributeSet(a, ids, at);
      }
      if (v.is_string()) return b.SetAttributeText(a, v.get<std::string>(), at);
      return b.Fail(at, fmt::format("'{}' must be a list of value ids", name));
  }
}

}  // namespace

Result<Product> ParseProductYaml(const KnowledgeBase& kb, std::string_view text,
                                 std::string_view source_name) {
  const std::string source(source_name);
  if (!IsValidUtf8(text)) {
    return Status::InvalidArgument(Problem::At(source, 1, 1, "the document is not valid UTF-8"));
  }
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(
        Problem::At(source, e.mark.line + 1, e.mark.column + 1, "malformed YAML: " + e.msg));
  }
  if (!root.IsMap()) {
    return Status::InvalidArgument(Problem::At(
        source, 1, 1, "a product document must be a map with name, category and attributes"));
  }
  auto at = [&](const YAML::Mark& m) { return Problem::At(source, m.line + 1, m.column + 1, ""); };
  ProductBuilder b(kb);
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string key = it->first.Scalar();
    if (!b.CheckField(key, at(it->first.Mark()))) continue;
    const YAML::Node& v = it->second;
    if (key == "attributes" || v.IsNull()) continue;
    if (!v.IsScalar()) {
      b.Fail(at(v.Mark()), fmt::format("'{}' must be a string", key));
      continue;
    }
    b.SetField(key, v.Scalar(), at(v.Mark()));
  }
  if (YAML::Node attrs = root["attributes"]; attrs && !attrs.IsNull()) {
    if (!attrs.IsMap()) {
      b.Fail(at(attrs.Mark()), "'attributes' must be a map of attribute: value");
    } else {
      for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        const std::string name = it->first.Scalar();
        const int a = b.FindAttribute(name, at(it->first.Mark()));
        // A null value is explicitly unknown.
        if (a >= 0 && !it->second.IsNull()) ReadYamlAttribute(b, a, name, it->second, at(it->second.Mark()));
      }
    }
  }
  return std::move(b).Finish();
}

Result<Product> ParseProductJson(const KnowledgeBase& kb, const nlohmann::json& doc,
                                 std::string_view source_name) {
  const std::string source(source_name);
  auto at = [&](std::string pointer) { return Problem::AtPointer(source, std::move(pointer), ""); };
  if (!doc.is_object()) {
    return Status::InvalidArgument(Problem::AtPointer(
        source, "", "a product document must be an object with name, category and attributes"));
  }
  ProductBuilder b(kb);
  for (const auto& [key, v] : doc.items()) {
    const std::string ptr = "/" + JsonPointerEscape(key);
    if (!b.CheckField(key, at(ptr))) continue;
    if (key == "attributes" || v.is_null()) continue;
    if (!v.is_string()) {
      b.Fail(at(ptr), fmt::format("'{}' must be a string", key));
      continue;
    }
    b.SetField(key, v.get<std::string>(), at(ptr));
  }
  auto attrs = doc.find("attributes");
  if (attrs != doc.end() && !attrs->is_null()) {
    if (!attrs->is_object()) {
      b.Fail(at("/attributes"), "'attributes' must be an object of attribute: value");
    } else {
      for (const auto& [name, v] : attrs->items()) {
        const std::string ptr = "/attributes/" + JsonPointerEscape(name);
        const int a = b.FindAttribute(name, at(ptr));
        if (a >= 0 && !v.is_null()) ReadJsonAttribute(b, a, name, v, at(ptr));
      }
    }
  }
  return std::move(b).Finish();
}

Result<Product> ParseProductJsonText(const KnowledgeBase& kb, std::string_view text,
                                     std::string_view source_name) {
  // nlohmann validates UTF-8 only when dumping; reject bad bytes here, at the input.
  if (!IsValidUtf8(text)) {
    return Status::InvalidArgument(
        Problem::At(std::string(source_name), 1, 1, "the document is not valid UTF-8"));
  }
  Result<nlohmann::json> doc = ParseJsonText(text, source_name);
  if (!doc.ok()) return doc.status();
  return ParseProductJson(kb, *doc, source_name);
}
Result<Product> LoadProductFile(const KnowledgeBase& kb, const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound(fmt::format("{}: cannot open the product file", path));
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string text = ss.str();
  if (path.size() >= 5 && AsciiLower(path.substr(path.size() - 5)) == ".json") {
    return ParseProductJsonText(kb, text, path);
  }
  return ParseProductYaml(kb, text, path);
}

}  // namespace eucomply
