// Loads the knowledge-base folder (docs/knowledge-format.md) and validates it as a whole.
// Every problem is collected with its file:line:col; loading fails if there is any.
#include <fmt/format.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <regex>
#include <set>
#include <sstream>

#include "eucomply/kb.h"
#include "eucomply/text.h"
#include "kb/condition_parser.h"
#include "kb/recogniser_model.h"

namespace eucomply {

namespace fs = std::filesystem;

class KnowledgeBaseLoader {
 public:
  explicit KnowledgeBaseLoader(std::string dir) : dir_(std::move(dir)) {
    kb_ = std::make_shared<KnowledgeBase>();
    kb_->dir_ = dir_;
  }

  Result<std::shared_ptr<const KnowledgeBase>> Run();

 private:
  struct File {
    std::string path;     // relative to dir_, for messages
    std::string content;
    YAML::Node root;
  };

  // ---- error helpers ----
  void Error(const std::string& file, const YAML::Mark& m, const std::string& msg) {
    errors_.push_back(fmt::format("{}:{}:{}: {}", file, m.line + 1, m.column + 1, msg));
  }
  void Error(const File& f, const YAML::Node& n, const std::string& msg) {
    Error(f.path, n.Mark(), msg);
  }
  SourcePos Pos(const File& f, const YAML::Node& n) {
    return SourcePos{f.path, n.Mark().line + 1, n.Mark().column + 1};
  }

  // ---- reading ----
  std::vector<File> ReadFolder(const std::string& sub, bool required);
  std::optional<File> ReadFile(const fs::path& p);

