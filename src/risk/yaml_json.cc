#include "risk/yaml_json.h"

#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <charconv>

namespace eucomply::risk {

using nlohmann::json;

Problem JsonDoc::Where(const std::string& pointer, const std::string& msg) const {
  Problem out = Problem::AtPointer(source, pointer, msg);
  if (yaml) {
    // The nearest pointer that has a mark: the value itself, else its parent's.
    std::string q = pointer;
    while (true) {
      auto it = marks.find(q);
      if (it != marks.end()) {
        out.line = it->second.first;
        out.column = it->second.second;
        break;
      }
      if (q.empty()) break;
      q = q.substr(0, q.rfind('/'));
    }
  }
  return out;
}

std::string Child(const std::string& pointer, std::string_view key) {
  std::string out = pointer + "/";
  for (char c : key) {
    if (c == '~') out += "~0";
    else if (c == '/') out += "~1";
    else out += c;
  }
  return out;
}

std::string Child(const std::string& pointer, size_t index) {
  return pointer + "/" + std::to_string(index);
}

namespace {

std::pair<int, int> LineColumnOf(const YAML::Mark& m) { return {m.line + 1, m.column + 1}; }

Problem AtMark(const std::string& source, const YAML::Mark& m, std::string msg) {
  return Problem::At(source, m.line + 1, m.column + 1, std::move(msg));
}

json Scalar(const YAML::Node& n) {
  const std::string& s = n.Scalar();
  if (n.Tag() != "?") return s;  // quoted or tagged: a string
  if (s == "~" || s == "null" || s == "Null" || s == "NULL" || s.empty()) return nullptr;
  if (s == "true" || s == "True" || s == "TRUE" || s == "yes" || s == "Yes") return true;
  if (s == "false" || s == "False" || s == "FALSE" || s == "no" || s == "No") return false;
  long long i = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), i);
  if (ec == std::errc() && p == s.data() + s.size()) return i;
  // Decimals stay text: "0.1" must stay exact for probabilities; readers of numbers accept
  // both (NumberText below).
  return s;
}

Status Convert(const YAML::Node& n, const std::string& pointer, int depth, JsonDoc* doc,
               json* out) {
  if (depth > 64) {
    return Status::InvalidArgument(AtMark(doc->source, n.Mark(), "nested more than 64 levels"));
  }
  doc->marks[pointer] = LineColumnOf(n.Mark());
  switch (n.Type()) {
    case YAML::NodeType::Null:
    case YAML::NodeType::Undefined:
      *out = nullptr;
      return Status::Ok();
    case YAML::NodeType::Scalar:
      *out = Scalar(n);
      return Status::Ok();
    case YAML::NodeType::Sequence: {
      *out = json::array();
      size_t i = 0;
      for (const YAML::Node& c : n) {
        json v;
        Status s = Convert(c, Child(pointer, i++), depth + 1, doc, &v);
        if (!s.ok()) return s;
        out->push_back(std::move(v));
      }
      return Status::Ok();
    }
    case YAML::NodeType::Map: {
      *out = json::object();
      for (const auto& kv : n) {
        if (!kv.first.IsScalar()) {
          return Status::InvalidArgument(AtMark(doc->source, kv.first.Mark(), "a key must be a plain name"));
        }
        const std::string key = kv.first.Scalar();
        if (out->contains(key)) {
          return Status::InvalidArgument(
              AtMark(doc->source, kv.first.Mark(), fmt::format("duplicate key '{}'", key)));
        }
        json v;
        Status s = Convert(kv.second, Child(pointer, key), depth + 1, doc, &v);
        if (!s.ok()) return s;
        (*out)[key] = std::move(v);
      }
      return Status::Ok();
    }
  }
  return Status::Ok();
}

}  // namespace

// Flow nesting ("[[[[...") deeper than 64 levels is refused before a recursive parser sees it.
static Status CheckNesting(std::string_view text, std::string_view source) {
  int depth = 0, line = 1, col = 0;
  bool in_string = false, escape = false;
  for (char c : text) {
    ++col;
    if (c == '\n') ++line, col = 0;
    if (in_string) {
      if (escape) escape = false;
      else if (c == '\\') escape = true;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') in_string = true;
    else if (c == '[' || c == '{') {
      if (++depth > 64) {
        return Status::InvalidArgument(
            Problem::At(std::string(source), line, col, "nested more than 64 levels"));
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  return Status::Ok();
}

Result<JsonDoc> ReadYamlAsJson(std::string_view text, std::string_view source) {
  if (Status s = CheckNesting(text, source); !s.ok()) return s;
  JsonDoc doc;
  doc.source = std::string(source);
  doc.yaml = true;
  try {
    YAML::Node root = YAML::Load(std::string(text));
    Status s = Convert(root, "", 0, &doc, &doc.json);
    if (!s.ok()) return s;
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(AtMark(std::string(source), e.mark, "YAML: " + e.msg));
  }
  return doc;
}

Result<JsonDoc> ReadJson(std::string_view text, std::string_view source) {
  if (Status s = CheckNesting(text, source); !s.ok()) return s;
  JsonDoc doc;
  doc.source = std::string(source);
  try {
    doc.json = json::parse(text);
  } catch (const json::parse_error& e) {
    // byte offset -> line:col
    size_t off = std::min<size_t>(e.byte == 0 ? 0 : e.byte - 1, text.size());
    int line = 1, col = 1;
    for (size_t i = 0; i < off; ++i) {
      if (text[i] == '\n') ++line, col = 1;
      else ++col;
    }
    std::string what = e.what();
    if (size_t k = what.find(": "); k != std::string::npos) what = what.substr(k + 2);
    return Status::InvalidArgument(Problem::At(std::string(source), line, col, "JSON: " + what));
  } catch (const json::exception& e) {  // e.g. a number too large for a double
    std::string what = e.what();
    if (size_t k = what.find("] "); k != std::string::npos) what = what.substr(k + 2);
    Problem p;
    p.source = doc.source;
    p.message = "JSON: " + what;
    return Status::InvalidArgument(std::move(p));
  }
  return doc;
}

}  // namespace eucomply::risk
