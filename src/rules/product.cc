// Product documents (docs/product-format.md) from YAML or JSON, with every problem reported
// at its place: file:line:col for YAML, a JSON pointer for JSON.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/text.h"

namespace eucomply {
namespace {

constexpr const char* kTopKeys[] = {"name", "description", "category", "attributes", "text"};

bool IsTopKey(std::string_view k) {
  for (const char* t : kTopKeys) {
    if (k == t) return true;
  }
  return false;
}

std::string Escape(std::string_view key) {
  // JSON pointer escaping (RFC 6901).
  std::string out;
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

// The last steps of both parsers: report every problem, else fill from the free text (given
// values win), then from the category.
Result<Product> Finish(const KnowledgeBase& kb, std::vector<std::string> errors,
                       const std::string& intake_text, Product p) {
  if (!errors.empty()) return Status(StatusCode::kInvalidArgument, std::move(errors));
  if (!intake_text.empty()) ApplyTextIntake(kb, intake_text, &p);
  ApplyCategoryDefaults(kb, &p);
  return p;
}

}  // namespace

Result<Product> ParseProductYaml(const KnowledgeBase& kb, std::string_view text,
                                 std::string_view source_name) {
  if (!IsValidUtf8(text)) {
    return Status::InvalidArgument(fmt::format("{}:1:1: the document is not valid UTF-8",
                                               source_name));
  }
  std::vector<std::string> errors;
  auto err = [&](const YAML::Mark& m, const std::string& msg) {
    errors.push_back(fmt::format("{}:{}:{}: {}", source_name, m.line + 1, m.column + 1, msg));
  };
  YAML::Node root;
  try {
    root = YAML::Load(std::string(text));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: malformed YAML: {}", source_name,
                                               e.mark.line + 1, e.mark.column + 1, e.msg));
  }
  if (!root.IsMap()) {
    return Status::InvalidArgument(
        fmt::format("{}:1:1: a product document must be a map with name, category and "
                    "attributes",
                    source_name));
  }
  Product p = Product::Empty(kb);
  std::string intake_text;
  for (auto it = root.begin(); it != root.end(); ++it) {
    std::string key = it->first.Scalar();
    if (!IsTopKey(key)) {
      err(it->first.Mark(),
          fmt::format("unknown key '{}' (allowed: name, description, category, attributes, text)", key));
      continue;
    }
    const YAML::Node& v = it->second;
    if (key == "attributes") continue;
    if (v.IsNull()) continue;
    if (!v.IsScalar()) {
      err(v.Mark(), fmt::format("'{}' must be a string", key));
      continue;
    }
    if (key == "name") p.name = v.Scalar();
    else if (key == "description") p.description = v.Scalar();
    else if (key == "text") intake_text = v.Scalar();
    else if (key == "category") {
      p.category = kb.FindCategory(v.Scalar());
      if (p.category < 0) err(v.Mark(), fmt::format("unknown category '{}'", v.Scalar()));
      else p.category_source = ValueSource::kGiven;
    }
  }
  if (YAML::Node attrs = root["attributes"]; attrs && !attrs.IsNull()) {
    if (!attrs.IsMap()) {
      err(attrs.Mark(), "'attributes' must be a map of attribute: value");
    } else {
      for (auto it = attrs.begin(); it != attrs.end(); ++it) {
        std::string name = it->first.Scalar();
        int a = kb.FindAttribute(name);
        if (a < 0) {
          err(it->first.Mark(), fmt::format("unknown attribute '{}'", name));
          continue;
        }
        const Attribute& attr = kb.attributes()[a];
        const YAML::Node& v = it->second;
        Result<Value> val = Status::InvalidArgument("");
        if (v.IsNull()) continue;  // explicitly unknown
        if (v.IsSequence()) {
          if (attr.type != AttrType::kSet) {
            err(v.Mark(), fmt::format("'{}' is a {}, not a list", name, AttrTypeName(attr.type)));
            continue;
          }
          std::vector<std::string> ids;
          bool ok = true;
          for (const auto& x : v) {
            if (!x.IsScalar()) {
              err(x.Mark(), fmt::format("'{}': list members must be value ids", name));
              ok = false;
              break;
            }
            ids.push_back(x.Scalar());
          }
          if (!ok) continue;
          val = MakeSetValue(attr, ids);
        } else if (v.IsScalar()) {
          val = ParseAttributeValue(attr, v.Scalar());
        } else {
          err(v.Mark(), fmt::format("'{}': expected a value, not a map", name));
          continue;
        }
        if (!val.ok()) {
          err(v.Mark(), val.status().message());
          continue;
        }
        p.Set(a, *val, ValueSource::kGiven);
      }
    }
  }
  return Finish(kb, std::move(errors), intake_text, std::move(p));
}