  // ---- typed field access; each reports its own error and returns a fallback ----
  bool CheckMap(const File& f, const YAML::Node& n, const std::string& what) {
    if (!n.IsMap()) {
      Error(f, n, fmt::format("{} must be a map", what));
      return false;
    }
    return true;
  }
  void CheckKeys(const File& f, const YAML::Node& n, std::initializer_list<const char*> allowed) {
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
  std::optional<std::string> Str(const File& f, const YAML::Node& parent, const char* key,
                                 bool required) {
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
  bool Bool(const File& f, const YAML::Node& parent, const char* key, bool fallback) {
    YAML::Node n = parent[key];
    if (!n) return fallback;
    if (n.IsScalar() && (n.Scalar() == "true" || n.Scalar() == "false")) {
      return n.Scalar() == "true";
    }
    Error(f, n, fmt::format("'{}' must be true or false", key));
    return fallback;
  }
  Text GetText(const File& f, const YAML::Node& parent, const char* key, bool required) {
    Text t;
    YAML::Node n = parent[key];
    if (!n) {
      if (required) Error(f, parent, fmt::format("missing '{}' (a text with en and zh)", key));
      return t;
    }
    return ParseText(f, n, key);
  }
  Text ParseText(const File& f, const YAML::Node& n, const std::string& what,
                 bool check_keys = true) {
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
  std::optional<Date> GetDate(const File& f, const YAML::Node& parent, const char* key,
                              bool required) {
    YAML::Node n = parent[key];
    if (!n) {
      if (required) Error(f, parent, fmt::format("missing '{}'", key));
      return std::nullopt;
    }
    auto d = n.IsScalar() ? Date::Parse(n.Scalar()) : std::nullopt;
    if (!d) Error(f, n, fmt::format("'{}' must be a date YYYY-MM-DD", key));
    return d;
  }
  bool IsIdentifier(const std::string& s) {
    static const std::regex re("[a-z][a-z0-9_]*");
    return std::regex_match(s, re);
  }
  std::string GetId(const File& f, const YAML::Node& parent, const char* key = "id") {
    auto id = Str(f, parent, key, true);
    if (!id) return "";
    if (!IsIdentifier(*id)) {
      Error(f, parent[key], fmt::format("'{}' is not an identifier ([a-z][a-z0-9_]*)", *id));
    }
    return *id;
  }
  void ReadSourced(const File& f, const YAML::Node& n, Sourced* s, bool cite_required) {
    s->pos = Pos(f, n);
    s->unconfirmed = Bool(f, n, "unconfirmed", false);
    if (auto note = Str(f, n, "note", false)) s->note = *note;
    if (auto c = Str(f, n, "cite", cite_required)) {
      ParseCite(f, n["cite"], *c, &s->cite);
    }
  }
  bool ParseCite(const File& f, const YAML::Node& n, const std::string& text, Citation* out) {
    std::string_view t = Trim(text);
    size_t sp = t.find(' ');
    if (sp == std::string_view::npos || Trim(t.substr(sp)).empty()) {
      Error(f, n, fmt::format("citation '{}' must be '<CELEX> <article/annex>'", text));
      return false;
    }
    out->celex = std::string(t.substr(0, sp));
    out->reference = std::string(Trim(t.substr(sp)));
    if (!known_documents_.count(out->celex)) {
      Error(f, n, fmt::format("citation names '{}', which is neither an act in acts/ nor a "
                              "document in sources.yaml",
                              out->celex));
      return false;
    }
    return true;
  }

  // Compiles a `when:` condition; errors point inside the string.
  kb::Expr Condition(const File& f, const YAML::Node& n) {
    kb::Expr e;
    if (!n.IsScalar()) {
      Error(f, n, "'when' must be a condition string");
      return e;
    }
    std::vector<kb::ConditionError> errs;
    if (!kb::ParseCondition(n.Scalar(), cond_env_, &e, &errs)) {
      const YAML::Mark m = n.Mark();
      int shift = 0;
      if (m.pos >= 0 && static_cast<size_t>(m.pos) < f.content.size() &&
          (f.content[m.pos] == '"' || f.content[m.pos] == '\'')) {
        shift = 1;
      }
      for (const auto& err : errs) {
        // Multi-line plain scalars fold newlines; the column is exact for one-line ones.
        errors_.push_back(fmt::format("{}:{}:{}: condition: {}", f.path, m.line + 1,
                                      m.column + 1 + shift + static_cast<int>(err.offset),
                                      err.message));
      }
      e = kb::Expr{};
      e.source = n.Scalar();
    }
    return e;
  }
  std::optional<std::pair<int, Value>> ParseAssignment(const File& f, const YAML::Node& key,
                                                       const YAML::Node& val);

  // ---- sections ----
  void LoadAttributes(const std::vector<File>& files);
  void LoadCategories(const std::vector<File>& files);
  void LoadSources(const std::vector<File>& files);
  void IndexActs(const std::vector<File>& files);
  void LoadRoles(const std::vector<File>& files);
  void LoadStandards(const std::vector<File>& files);
  void LoadStandardFits(const std::vector<File>& files);
  void LoadHarmonisedLists();
  void LoadActBodies(const std::vector<File>& files);
  void LoadAct(const File& f, const YAML::Node& n, Act* act);
  std::vector<Rule> LoadRules(const File& f, const YAML::Node& parent, const char* key,
                              std::set<std::string>* ids);
  void LoadLexicon(const std::vector<File>& files);
  void OrderActs();
  void CollectThresholds();

  std::string dir_;
  std::shared_ptr<KnowledgeBase> kb_;
  std::vector<std::string> errors_;
  std::set<std::string> known_documents_;
  kb::ConditionEnv cond_env_;
  std::vector<std::pair<const File*, YAML::Node>> act_nodes_;
  std::vector<std::vector<std::string>> category_parent_names_;
  std::vector<std::pair<std::string, YAML::Node>> unresolved_standards_;
};

std::optional<KnowledgeBaseLoader::File> KnowledgeBaseLoader::ReadFile(const fs::path& p) {
  File f;
  f.path = fs::relative(p, dir_).generic_string();
  f.path = fs::path(dir_).filename().generic_string() + "/" + f.path;
  std::ifstream in(p, std::ios::binary);
  if (!in) {
    errors_.push_back(fmt::format("{}:1:1: cannot read the file", f.path));
    return std::nullopt;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  f.content = ss.str();
  try {
    f.root = YAML::Load(f.content);
  } catch (const YAML::Exception& e) {
    errors_.push_back(
        fmt::format("{}:{}:{}: YAML: {}", f.path, e.mark.line + 1, e.mark.column + 1, e.msg));
    return std::nullopt;
  }
  if (!f.root.IsMap()) {
    errors_.push_back(fmt::format("{}:1:1: the file must hold a map", f.path));
    return std::nullopt;
  }
  return f;
}

std::vector<KnowledgeBaseLoader::File> KnowledgeBaseLoader::ReadFolder(const std::string& sub,
                                                                        bool required) {
  std::vector<File> files;
  fs::path p = fs::path(dir_) / sub;
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    if (auto f = ReadFile(p)) files.push_back(std::move(*f));
    return files;
  }
  if (!fs::is_directory(p, ec)) {
    if (required) errors_.push_back(fmt::format("{}: missing (required)", (fs::path(dir_) / sub).string()));
    return files;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(p, ec)) {
    if (e.is_regular_file() && (e.path().extension() == ".yaml" || e.path().extension() == ".yml"))
      paths.push_back(e.path());
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) {
    if (auto f = ReadFile(path)) files.push_back(std::move(*f));
  }
  return files;
}

void KnowledgeBaseLoader::LoadAttributes(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"attributes"});
    YAML::Node list = f.root["attributes"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'attributes:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "an attribute")) continue;
      CheckKeys(f, n, {"id", "type", "unit", "label", "question", "why", "priority", "values"});
      Attribute a;
      a.pos = Pos(f, n);
      a.id = GetId(f, n);
      if (a.id == "category") Error(f, n["id"], "'category' is reserved");
      auto type = Str(f, n, "type", true);
      if (type == "bool") a.type = AttrType::kBool;
      else if (type == "number") a.type = AttrType::kNumber;
      else if (type == "enum") a.type = AttrType::kEnum;
      else if (type == "set") a.type = AttrType::kSet;
      else if (type) Error(f, n["type"], fmt::format("unknown type '{}' (bool, number, enum, set)", *type));
      if (auto unit = Str(f, n, "unit", false)) {
        auto u = LookupUnit(*unit);
        if (a.type != AttrType::kNumber) Error(f, n["unit"], "only number attributes have a unit");
        else if (!u) Error(f, n["unit"], fmt::format("unknown unit '{}'", *unit));
        else if (u->to_canonical != 1) {
          Error(f, n["unit"], fmt::format("'{}' is not a canonical unit; use {}", *unit,
                                          CanonicalUnit(u->dimension)));
        } else {
          a.dimension = u->dimension;
        }
      }
      a.label = GetText(f, n, "label", true);
      a.question = GetText(f, n, "question", true);
      a.why = GetText(f, n, "why", true);
      if (YAML::Node p = n["priority"]) {
        try {
          a.priority = p.as<int>();
          if (a.priority < 0 || a.priority > 100) Error(f, p, "'priority' must be 0..100");
        } catch (const YAML::Exception&) {
          Error(f, p, "'priority' must be a whole number");
        }
      }
      YAML::Node vals = n["values"];
      if (a.type == AttrType::kEnum || a.type == AttrType::kSet) {
        if (!vals || !vals.IsSequence() || vals.size() == 0) {
          Error(f, n, "enum and set attributes need a non-empty 'values' list");
        } else if (vals.size() > 64) {
          Error(f, vals, "at most 64 values");
        } else {
          std::set<std::string> seen;
          for (const auto& v : vals) {
            if (!CheckMap(f, v, "a value")) continue;
            CheckKeys(f, v, {"id", "en", "zh"});
            EnumValue ev;
            ev.id = GetId(f, v);
            if (!seen.insert(ev.id).second) Error(f, v, fmt::format("value '{}' twice", ev.id));
            ev.label = ParseText(f, v, "value " + ev.id, /*check_keys=*/false);
            a.values.push_back(std::move(ev));
          }
        }
      } else if (vals) {
        Error(f, vals, "only enum and set attributes have 'values'");
      }
      if (kb_->attribute_index_.count(a.id)) {
        Error(f, n, fmt::format("attribute '{}' is declared twice (first at {})", a.id,
                                kb_->attributes_[kb_->attribute_index_[a.id]].pos.ToString()));
        continue;
      }
      kb_->attribute_index_[a.id] = static_cast<int>(kb_->attributes_.size());
      kb_->attributes_.push_back(std::move(a));
    }
  }
}

std::optional<std::pair<int, Value>> KnowledgeBaseLoader::ParseAssignment(const File& f,
                                                                          const YAML::Node& key,
                                                                          const YAML::Node& val) {
  std::string name = key.Scalar();
  int a = kb_->FindAttribute(name);
  if (a < 0) {
    Error(f, key, fmt::format("unknown attribute '{}'", name));
    return std::nullopt;
  }
  const Attribute& attr = kb_->attributes_[a];
  Result<Value> v = Status::InvalidArgument("");
  if (val.IsSequence()) {
    if (attr.type != AttrType::kSet) {
      Error(f, val, fmt::format("'{}' is a {}, not a set", name, AttrTypeName(attr.type)));
      return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const auto& x : val) ids.push_back(x.Scalar());
    v = MakeSetValue(attr, ids);
  } else if (val.IsScalar()) {
    v = ParseAttributeValue(attr, val.Scalar());
  } else {
    Error(f, val, fmt::format("'{}': expected a value", name));
    return std::nullopt;
  }
  if (!v.ok()) {
    Error(f, val, v.status().message());
    return std::nullopt;
  }
  return std::make_pair(a, *v);
}

void KnowledgeBaseLoader::LoadCategories(const std::vector<File>& files) {
  std::vector<std::pair<const File*, YAML::Node>> nodes;
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"categories"});
    YAML::Node list = f.root["categories"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'categories:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "a category")) continue;
      CheckKeys(f, n, {"id", "parent", "parents", "name", "safety_gate", "defaults"});
      Category c;
      c.pos = Pos(f, n);
      c.id = GetId(f, n);
      c.name = GetText(f, n, "name", true);
      if (n["parent"] && n["parents"]) Error(f, n, "use 'parent' or 'parents', not both");
      std::vector<std::string> parents;
      if (YAML::Node p = n["parent"]) {
        if (p.IsScalar()) parents.push_back(p.Scalar());
        else Error(f, p, "'parent' must be one category id");
      }
      if (YAML::Node p = n["parents"]) {
        if (!p.IsSequence()) Error(f, p, "'parents' must be a list");
        else for (const auto& x : p) parents.push_back(x.Scalar());
      }
      if (YAML::Node sg = n["safety_gate"]) {
        if (!sg.IsSequence()) Error(f, sg, "'safety_gate' must be a list of names");
        else for (const auto& x : sg) c.safety_gate.push_back(x.Scalar());
      }
      if (kb_->category_index_.count(c.id)) {
        Error(f, n, fmt::format("category '{}' is declared twice (first at {})", c.id,
                                kb_->categories_[kb_->category_index_[c.id]].pos.ToString()));
        continue;
      }
      kb_->category_index_[c.id] = static_cast<int>(kb_->categories_.size());
      c.parent_ids = parents;
      kb_->categories_.push_back(std::move(c));
      nodes.emplace_back(&f, n);
    }
  }
  const int n_cat = static_cast<int>(kb_->categories_.size());
  std::vector<std::vector<int>> parents(n_cat);
  int roots = 0;
  for (int i = 0; i < n_cat; ++i) {
    const File& f = *nodes[i].first;
    const YAML::Node& n = nodes[i].second;
    Category& c = kb_->categories_[i];
    if (c.parent_ids.empty()) ++roots;
    for (const auto& p : c.parent_ids) {
      int pi = kb_->FindCategory(p);
      if (pi < 0) Error(f, n, fmt::format("category '{}': unknown parent '{}'", c.id, p));
      else parents[i].push_back(pi);
    }
    if (YAML::Node d = n["defaults"]) {
      if (!d.IsMap()) {
        Error(f, d, "'defaults' must be a map of attribute: value");
      } else {
        for (auto it = d.begin(); it != d.end(); ++it) {
          if (auto a = ParseAssignment(f, it->first, it->second)) c.defaults.push_back(*a);
        }
      }
    }
  }
  if (n_cat > 0 && roots != 1) {
    errors_.push_back(fmt::format("{}/categories: exactly one root category expected, found {}",
                                  fs::path(dir_).filename().string(), roots));
  }
  // Ancestors by depth-first search with cycle detection; defaults nearest-first.
  const size_t words = (n_cat + 63) / 64;
  kb_->ancestors_.assign(n_cat, std::vector<uint64_t>(words, 0));
  kb_->defaults_.assign(n_cat, {});
  std::vector<int> state(n_cat, 0);  // 0 new, 1 in progress, 2 done
  std::function<void(int)> visit = [&](int c) {
    if (state[c] == 2) return;
    if (state[c] == 1) {
      errors_.push_back(fmt::format("{}: category '{}' is its own ancestor (a cycle)",
                                    kb_->categories_[c].pos.ToString(), kb_->categories_[c].id));
      return;
    }
    state[c] = 1;
    auto& anc = kb_->ancestors_[c];
    anc[c >> 6] |= uint64_t{1} << (c & 63);
    auto& defs = kb_->defaults_[c];
    defs = kb_->categories_[c].defaults;
    for (int p : parents[c]) {
      visit(p);
      if (state[p] != 2) continue;
      for (size_t w = 0; w < words; ++w) anc[w] |= kb_->ancestors_[p][w];
      for (const auto& [attr, val] : kb_->defaults_[p]) {
        bool have = false;
        for (const auto& d : defs) have = have || d.first == attr;
        if (!have) defs.emplace_back(attr, val);
      }
    }
    state[c] = 2;
  };
  for (int i = 0; i < n_cat; ++i) visit(i);
  // A Safety Gate name maps to one category; a subcategory may repeat its ancestor's name
  // (the index keeps the most general), but two unrelated categories may not share one.
  for (int i = 0; i < n_cat; ++i) {
    for (const auto& name : kb_->categories_[i].safety_gate) {
      auto [it, inserted] = kb_->safety_gate_index_.emplace(name, i);
      if (inserted || it->second == i) continue;
      if (state[i] == 2 && state[it->second] == 2 && kb_->IsA(it->second, i)) {
        it->second = i;
      } else if (!(state[i] == 2 && state[it->second] == 2 && kb_->IsA(i, it->second))) {
        Error(*nodes[i].first, nodes[i].second,
              fmt::format("Safety Gate name '{}' already maps to '{}', which is not an "
                          "ancestor or descendant of '{}'",
                          name, kb_->categories_[it->second].id, kb_->categories_[i].id));
      }
    }
  }
}

