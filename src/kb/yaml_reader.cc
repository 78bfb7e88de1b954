#include "kb/yaml_reader.h"

#include <fmt/format.h>

#include <regex>

#include "eucomply/text.h"

namespace eucomply::kb {

std::optional<YamlFile> YamlReader::Parse(std::string path, std::string content) {
  YamlFile f{std::move(path), std::move(content), {}};
  try {
    f.root = YAML::Load(f.content);
  } catch (const YAML::Exception& e) {
    AddError(Problem::At(f.path, e.mark.line + 1, e.mark.column + 1, "YAML: " + e.msg));
    return std::nullopt;
  }
  if (!f.root.IsMap()) {
    AddError(Problem::At(f.path, 1, 1, "the file must hold a map"));
    return std::nullopt;
  }
  return f;
}

void YamlReader::Error(const std::string& file, const YAML::Mark& m, const std::string& msg) {
  AddError(Problem::At(file, m.line + 1, m.column + 1, msg));
}

void YamlReader::Error(const YamlFile& f, const YAML::Node& n, const std::string& msg) {
  Error(f.path, n.Mark(), msg);
}

SourcePos YamlReader::Pos(const YamlFile& f, const YAML::Node& n) const {
  return SourcePos{f.path, n.Mark().line + 1, n.Mark().column + 1};
}

bool YamlReader::CheckMap(const YamlFile& f, const YAML::Node& n, const std::string& what) {
  if (!n.IsMap()) {
    Error(f, n, fmt::format("{} must be a map", what));
    return false;
  }
  return true;
}

void YamlReader::CheckKeys(const YamlFile& f, const YAML::Node& n,
                           std::initializer_list<const char*> allowed) {
  for (auto it = n.begin(); it != n.end(); ++it) {
    std::string key = it->first.Scalar();
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Error(f, it->first, fmt::format("unknown key '{}' (allowed: {})", key, list));
    }
  }
}

void YamlReader::ForEachListItem(
    const std::vector<YamlFile>& files, const char* key, const char* what,
    const std::function<void(const YamlFile&, const YAML::Node&)>& item) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {key});
    YAML::Node list = f.root[key];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, fmt::format("expected '{}:' with a list", key));
      continue;
    }
    for (const auto& n : list) {
      if (CheckMap(f, n, what)) item(f, n);
    }
  }
}

std::optional<std::string> YamlReader::Str(const YamlFile& f, const YAML::Node& parent,
                                           const char* key, bool required) {
  YAML::Node n = parent[key];
  if (!n) {
    if (required) Error(f, parent, fmt::format("missing '{}'", key));
    return std::nullopt;
  }
  if (!n.IsScalar()) {
    Error(f, n, fmt::format("'{}' must be a string", key));
    return std::nullopt;
  }
  return n.Scalar();
}

bool YamlReader::Bool(const YamlFile& f, const YAML::Node& parent, const char* key, bool fallback) {
  YAML::Node n = parent[key];
  if (!n) return fallback;
  if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) {
    return n.Scalar() == "true";
  }
  Error(f, n, fmt::format("'{}' must be true or false", key));
  return fallback;
}

Text YamlReader::GetText(const YamlFile& f, const YAML::Node& parent, const char* key,
                         bool required) {
  YAML::Node n = parent[key];
  if (!n) {
    if (required) Error(f, parent, fmt::format("missing '{}' (a text with en and zh)", key));
    return Text{};
  }
  return ParseText(f, n, key);
}

Text YamlReader::ParseText(const YamlFile& f, const YAML::Node& n, const std::string& what,
                           bool check_keys) {
  Text t;
  if (!n.IsMap()) {
    Error(f, n, fmt::format("'{}' must be a text: {{en: ..., zh: ...}}", what));
    return t;
  }
  if (check_keys) CheckKeys(f, n, {"en", "zh"});
  for (const char* lang : {"en", "zh"}) {
    YAML::Node s = n[lang];
    if (!s || !s.IsScalar() || Trim(s.Scalar()).empty()) {
      Error(f, s ? s : n, fmt::format("'{}' needs a non-empty '{}' string", what, lang));
      continue;
    }
    (std::string(lang) == "en" ? t.en : t.zh) = s.Scalar();
  }
  return t;
}

std::optional<Date> YamlReader::GetDate(const YamlFile& f, const YAML::Node& parent,
                                        const char* key, bool required) {
  YAML::Node n = parent[key];
  if (!n) {
    if (required) Error(f, parent, fmt::format("missing '{}'", key));
    return std::nullopt;
  }
  auto d = n.IsScalar() ? Date::Parse(n.Scalar()) : std::nullopt;
  if (!d) Error(f, n, fmt::format("'{}' must be a date YYYY-MM-DD", key));
  return d;
}

std::string YamlReader::GetId(const YamlFile& f, const YAML::Node& parent, const char* key) {
  static const std::regex re("[a-z][a-z0-9_]*");
  auto id = Str(f, parent, key, true);
  if (!id) return "";
  if (!std::regex_match(*id, re)) {
    Error(f, parent[key], fmt::format("'{}' is not an identifier ([a-z][a-z0-9_]*)", *id));
  }
  return *id;
}

}  // namespace eucomply::kb