Result<Product> ParseProductJson(const KnowledgeBase& kb, const nlohmann::json& doc,
                                 std::string_view source_name) {
  std::vector<std::string> errors;
  auto err = [&](const std::string& pointer, const std::string& msg) {
    errors.push_back(fmt::format("{}: {}: {}", source_name, pointer.empty() ? "/" : pointer, msg));
  };
  if (!doc.is_object()) {
    return Status::InvalidArgument(
        fmt::format("{}: /: a product document must be an object with name, category and "
                    "attributes",
                    source_name));
  }
  Product p = Product::Empty(kb);
  std::string intake_text;
  for (const auto& [key, v] : doc.items()) {
    std::string ptr = "/" + Escape(key);
    if (!IsTopKey(key)) {
      err(ptr, fmt::format("unknown key '{}' (allowed: name, description, category, attributes, text)",
                           key));
      continue;
    }
    if (key == "attributes" || v.is_null()) continue;
    if (!v.is_string()) {
      err(ptr, fmt::format("'{}' must be a string", key));
      continue;
    }
    const std::string s = v.get<std::string>();
    if (key == "name") p.name = s;
    else if (key == "description") p.description = s;
    else if (key == "text") intake_text = s;
    else {
      p.category = kb.FindCategory(s);
      if (p.category < 0) err(ptr, fmt::format("unknown category '{}'", s));
      else p.category_source = ValueSource::kGiven;
    }
  }
  auto attrs_it = doc.find("attributes");
  if (attrs_it != doc.end() && !attrs_it->is_null()) {
    if (!attrs_it->is_object()) {
      err("/attributes", "'attributes' must be an object of attribute: value");
    } else {
      for (const auto& [name, v] : attrs_it->items()) {
        std::string ptr = "/attributes/" + Escape(name);
        int a = kb.FindAttribute(name);
        if (a < 0) {
          err(ptr, fmt::format("unknown attribute '{}'", name));
          continue;
        }
        if (v.is_null()) continue;
        const Attribute& attr = kb.attributes()[a];
        Result<Value> val = Status::InvalidArgument("");
        switch (attr.type) {
          case AttrType::kBool:
            if (v.is_boolean()) val = Value::Bool(v.get<bool>());
            else if (v.is_string()) val = ParseAttributeValue(attr, v.get<std::string>());
            else val = Status::InvalidArgument(fmt::format("'{}' must be true or false", name));
            break;
          case AttrType::kNumber:
            if (v.is_number()) val = Value::Number(v.get<double>());
            else if (v.is_string()) val = ParseAttributeValue(attr, v.get<std::string>());
            else val = Status::InvalidArgument(fmt::format(
                     "'{}' must be a number or a string such as \"230 V\"", name));
            break;
          case AttrType::kEnum:
            if (v.is_string()) val = ParseAttributeValue(attr, v.get<std::string>());
            else val = Status::InvalidArgument(fmt::format("'{}' must be a string value id", name));
            break;
          case AttrType::kSet:
            if (v.is_array()) {
              std::vector<std::string> ids;
              bool ok = true;
              for (size_t i = 0; i < v.size(); ++i) {
                if (!v[i].is_string()) {
                  err(fmt::format("{}/{}", ptr, i), "set members must be string value ids");
                  ok = false;
                  break;
                }
                ids.push_back(v[i].get<std::string>());
              }
              if (!ok) continue;
              val = MakeSetValue(attr, ids);
            } else if (v.is_string()) {
              val = ParseAttributeValue(attr, v.get<std::string>());
            } else {
              val = Status::InvalidArgument(fmt::format("'{}' must be a list of value ids", name));
            }
            break;
        }
        if (!val.ok()) {
          err(ptr, val.status().message());
          continue;
        }
        p.Set(a, *val, ValueSource::kGiven);
      }
    }
  }
  return Finish(kb, std::move(errors), intake_text, std::move(p));
}

Result<Product> ParseProductJsonText(const KnowledgeBase& kb, std::string_view text,
                                     std::string_view source_name) {
  // nlohmann validates UTF-8 only when dumping; reject bad bytes here, at the input.
  if (!IsValidUtf8(text)) {
    return Status::InvalidArgument(fmt::format("{}:1:1: the document is not valid UTF-8",
                                               source_name));
  }
  nlohmann::json doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    // Parse again with exceptions only to learn where it failed.
    try {
      nlohmann::json again = nlohmann::json::parse(text);
      (void)again;
    } catch (const nlohmann::json::parse_error& e) {
      int line = 1, col = 1;
      LineColumn(text, e.byte > 0 ? e.byte - 1 : 0, &line, &col);
      std::string what = e.what();
      // nlohmann's message starts with "[json.exception.parse_error.101] parse error at ...".
      auto pos = what.find(": ");
      std::string detail = pos == std::string::npos ? what : what.substr(pos + 2);
      return Status::InvalidArgument(
          fmt::format("{}:{}:{}: malformed JSON: {}", source_name, line, col, detail));
    }
    return Status::InvalidArgument(fmt::format("{}:1:1: malformed JSON", source_name));
  }
  return ParseProductJson(kb, doc, source_name);
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