void KnowledgeBaseLoader::LoadSources(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"sources"});
    YAML::Node list = f.root["sources"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'sources:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "a source")) continue;
      CheckKeys(f, n, {"id", "title", "url"});
      SourceDoc s;
      s.pos = Pos(f, n);
      if (auto id = Str(f, n, "id", true)) s.id = *id;
      s.title = GetText(f, n, "title", true);
      if (auto url = Str(f, n, "url", false)) s.url = *url;
      if (!known_documents_.insert(s.id).second) {
        Error(f, n, fmt::format("source '{}' is declared twice", s.id));
        continue;
      }
      kb_->sources_.push_back(std::move(s));
    }
  }
}

void KnowledgeBaseLoader::IndexActs(const std::vector<File>& files) {
  static const std::regex celex_re("[0-9][0-9]{4}[A-Z]{1,2}[0-9]{4}(\\([0-9]+\\))?");
  static const std::regex short_re("[A-Za-z0-9_]+");
  for (const auto& f : files) {
    Act act;
    act.pos = Pos(f, f.root);
    auto celex = Str(f, f.root, "celex", true);
    auto short_name = Str(f, f.root, "short_name", true);
    if (!celex || !short_name) continue;
    if (!std::regex_match(*celex, celex_re)) {
      Error(f, f.root["celex"], fmt::format("'{}' is not a CELEX number (e.g. 32014L0035)", *celex));
    }
    if (!std::regex_match(*short_name, short_re)) {
      Error(f, f.root["short_name"], fmt::format("short name '{}' must be [A-Za-z0-9_]+", *short_name));
    }
    if (kb_->act_index_.count(*celex) || kb_->act_index_.count(*short_name)) {
      Error(f, f.root, fmt::format("act {} / {} is declared twice", *celex, *short_name));
      continue;
    }
    act.celex = *celex;
    act.short_name = *short_name;
    int idx = static_cast<int>(kb_->acts_.size());
    kb_->act_index_[act.celex] = idx;
    kb_->act_index_[act.short_name] = idx;
    known_documents_.insert(act.celex);
    kb_->acts_.push_back(std::move(act));
    act_nodes_.emplace_back(&f, f.root);
  }
}

