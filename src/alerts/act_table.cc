#include "alerts/internal/act_table.h"

#include "common/find.h"

#include <cstdlib>
#include <set>
#include <utility>

#include <fmt/format.h>

#include "alerts/internal/yaml_file.h"
#include "eucomply/date.h"

namespace eucomply::alerts::internal {
namespace {

// "3" + year + L (directive) or R (regulation) + four digits: the only sectors and types
// the alerts cite.
bool IsCelex(std::string_view s) {
  if (s.size() != 10 || s[0] != '3' || (s[5] != 'L' && s[5] != 'R')) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (i != 5 && (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// The alias form the matcher compares against: lower-case ASCII letters and digits (or
// UTF-8 bytes) in words separated by single spaces.
bool IsAliasWords(std::string_view s) {
  if (s.empty() || s.front() == ' ' || s.back() == ' ') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c == ' ' && s[i - 1] == ' ') return false;
    const bool ok = c == ' ' || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    static_cast<unsigned char>(c) >= 0x80;
    if (!ok) return false;
  }
  return true;
}

// Collects every problem of one file, each placed at its node.
class Checker {
 public:
  explicit Checker(std::string path) : path_(std::move(path)) {}
  void Error(const YAML::Node& n, const std::string& message) {
    errors_.push_back(Placed(path_, n, message));
  }
  // The non-empty scalar under `key`, or "" after reporting it missing.
  std::string Text(const YAML::Node& n, const char* key) {
    const YAML::Node v = n[key];
    if (!v || !v.IsScalar() || v.Scalar().empty()) {
      Error(v ? v : n, fmt::format("missing '{}'", key));
      return "";
    }
    return v.Scalar();
  }
  std::vector<std::string>& errors() { return errors_; }

 private:
  std::string path_;
  std::vector<std::string> errors_;
};

void ReadVersions(Checker& c, const YAML::Node& n, NamedAct* act) {
  const YAML::Node versions = n["versions"];
  if (!versions || !versions.IsSequence() || versions.size() == 0) {
    c.Error(versions ? versions : n, "'versions' must be a non-empty list of {from, celex}");
    return;
  }
  for (const YAML::Node& v : versions) {
    if (!v.IsMap()) {
      c.Error(v, "a version is a mapping {from, celex}");
      continue;
    }
    ActVersion x;
    x.celex = c.Text(v, "celex");
    if (!x.celex.empty() && !IsCelex(x.celex)) c.Error(v["celex"], fmt::format("'{}' is not a CELEX number", x.celex));
    const bool first = act->versions.empty();
    if (v["from"]) x.from = v["from"].Scalar();
    if (first && !x.from.empty()) c.Error(v["from"], "the first version applies from the start: no 'from'");
    if (!first && !Date::Parse(x.from)) c.Error(v["from"] ? v["from"] : v, "'from' must be a date YYYY-MM-DD");
    if (!first && !x.from.empty() && x.from <= act->versions.back().from) {
      c.Error(v["from"], "versions must be in date order");
    }
    if (IsCelex(x.celex) && act->cite.find("(CELEX " + x.celex + ")") == std::string::npos) {
      c.Error(n["cite"] ? n["cite"] : n, fmt::format("'cite' does not name CELEX {}", x.celex));
    }
    act->versions.push_back(std::move(x));
  }
}

void ReadReplacedBy(Checker& c, const YAML::Node& n, NamedAct* act) {
  const YAML::Node r = n["replaced_by"];
  if (!r) return;
  if (!r.IsMap()) {
    c.Error(r, "'replaced_by' is a mapping {celex, name}");
    return;
  }
  act->replaced_by_celex = c.Text(r, "celex");
  if (!act->replaced_by_celex.empty() && !IsCelex(act->replaced_by_celex)) {
    c.Error(r["celex"], fmt::format("'{}' is not a CELEX number", act->replaced_by_celex));
  }
  if (r["name"]) act->replaced_by_name = r["name"].Scalar();
}

void ReadEntry(Checker& c, const YAML::Node& n, NamedAct* act) {
  static const std::set<std::string> kFields = {"key", "name", "cite", "versions", "replaced_by",
                                                "directive_aliases", "regulation_aliases"};
  for (const auto& kv : n) {
    if (!kFields.count(kv.first.Scalar())) c.Error(kv.first, fmt::format("unknown field '{}'", kv.first.Scalar()));
  }
  act->key = c.Text(n, "key");
  act->name = c.Text(n, "name");
  act->cite = c.Text(n, "cite");
  ReadVersions(c, n, act);
  ReadReplacedBy(c, n, act);
}

// Aliases point into `table->acts_`, so they are read once every act is in place.
void ReadAliases(Checker& c, const YAML::Node& n, const NamedAct* act, std::vector<ActAlias>* out,
                 std::set<std::pair<std::string, ActWord>>* seen) {
  for (auto [field, word] : {std::pair{"directive_aliases", ActWord::kDirective},
                             std::pair{"regulation_aliases", ActWord::kRegulation}}) {
    const YAML::Node list = n[field];
    if (!list) continue;
    if (!list.IsSequence()) {
      c.Error(list, fmt::format("'{}' is a list of words", field));
      continue;
    }
    for (const YAML::Node& a : list) {
      const std::string words = a.IsScalar() ? a.Scalar() : "";
      if (!IsAliasWords(words)) {
        c.Error(a, "an alias is lower-case words separated by single spaces");
        continue;
      }
      // Two acts under one spelling would make the match depend on the order of the file.
      if (!seen->insert({words, word}).second) {
        c.Error(a, fmt::format("alias '{}' is given twice", words));
        continue;
      }
      out->push_back(ActAlias{words, word, act});
    }
  }
}

}  // namespace

const NamedAct* ActTable::ByKey(std::string_view key) const { return FindBy(acts_, &NamedAct::key, key); }

const NamedAct* ActTable::ByCelex(std::string_view celex) const {
  for (const NamedAct& a : acts_) {
    for (const ActVersion& v : a.versions) {
      if (v.celex == celex) return &a;
    }
  }
  return nullptr;
}

Result<std::shared_ptr<const ActTable>> LoadActTable(const std::string& path) {
  Result<YAML::Node> loaded = LoadYamlFile(path);
  if (!loaded.ok()) return loaded.status();
  const YAML::Node root = *loaded;
  if (!root.IsMap() || !root["acts"] || !root["acts"].IsSequence()) {
    return Status::InvalidArgument(fmt::format("{}:1:1: expected a mapping with a list 'acts'", path));
  }
  auto table = std::make_shared<ActTable>();
  Checker c(path);
  std::set<std::string> keys, celexes;
  for (const YAML::Node& n : root["acts"]) {
    if (!n.IsMap()) {
      c.Error(n, "an act is a mapping {key, name, cite, versions, ...}");
      continue;
    }
    NamedAct act;
    ReadEntry(c, n, &act);
    if (!act.key.empty() && !keys.insert(act.key).second) c.Error(n["key"], fmt::format("key '{}' is given twice", act.key));
    for (const ActVersion& v : act.versions) {
      if (!v.celex.empty() && !celexes.insert(v.celex).second) {
        c.Error(n["versions"], fmt::format("CELEX {} belongs to two acts", v.celex));
      }
    }
    table->acts_.push_back(std::move(act));
  }
  std::set<std::pair<std::string, ActWord>> seen;
  size_t i = 0;
  for (const YAML::Node& n : root["acts"]) {
    if (!n.IsMap()) continue;
    const NamedAct& act = table->acts_[i++];
    ReadAliases(c, n, &act, &table->aliases_, &seen);
    if (!act.replaced_by_celex.empty() && act.replaced_by_name.empty() &&
        table->ByCelex(act.replaced_by_celex) == nullptr) {
      c.Error(n["replaced_by"], fmt::format("CELEX {} is not in this file: 'replaced_by' needs a 'name'",
                                            act.replaced_by_celex));
    }
  }
  if (!c.errors().empty()) return Status(StatusCode::kCorruption, std::move(c.errors()));
  return std::shared_ptr<const ActTable>(std::move(table));
}

Result<const ActTable*> BundledActTable() {
  static const Result<std::shared_ptr<const ActTable>> loaded = [] {
    const char* env = std::getenv("EUCOMPLY_KB");
    const std::string dir = env != nullptr && *env != '\0' ? env : EUCOMPLY_BUNDLED_KNOWLEDGE_DIR;
    return LoadActTable(dir + "/alerts/acts.yaml");
  }();
  if (!loaded.ok()) return loaded.status();
  return loaded->get();
}

}  // namespace eucomply::alerts::internal
