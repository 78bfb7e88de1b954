#include "eucomply/messages.h"

#include <yaml-cpp/yaml.h>

#include <array>
#include <map>
#include <mutex>
#include <vector>

namespace eucomply {
namespace {

using Catalogue = std::map<std::string, std::array<std::string, 2>, std::less<>>;

size_t Placeholders(std::string_view s) {
  size_t n = 0;
  for (size_t i = 0; i + 1 < s.size(); ++i) {
    if (s[i] == '{' && s[i + 1] == '{') ++i;
    else if (s[i] == '{') ++n;
  }
  return n;
}

Problem At(std::string_view source, const YAML::Mark& m, std::string message) {
  return Problem::At(std::string(source), m.line + 1, m.column + 1, std::move(message));
}

// Reads catalogue text into `out` (when given), collecting every problem.
std::vector<Problem> Read(std::string_view yaml, std::string_view source, Catalogue* out) {
  std::vector<Problem> problems;
  YAML::Node root;
  try {
    root = YAML::Load(std::string(yaml));
  } catch (const YAML::Exception& e) {
    problems.push_back(At(source, e.mark, "YAML: " + e.msg));
    return problems;
  }
  if (!root.IsMap()) {
    problems.push_back(Problem::At(std::string(source), 1, 1, "the catalogue must be a map of id: {en, zh}"));
    return problems;
  }
  for (auto it = root.begin(); it != root.end(); ++it) {
    const std::string id = it->first.Scalar();
    const YAML::Node& v = it->second;
    if (!v.IsMap()) {
      problems.push_back(At(source, v.Mark(), "message '" + id + "' must be a map {en, zh}"));
      continue;
    }
    std::array<std::string, 2> text;
    bool ok = true;
    for (auto kv = v.begin(); kv != v.end(); ++kv) {
      const std::string lang = kv->first.Scalar();
      if (lang != "en" && lang != "zh") {
        problems.push_back(At(source, kv->first.Mark(), "message '" + id + "': unknown language '" + lang + "' (en, zh)"));
        ok = false;
      }
    }
    for (const char* lang : {"en", "zh"}) {
      const YAML::Node t = v[lang];
      if (!t || !t.IsScalar() || t.Scalar().empty()) {
        problems.push_back(At(source, v.Mark(), "message '" + id + "' has no " + lang + " text"));
        ok = false;
      } else {
        text[lang[0] == 'z' ? 1 : 0] = t.Scalar();
      }
    }
    if (ok && Placeholders(text[0]) != Placeholders(text[1])) {
      problems.push_back(At(source, v.Mark(), "message '" + id + "': en and zh have different {} placeholders"));
      ok = false;
    }
    if (ok && out) (*out)[id] = std::move(text);
  }
  return problems;
}

const Catalogue& TheCatalogue() {
  static const Catalogue kCatalogue = [] {
    Catalogue c;
    Read(MessageCatalogueText(), "knowledge/messages.yaml", &c);
    return c;
  }();
  return kCatalogue;
}

}  // namespace

const std::string& Msg(std::string_view id, Lang lang) {
  const Catalogue& c = TheCatalogue();
  auto it = c.find(id);
  if (it == c.end()) {
    static std::map<std::string, std::string, std::less<>> missing;
    static std::mutex mu;
    std::lock_guard<std::mutex> lock(mu);
    auto m = missing.find(id);
    if (m == missing.end()) m = missing.emplace(std::string(id), "{{" + std::string(id) + "}}").first;
    return m->second;
  }
  return it->second[lang == Lang::kZh ? 1 : 0];
}

Status CheckMessageCatalogue(std::string_view yaml, std::string_view source) {
  std::vector<Problem> problems = Read(yaml, source, nullptr);
  if (problems.empty()) return Status::Ok();
  return Status(StatusCode::kCorruption, std::move(problems));
}

}  // namespace eucomply