void KnowledgeBaseLoader::LoadRoles(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"roles"});
    YAML::Node list = f.root["roles"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'roles:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "a role")) continue;
      CheckKeys(f, n, {"id", "name", "definition", "cite", "unconfirmed", "note"});
      Role r;
      r.id = GetId(f, n);
      r.name = GetText(f, n, "name", true);
      r.definition = GetText(f, n, "definition", true);
      ReadSourced(f, n, &r, true);
      if (kb_->role_index_.count(r.id)) {
        Error(f, n, fmt::format("role '{}' is declared twice", r.id));
        continue;
      }
      kb_->role_index_[r.id] = static_cast<int>(kb_->roles_.size());
      kb_->roles_.push_back(std::move(r));
    }
  }
}

void KnowledgeBaseLoader::LoadStandards(const std::vector<File>& files) {
  std::vector<std::pair<const File*, YAML::Node>> nodes;
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"standards"});
    YAML::Node list = f.root["standards"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'standards:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "a standard")) continue;
      CheckKeys(f, n, {"id", "ref", "title", "acts", "oj_date", "superseded_by",
                       "presumption_until", "cite", "unconfirmed", "note"});
      Standard s;
      s.id = GetId(f, n);
      if (auto ref = Str(f, n, "ref", true)) s.ref = *ref;
      s.title = GetText(f, n, "title", true);
      ReadSourced(f, n, &s, true);
      YAML::Node acts = n["acts"];
      if (!acts || !acts.IsSequence() || acts.size() == 0) {
        Error(f, n, "'acts' must list at least one act (CELEX) the standard is cited under");
      } else {
        for (const auto& a : acts) {
          if (kb_->FindAct(a.Scalar()) < 0) {
            Error(f, a, fmt::format("standard '{}': unknown act '{}'", s.id, a.Scalar()));
          } else {
            s.acts.push_back(kb_->acts_[kb_->FindAct(a.Scalar())].celex);
          }
        }
      }
      s.oj_date = GetDate(f, n, "oj_date", false);
      s.presumption_until = GetDate(f, n, "presumption_until", false);
      if (auto sup = Str(f, n, "superseded_by", false)) s.superseded_by = *sup;
      if (kb_->standard_index_.count(s.id)) {
        Error(f, n, fmt::format("standard '{}' is declared twice", s.id));
        continue;
      }
      kb_->standard_index_[s.id] = static_cast<int>(kb_->standards_.size());
      kb_->standards_.push_back(std::move(s));
      nodes.emplace_back(&f, n);
    }
  }
  for (size_t i = 0; i < nodes.size(); ++i) {
    const Standard& s = kb_->standards_[i];
    if (!s.superseded_by.empty() && kb_->FindStandard(s.superseded_by) < 0) {
      Error(*nodes[i].first, nodes[i].second["superseded_by"],
            fmt::format("unknown standard '{}'", s.superseded_by));
    }
  }
}

std::vector<Rule> KnowledgeBaseLoader::LoadRules(const File& f, const YAML::Node& parent,
                                                 const char* key, std::set<std::string>* ids) {
  std::vector<Rule> rules;
  YAML::Node list = parent[key];
  if (!list) return rules;
  if (!list.IsSequence()) {
    Error(f, list, fmt::format("'{}' must be a list of rules", key));
    return rules;
  }
  for (const auto& n : list) {
    if (!CheckMap(f, n, "a rule")) continue;
    CheckKeys(f, n, {"id", "when", "text", "cite", "unconfirmed", "note"});
    Rule r;
    r.id = GetId(f, n);
    if (!r.id.empty() && !ids->insert(r.id).second) {
      Error(f, n["id"], fmt::format("rule id '{}' is used twice in this act", r.id));
    }
    ReadSourced(f, n, &r, true);
    r.text = GetText(f, n, "text", true);
    if (YAML::Node w = n["when"]) {
      r.when = Condition(f, w);
      // known(x) is false, never unknown, when x is not given: in a scope rule it would turn
      // "not known" into "does not apply". Scope rules say what brings a product in; what is
      // not known leaves the act undetermined (exclusions may still test known()).
      if (std::string_view(key) == "scope") {
        for (const kb::Node& node : r.when.nodes) {
          if (node.op == kb::Op::kKnown) {
            Error(f, w, fmt::format("scope rule '{}' uses known({}): a scope condition must not turn an "
                                    "unknown fact into \"does not apply\"; test the fact itself, and "
                                    "state what a kind of product is not in its category defaults",
                                    r.id, kb_->attributes_[node.attr].id));
            break;
          }
        }
      }
    } else {
      Error(f, n, "missing 'when'");
    }
    rules.push_back(std::move(r));
  }
  return rules;
}

void KnowledgeBaseLoader::LoadAct(const File& f, const YAML::Node& root, Act* act) {
  CheckKeys(f, root, {"celex", "short_name", "number", "kind", "title", "summary", "harmonised",
                      "ce_marking", "ce_marking_cite", "dates", "milestones", "scope",
                      "exclusions", "notes", "obligations"});
  if (auto v = Str(f, root, "number", true)) act->number = *v;
  if (auto v = Str(f, root, "kind", true)) {
    static const std::set<std::string> kinds = {"directive", "regulation", "decision",
                                                "delegated_regulation",
                                                "implementing_regulation",
                                                "delegated_directive"};
    if (!kinds.count(*v)) Error(f, root["kind"], fmt::format("unknown act kind '{}'", *v));
    act->kind = *v;
  }
  act->title = GetText(f, root, "title", true);
  act->summary = GetText(f, root, "summary", true);
  act->harmonised = Bool(f, root, "harmonised", false);
  if (!root["ce_marking"]) Error(f, root, "missing 'ce_marking' (true or false)");
  act->ce_marking = Bool(f, root, "ce_marking", false);
  if (auto c = Str(f, root, "ce_marking_cite", false)) {
    Citation cite;
    if (ParseCite(f, root["ce_marking_cite"], *c, &cite)) act->ce_marking_cite = cite;
  } else if (act->ce_marking) {
    Error(f, root["ce_marking"], "'ce_marking: true' needs 'ce_marking_cite'");
  }
  if (YAML::Node d = root["dates"]) {
    if (CheckMap(f, d, "'dates'")) {
      CheckKeys(f, d, {"entry_into_force", "applies_from", "applies_until"});
      auto dated = [&](const char* key, std::optional<DatedFact>* out) {
        YAML::Node n = d[key];
        if (!n) return;
        if (!CheckMap(f, n, key)) return;
        CheckKeys(f, n, {"date", "cite", "unconfirmed", "note", "successor"});
        DatedFact df;
        ReadSourced(f, n, &df, true);
        if (auto date = GetDate(f, n, "date", true)) df.date = *date;
        if (auto s = Str(f, n, "successor", false)) {
          if (std::string(key) != "applies_until") Error(f, n["successor"], "only applies_until has a successor");
          if (kb_->FindAct(*s) < 0) Error(f, n["successor"], fmt::format("unknown successor act '{}'", *s));
          else df.successor = kb_->acts_[kb_->FindAct(*s)].celex;
        }
        *out = df;
      };
      dated("entry_into_force", &act->entry_into_force);
      dated("applies_from", &act->applies_from);
      dated("applies_until", &act->applies_until);
      if (act->applies_from && act->applies_until && act->applies_until->date < act->applies_from->date) {
        Error(f, d, "applies_until is before applies_from");
      }
    }
  }
  if (YAML::Node ms = root["milestones"]) {
    if (!ms.IsSequence()) Error(f, ms, "'milestones' must be a list");
    else {
      for (const auto& n : ms) {
        if (!CheckMap(f, n, "a milestone")) continue;
        CheckKeys(f, n, {"id", "date", "text", "cite", "unconfirmed", "note"});
        Milestone m;
        m.id = GetId(f, n);
        ReadSourced(f, n, &m, true);
        if (auto date = GetDate(f, n, "date", true)) m.date = *date;
        m.text = GetText(f, n, "text", true);
        act->milestones.push_back(std::move(m));
      }
    }
  }
  std::set<std::string> rule_ids;
  act->scope = LoadRules(f, root, "scope", &rule_ids);
  if (act->scope.empty()) Error(f, root, "an act needs at least one 'scope' rule");
  act->exclusions = LoadRules(f, root, "exclusions", &rule_ids);
  act->notes = LoadRules(f, root, "notes", &rule_ids);
  YAML::Node obs = root["obligations"];
  if (obs && !obs.IsSequence()) Error(f, obs, "'obligations' must be a list");
  if (obs && obs.IsSequence()) {
    static const std::set<std::string> kinds = {
        "conformity", "documentation", "declaration", "marking",   "labelling", "instructions",
        "information", "operator",     "registration", "substance", "design"};
    std::set<std::string> ob_ids;
    for (const auto& n : obs) {
      if (!CheckMap(f, n, "an obligation")) continue;
      CheckKeys(f, n, {"id", "kind", "role", "text", "cite", "when", "from", "until", "modules",
                       "notified_body", "standards", "languages", "unconfirmed", "note"});
      Obligation o;
      o.id = GetId(f, n);
      if (!o.id.empty() && !ob_ids.insert(o.id).second) {
        Error(f, n["id"], fmt::format("obligation id '{}' is used twice in this act", o.id));
      }
      ReadSourced(f, n, &o, true);
      if (auto k = Str(f, n, "kind", true)) {
        if (!kinds.count(*k)) Error(f, n["kind"], fmt::format("unknown obligation kind '{}'", *k));
        o.kind = *k;
      }
      if (auto r = Str(f, n, "role", true)) {
        if (!kb_->FindRole(*r)) Error(f, n["role"], fmt::format("unknown role '{}'", *r));
        o.role = *r;
      }
      o.text = GetText(f, n, "text", true);
      if (YAML::Node w = n["when"]) o.when = Condition(f, w);
      o.from = GetDate(f, n, "from", false);
      o.until = GetDate(f, n, "until", false);
      if (YAML::Node m = n["modules"]) {
        static const std::regex mod_re("(A|A1|A2|B|C|C1|C2|D|D1|E|E1|F|F1|G|H|H1)(\\+(A|A1|A2|C|C1|C2|D|E|F))?");
        if (!m.IsSequence()) Error(f, m, "'modules' must be a list");
        else for (const auto& x : m) {
          if (!std::regex_match(x.Scalar(), mod_re)) Error(f, x, fmt::format("unknown module '{}'", x.Scalar()));
          o.modules.push_back(x.Scalar());
        }
      }
      if (auto nb = Str(f, n, "notified_body", false)) {
        if (*nb == "required") o.notified_body = NotifiedBody::kRequired;
        else if (*nb == "optional") o.notified_body = NotifiedBody::kOptional;
        else if (*nb == "not_required") o.notified_body = NotifiedBody::kNotRequired;
        else if (*nb == "depends") o.notified_body = NotifiedBody::kDepends;
        else Error(f, n["notified_body"], fmt::format("unknown notified_body '{}' (required, optional, not_required, depends)", *nb));
      }
      if (YAML::Node st = n["standards"]) {
        if (!st.IsSequence()) Error(f, st, "'standards' must be a list of standard ids");
        else for (const auto& x : st) {
          int si = kb_->FindStandard(x.Scalar());
          if (si < 0) Error(f, x, fmt::format("unknown standard '{}'", x.Scalar()));
          else o.standards.push_back(si);
        }
      }
      if (n["languages"]) o.languages = GetText(f, n, "languages", false);
      act->obligations.push_back(std::move(o));
    }
  }
}

void KnowledgeBaseLoader::LoadStandardFits(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"fits"});
    YAML::Node list = f.root["fits"];
    if (!list || !list.IsSequence()) {
      Error(f, f.root, "expected 'fits:' with a list");
      continue;
    }
    for (const auto& n : list) {
      if (!CheckMap(f, n, "a standard fit")) continue;
      CheckKeys(f, n, {"number", "act", "role", "categories", "when", "why", "standard", "ref", "title",
                       "source", "cite", "unconfirmed", "note"});
      StandardFit x;
      ReadSourced(f, n, &x, false);
      if (auto a = Str(f, n, "act", true)) {
        x.act = kb_->FindAct(*a);
        if (x.act < 0) Error(f, n["act"], fmt::format("unknown act '{}'", *a));
      }
      x.role = Str(f, n, "role", true).value_or("");
      if (x.role != "product" && x.role != "general" && x.role != "horizontal" && x.role != "customary") {
        Error(f, n["role"] ? n["role"] : n, "role must be product, general, horizontal or customary");
      }
      if (YAML::Node c = n["categories"]) {
        if (!c.IsSequence()) Error(f, c, "'categories' must be a list of category ids");
        else {
          for (const auto& id : c) {
            int k = kb_->FindCategory(id.Scalar());
            if (k < 0) Error(f, id, fmt::format("unknown category '{}'", id.Scalar()));
            else x.categories.push_back(k);
          }
        }
      }
      if (YAML::Node w = n["when"]) x.when = Condition(f, w);
      x.why = GetText(f, n, "why", true);
      x.source = Str(f, n, "source", true).value_or("");
      if (auto st = Str(f, n, "standard", false)) {
        x.standard = kb_->FindStandard(*st);
        if (x.standard < 0) Error(f, n["standard"], fmt::format("unknown standard '{}' (standards/*.yaml)", *st));
      }
      x.number = Str(f, n, "number", false).value_or("");
      x.ref = Str(f, n, "ref", false).value_or("");
      if (n["title"]) x.title = GetText(f, n, "title", false);
      if (x.role == "customary" ? x.ref.empty() : (x.number.empty() && x.standard < 0)) {
        Error(f, n, x.role == "customary" ? "a customary test needs 'ref' and 'title'"
                                          : "a fit needs 'number' (of the OJ list) or 'standard'");
      }
      if (x.categories.empty() && x.when.empty()) Error(f, n, "a fit needs 'categories' or 'when'");
      kb_->standard_fits_.push_back(std::move(x));
    }
  }
}

void KnowledgeBaseLoader::LoadHarmonisedLists() {
  const fs::path dir = fs::path(dir_) / "standards" / "harmonised";
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return;
  auto lists = standards::LoadLists(dir.string());
  if (!lists.ok()) {
    for (const std::string& m : lists.status().messages()) errors_.push_back(m);
    return;
  }
  kb_->harmonised_ = std::make_shared<const std::map<std::string, standards::ActList>>(std::move(*lists));
  // Each fit's rows: those of its act's list with the same standard number.
  for (StandardFit& x : kb_->standard_fits_) {
    if (x.number.empty() || x.act < 0) continue;
    auto it = kb_->harmonised_->find(kb_->acts_[x.act].celex);
    if (it == kb_->harmonised_->end()) continue;
    for (const standards::ListedStandard& r : it->second.rows) {
      if (standards::StandardNumber(r.ref) == x.number) x.rows.push_back(&r);
    }
  }
}

void KnowledgeBaseLoader::LoadActBodies(const std::vector<File>& /*files*/) {
  for (size_t i = 0; i < act_nodes_.size(); ++i) {
    LoadAct(*act_nodes_[i].first, act_nodes_[i].second, &kb_->acts_[i]);
  }
}

void KnowledgeBaseLoader::LoadLexicon(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"lexicon", "units"});
    if (YAML::Node list = f.root["lexicon"]) {
      if (!list.IsSequence()) {
        Error(f, list, "'lexicon' must be a list");
      } else {
        for (const auto& n : list) {
          if (!CheckMap(f, n, "a lexicon entry")) continue;
          CheckKeys(f, n, {"terms", "category", "set"});
          LexiconEntry e;
          e.pos = Pos(f, n);
          YAML::Node terms = n["terms"];
          if (!terms || !terms.IsSequence() || terms.size() == 0) {
            Error(f, n, "'terms' must be a non-empty list");
          } else {
            for (const auto& t : terms) {
              std::string term = AsciiLower(Trim(t.Scalar()));
              if (term.empty()) Error(f, t, "empty term");
              else e.terms.push_back(term);
            }
          }
          if (auto c = Str(f, n, "category", false)) {
            e.category = kb_->FindCategory(*c);
            if (e.category < 0) Error(f, n["category"], fmt::format("unknown category '{}'", *c));
          }
          if (YAML::Node s = n["set"]) {
            if (!s.IsMap()) Error(f, s, "'set' must be a map of attribute: value");
            else for (auto it = s.begin(); it != s.end(); ++it) {
              if (auto a = ParseAssignment(f, it->first, it->second)) e.set.push_back(*a);
            }
          }
          if (e.category < 0 && e.set.empty()) Error(f, n, "a lexicon entry needs 'category' or 'set'");
          kb_->lexicon_.push_back(std::move(e));
        }
      }
    }
    if (YAML::Node units = f.root["units"]) {
      if (!units.IsSequence()) {
        Error(f, units, "'units' must be a list");
        continue;
      }
      for (const auto& n : units) {
        if (!CheckMap(f, n, "a unit mapping")) continue;
        CheckKeys(f, n, {"unit_dimension", "attribute", "attribute_ac", "attribute_dc"});
        UnitMapping m;
        auto dim = Str(f, n, "unit_dimension", true);
        bool found = false;
        for (int d = 0; d <= static_cast<int>(Dimension::kFrequency); ++d) {
          if (dim && *dim == DimensionName(static_cast<Dimension>(d))) {
            m.dimension = static_cast<Dimension>(d);
            found = true;
          }
        }
        if (dim && !found) Error(f, n["unit_dimension"], fmt::format("unknown dimension '{}'", *dim));
        auto attr = [&](const char* key, int* out) {
          if (auto a = Str(f, n, key, false)) {
            *out = kb_->FindAttribute(*a);
            if (*out < 0) Error(f, n[key], fmt::format("unknown attribute '{}'", *a));
            else if (kb_->attributes_[*out].dimension != m.dimension) {
              Error(f, n[key], fmt::format("'{}' is not measured in {}", *a, *dim));
            }
          }
        };
        attr("attribute", &m.attribute);
        attr("attribute_ac", &m.attribute_ac);
        attr("attribute_dc", &m.attribute_dc);
        kb_->unit_mappings_.push_back(m);
      }
    }
  }
}

namespace {

void CollectActRefs(const kb::Expr& e, std::set<int>* acts, bool* harmonised, bool* ce) {
  for (const auto& n : e.nodes) {
    if (n.op == kb::Op::kApplies && n.act >= 0) acts->insert(n.act);
    if (n.op == kb::Op::kHarmonised) *harmonised = true;
    if (n.op == kb::Op::kCeMarking) *ce = true;
  }
}

}  // namespace

void KnowledgeBaseLoader::OrderActs() {
  const int n = static_cast<int>(kb_->acts_.size());
  // Only scope and exclusion rules decide an act's status; notes and obligations are
  // evaluated after every status is known, so they may refer to any act.
  std::vector<std::set<int>> deps(n);
  for (int i = 0; i < n; ++i) {
    const Act& a = kb_->acts_[i];
    bool harm = false, ce = false;
    for (const auto* rules : {&a.scope, &a.exclusions}) {
      for (const auto& r : *rules) CollectActRefs(r.when, &deps[i], &harm, &ce);
    }
    for (int j = 0; j < n; ++j) {
      if ((harm && kb_->acts_[j].harmonised) || (ce && kb_->acts_[j].ce_marking)) deps[i].insert(j);
    }
  }
  std::vector<int> state(n, 0);
  std::function<void(int)> visit = [&](int i) {
    if (state[i] == 2) return;
    if (state[i] == 1) {
      errors_.push_back(fmt::format("{}: act {} is part of a cycle of applies()/harmonised()/ce_marking() "
                                    "references in scope or exclusion rules",
                                    kb_->acts_[i].pos.ToString(), kb_->acts_[i].short_name));
      return;
    }
    state[i] = 1;
    for (int d : deps[i]) visit(d);
    state[i] = 2;
    kb_->evaluation_order_.push_back(i);
  };
  for (int i = 0; i < n; ++i) visit(i);
  // In evaluation order, so an act's references are settled before it.
  for (int i : kb_->evaluation_order_) {
    Act& a = kb_->acts_[i];
    std::set<int> attrs;
    for (const auto* rules : {&a.scope, &a.exclusions}) {
      for (const auto& r : *rules) {
        for (const auto& node : r.when.nodes) {
          if (node.op == kb::Op::kKnown) attrs.insert(node.attr);
        }
      }
    }
    for (int d : deps[i]) {
      attrs.insert(kb_->acts_[d].known_attributes.begin(), kb_->acts_[d].known_attributes.end());
    }
    a.known_attributes.assign(attrs.begin(), attrs.end());
  }
}

void KnowledgeBaseLoader::CollectThresholds() {
  auto collect = [&](const kb::Expr& e) {
    for (const auto& node : e.nodes) {
      if (node.op == kb::Op::kCmp && node.attr >= 0 &&
          kb_->attributes_[node.attr].type == AttrType::kNumber) {
        kb_->attributes_[node.attr].thresholds.push_back(node.num);
      }
    }
  };
  for (const auto& a : kb_->acts_) {
    for (const auto* rules : {&a.scope, &a.exclusions, &a.notes}) {
      for (const auto& r : *rules) collect(r.when);
    }
    for (const auto& o : a.obligations) collect(o.when);
  }
  for (auto& attr : kb_->attributes_) {
    auto& t = attr.thresholds;
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
  }
}

Result<std::shared_ptr<const KnowledgeBase>> KnowledgeBaseLoader::Run() {
  std::error_code ec;
  if (!fs::is_directory(dir_, ec)) {
    return Status::NotFound(fmt::format("{}: knowledge-base folder not found", dir_));
  }
  auto attr_files = ReadFolder("attributes", true);
  auto cat_files = ReadFolder("categories", true);
  auto source_files = ReadFolder("sources.yaml", false);
  auto more_sources = ReadFolder("sources.d", false);
  auto act_files = ReadFolder("acts", true);
  auto role_files = ReadFolder("roles.yaml", true);
  auto std_files = ReadFolder("standards", false);
  auto lex_files = ReadFolder("lexicon.yaml", false);
  for (auto& f : ReadFolder("lexicon.d", false)) lex_files.push_back(std::move(f));

  LoadAttributes(attr_files);
  LoadCategories(cat_files);
  for (auto& f : more_sources) source_files.push_back(std::move(f));
  LoadSources(source_files);
  IndexActs(act_files);

  cond_env_.attributes = &kb_->attributes_;
  cond_env_.find_attribute = [this](std::string_view s) { return kb_->FindAttribute(s); };
  cond_env_.find_category = [this](std::string_view s) { return kb_->FindCategory(s); };
  cond_env_.find_act = [this](std::string_view s) {
    int i = kb_->FindAct(s);
    return i >= 0 && kb_->acts_[i].short_name == s ? i : -1;
  };

  LoadRoles(role_files);
  LoadStandards(std_files);
  LoadStandardFits(ReadFolder("standards/fit", false));
  LoadHarmonisedLists();
  LoadActBodies(act_files);
  LoadLexicon(lex_files);
  OrderActs();
  CollectThresholds();
  if (errors_.empty()) {
    kb_->recogniser_ = kb::LoadRecogniserModel(
        dir_, [this](std::string_view id) { return kb_->FindCategory(id); }, &errors_);
  }

  if (!errors_.empty()) return Status(StatusCode::kCorruption, errors_);
  return std::shared_ptr<const KnowledgeBase>(kb_);
}

Result<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBase(const std::string& dir) {
  std::string clean = dir;
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  return KnowledgeBaseLoader(clean).Run();
}

int KnowledgeBase::FindAttribute(std::string_view id) const {
  auto it = attribute_index_.find(std::string(id));
  return it == attribute_index_.end() ? -1 : it->second;
}
int KnowledgeBase::FindCategory(std::string_view id) const {
  auto it = category_index_.find(std::string(id));
  return it == category_index_.end() ? -1 : it->second;
}
int KnowledgeBase::FindAct(std::string_view id) const {
  auto it = act_index_.find(std::string(id));
  return it == act_index_.end() ? -1 : it->second;
}
int KnowledgeBase::FindStandard(std::string_view id) const {
  auto it = standard_index_.find(std::string(id));
  return it == standard_index_.end() ? -1 : it->second;
}
const Role* KnowledgeBase::FindRole(std::string_view id) const {
  auto it = role_index_.find(std::string(id));
  return it == role_index_.end() ? nullptr : &roles_[it->second];
}
int KnowledgeBase::CategoryForSafetyGate(std::string_view name) const {
  auto it = safety_gate_index_.find(std::string(Trim(name)));
  return it == safety_gate_index_.end() ? -1 : it->second;
}

KnowledgeStats ComputeStats(const KnowledgeBase& kb) {
  KnowledgeStats s;
  s.acts = static_cast<int>(kb.acts().size());
  s.standards = static_cast<int>(kb.standards().size());
  s.categories = static_cast<int>(kb.categories().size());
  s.attributes = static_cast<int>(kb.attributes().size());
  s.lexicon_entries = static_cast<int>(kb.lexicon().size());
  for (const auto& e : kb.lexicon()) s.lexicon_terms += static_cast<int>(e.terms.size());
  auto note = [&](const Sourced& x, const std::string& what) {
    if (x.unconfirmed) {
      s.unconfirmed.push_back(fmt::format("{}: {}{}", x.pos.ToString(), what,
                                          x.note.empty() ? "" : " (" + x.note + ")"));
    }
  };
  for (const auto& a : kb.acts()) {
    s.milestones += static_cast<int>(a.milestones.size());
    for (const auto* rules : {&a.scope, &a.exclusions, &a.notes}) {
      s.rules += static_cast<int>(rules->size());
      for (const auto& r : *rules) note(r, a.short_name + " rule " + r.id);
    }
    s.obligations += static_cast<int>(a.obligations.size());
    for (const auto& o : a.obligations) note(o, a.short_name + " obligation " + o.id);
    for (const auto* d : {&a.entry_into_force, &a.applies_from, &a.applies_until}) {
      if (*d) note(**d, a.short_name + " date " + (*d)->date.ToString());
    }
    for (const auto& m : a.milestones) note(m, a.short_name + " milestone " + m.id);
  }
  for (const auto& st : kb.standards()) note(st, "standard " + st.ref);
  for (const auto& r : kb.roles()) note(r, "role " + r.id);
  return s;
}

}  // namespace eucomply
