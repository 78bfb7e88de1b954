// Loading the hazard library (knowledge/risk/): hazards, injuries, presumptions, suggestions.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "eucomply/risk.h"
#include "common/find.h"
#include "risk/schema.h"
#include "risk/yaml_json.h"

namespace eucomply::risk {

using nlohmann::json;

namespace {

Result<JsonDoc> ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Corruption(fmt::format("{}: cannot be read", path));
  std::stringstream ss;
  ss << in.rdbuf();
  return ReadYamlAsJson(ss.str(), path);
}

// The list under `key` of a file's root, or null after reporting it missing.
const json* RootList(const json& root, Checker& c, const char* key) {
  if (root.contains(key) && root[key].is_array()) return &root[key];
  c.Error("", fmt::format("missing '{}' (a list)", key));
  return nullptr;
}

// Calls `item(pointer, node)` for each entry of the list under `key` of a file's root that is
// a mapping with only the `allowed` keys (the others are reported).
template <typename Item>
void ForEachEntry(const json& root, Checker& c, const char* key,
                  std::initializer_list<const char*> allowed, Item item) {
  const json* list = RootList(root, c, key);
  if (list == nullptr) return;
  const std::string base = std::string("/") + key;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = Child(base, i);
    if (c.Object((*list)[i], p, allowed)) item(p, (*list)[i]);
  }
}

void LoadHazards(const JsonDoc& d, Checker& c, HazardLibrary* lib,
                 std::vector<HazardGroup>* groups, std::vector<Hazard>* hazards) {
  const json& root = d.json;
  if (!c.Object(root, "", {"basis", "groups", "hazards"})) return;
  ForEachEntry(root, c, "groups", {"id", "name"}, [&](const std::string& p, const json& g) {
    HazardGroup hg;
    hg.id = c.String(g, p, "id", true).value_or("");
    hg.name = c.BilingualText(g, p, "name", true).value_or(Text{});
    groups->push_back(std::move(hg));
  });
  std::set<std::string> seen;
  ForEachEntry(root, c, "hazards",
               {"id", "group", "name", "safety_gate", "cues", "default_for", "severity", "injuries",
                "steps", "other_harm"},
               [&](const std::string& p, const json& h) {
    Hazard hz;
    hz.id = c.String(h, p, "id", true).value_or("");
    if (!hz.id.empty() && !seen.insert(hz.id).second) c.Error(p, fmt::format("duplicate hazard '{}'", hz.id));
    hz.group = c.String(h, p, "group", true).value_or("");
    bool group_ok = false;
    for (const HazardGroup& g : *groups) group_ok = group_ok || g.id == hz.group;
    if (!hz.group.empty() && !group_ok) c.Error(Child(p, "group"), fmt::format("no group '{}'", hz.group));
    hz.name = c.BilingualText(h, p, "name", true).value_or(Text{});
    hz.safety_gate = c.Strings(h, p, "safety_gate");
    if (hz.safety_gate.empty()) c.Error(p, "missing 'safety_gate' (the Safety Gate risk types)");
    hz.cues = c.Strings(h, p, "cues");
    hz.default_for = c.Strings(h, p, "default_for");
    for (const std::string& t : hz.default_for) {
      if (std::find(hz.safety_gate.begin(), hz.safety_gate.end(), t) == hz.safety_gate.end()) {
        c.Error(Child(p, "default_for"), fmt::format("'{}' is not one of its safety_gate types", t));
      }
    }
    hz.severity = static_cast<int>(c.Integer(h, p, "severity", true, 1, 4).value_or(0));
    hz.injuries = c.Strings(h, p, "injuries");
    hz.other_harm = c.Bool(h, p, "other_harm").value_or(false);
    if (h.contains("steps") && h["steps"].is_array()) {
      const json& st = h["steps"];
      if (st.size() < 3 || st.size() > 5) c.Error(Child(p, "steps"), "a scenario template has 3 to 5 steps (Annex II 3.2.3-3.2.4)");
      for (size_t k = 0; k < st.size(); ++k) {
        const std::string sp = Child(Child(p, "steps"), k);
        if (!c.Object(st[k], sp, {"en", "zh"})) continue;
        hz.steps.push_back(Text{c.String(st[k], sp, "en", true).value_or(""),
                                c.String(st[k], sp, "zh", true).value_or("")});
      }
    } else {
      c.Error(p, "missing 'steps' (a three-step scenario template)");
    }
    hazards->push_back(std::move(hz));
  });
  (void)lib;
}

void LoadInjuries(const JsonDoc& d, Checker& c, Text* source, std::vector<Injury>* out) {
  const json& root = d.json;
  if (!c.Object(root, "", {"basis", "source", "confirmed", "injuries"})) return;
  *source = c.BilingualText(root, "", "source", true).value_or(Text{});
  if (c.Bool(root, "", "confirmed").value_or(true)) {
    c.Error("", "'confirmed: false' is required: the injury table is guidance, not legal text");
  }
  std::set<std::string> seen;
  ForEachEntry(root, c, "injuries", {"id", "severity", "en", "zh"}, [&](const std::string& p, const json& j) {
    Injury inj;
    inj.id = c.String(j, p, "id", true).value_or("");
    if (!inj.id.empty() && !seen.insert(inj.id).second) c.Error(p, fmt::format("duplicate injury '{}'", inj.id));
    inj.severity = static_cast<int>(c.Integer(j, p, "severity", true, 1, 4).value_or(0));
    inj.name.en = c.String(j, p, "en", true).value_or("");
    inj.name.zh = c.String(j, p, "zh", true).value_or("");
    out->push_back(std::move(inj));
  });
}

const std::set<std::string>& KnownFacts() {
  static const std::set<std::string> k = {"operator_says_serious", "voluntary_measure",
                                          "banned_substance", "users_can_protect",
                                          "users_informed"};
  return k;
}

// A mapping under `key` of product kind -> category ids, each id checked against the KB.
// False when the root has no such mapping.
bool ReadKindMap(const KnowledgeBase& kb, const json& root, const char* key, Checker& c,
                 std::vector<std::pair<std::string, std::vector<std::string>>>* out) {
  if (!root.contains(key) || !root[key].is_object()) return false;
  const std::string ptr = std::string("/") + key;
  for (const auto& [kind, cats] : root[key].items()) {
    std::vector<std::string> ids = c.Strings(root[key], ptr, kind.c_str());
    for (const std::string& id : ids) {
      if (kb.FindCategory(id) < 0) c.Error(Child(ptr, kind), fmt::format("no category '{}'", id));
    }
    out->emplace_back(kind, std::move(ids));
  }
  return true;
}

void LoadPresumptions(const KnowledgeBase& kb, const JsonDoc& d, Checker& c,
                      std::vector<std::pair<std::string, std::vector<std::string>>>* kinds,
                      std::vector<std::pair<std::string, std::vector<std::string>>>* within,
                      std::vector<Presumption>* out) {
  const json& root = d.json;
  if (!c.Object(root, "", {"basis", "product_kinds", "kinds_within", "presumptions"})) return;
  ReadKindMap(kb, root, "kinds_within", c, within);
  if (!ReadKindMap(kb, root, "product_kinds", c, kinds)) {
    c.Error("", "missing 'product_kinds' (a mapping)");
  }
  const json* list = RootList(root, c, "presumptions");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = Child("/presumptions", i);
    const json& j = (*list)[i];
    if (!c.Object(j, p, {"point", "summary", "fact", "min_severity", "unless_all", "hazards",
                         "product_any", "children", "user_under_months", "scenario_fact"})) {
      continue;
    }
    Presumption pr;
    pr.point = c.String(j, p, "point", true).value_or("");
    pr.summary = c.BilingualText(j, p, "summary", true).value_or(Text{});
    pr.fact = c.String(j, p, "fact", false).value_or("");
    if (!pr.fact.empty() && !KnownFacts().count(pr.fact)) c.Error(Child(p, "fact"), fmt::format("unknown fact '{}'", pr.fact));
    pr.min_severity = static_cast<int>(c.Integer(j, p, "min_severity", false, 1, 4).value_or(0));
    pr.unless_all = c.Strings(j, p, "unless_all");
    for (const std::string& f : pr.unless_all) {
      if (!KnownFacts().count(f)) c.Error(Child(p, "unless_all"), fmt::format("unknown fact '{}'", f));
    }
    pr.hazards = c.Strings(j, p, "hazards");
    pr.product_any = c.Strings(j, p, "product_any");
    for (const std::string& k : pr.product_any) {
      bool found = false;
      for (const auto& kk : *kinds) found = found || kk.first == k;
      if (!found) c.Error(Child(p, "product_any"), fmt::format("no product kind '{}'", k));
    }
    pr.children = c.Bool(j, p, "children").value_or(false);
    pr.user_under_months = static_cast<int>(c.Integer(j, p, "user_under_months", false, 1, 1200).value_or(0));
    pr.scenario_fact = c.String(j, p, "scenario_fact", false).value_or("");
    if (!pr.scenario_fact.empty() && pr.scenario_fact != "defective_component") {
      c.Error(Child(p, "scenario_fact"), fmt::format("unknown scenario fact '{}'", pr.scenario_fact));
    }
    if (pr.fact.empty() && pr.min_severity == 0 && pr.hazards.empty()) {
      c.Error(p, "a presumption needs a fact, a min_severity or hazards");
    }
    out->push_back(std::move(pr));
  }
}

void LoadSuggestions(const KnowledgeBase& kb, const JsonDoc& d, Checker& c,
                     std::string* meta, std::vector<CategorySuggestions>* out) {
  const json& root = d.json;
  if (!c.Object(root, "", {"basis", "meta", "categories"})) return;
  if (root.contains("meta")) *meta = root["meta"].dump();
  const json* list = RootList(root, c, "categories");
  if (list == nullptr) return;
  for (size_t i = 0; i < list->size(); ++i) {
    const std::string p = Child("/categories", i);
    const json& j = (*list)[i];
    if (!c.Object(j, p, {"category", "alerts", "hazards"})) continue;
    CategorySuggestions cs;
    cs.category = c.String(j, p, "category", true).value_or("");
    if (!cs.category.empty() && kb.FindCategory(cs.category) < 0) {
      c.Error(Child(p, "category"), fmt::format("no category '{}'", cs.category));
    }
    cs.alerts = static_cast<int>(c.Integer(j, p, "alerts", true, 0, 10000000).value_or(0));
    if (j.contains("hazards") && j["hazards"].is_array()) {
      for (size_t k = 0; k < j["hazards"].size(); ++k) {
        const std::string hp = Child(Child(p, "hazards"), k);
        const json& h = j["hazards"][k];
        if (!c.Object(h, hp, {"hazard", "alerts", "share", "examples"})) continue;
        Suggestion s;
        s.hazard = c.String(h, hp, "hazard", true).value_or("");
        s.alerts = static_cast<int>(c.Integer(h, hp, "alerts", true, 0, 10000000).value_or(0));
        if (auto sh = c.NumberText(h, hp, "share", true)) s.share = std::atof(sh->c_str());
        s.examples = c.Strings(h, hp, "examples");
        cs.hazards.push_back(std::move(s));
      }
    }
    out->push_back(std::move(cs));
  }
}

}  // namespace

Result<std::shared_ptr<const HazardLibrary>> LoadHazardLibrary(const KnowledgeBase& kb,
                                                               const std::string& dir) {
  auto lib = std::make_shared<HazardLibrary>();
  std::vector<Problem> errors;
  auto load = [&](const char* name, auto fn) {
    auto d = ReadFile(dir + "/" + name);
    if (!d.ok()) {
      errors.insert(errors.end(), d.status().problems().begin(), d.status().problems().end());
      return;
    }
    Checker c(*d);
    fn(*d, c);
    for (Problem& e : c.TakeErrors()) errors.push_back(std::move(e));
  };
  load("hazards.yaml", [&](const JsonDoc& d, Checker& c) {
    LoadHazards(d, c, lib.get(), &lib->groups_, &lib->hazards_);
  });
  load("injuries.yaml", [&](const JsonDoc& d, Checker& c) {
    LoadInjuries(d, c, &lib->injury_source_, &lib->injuries_);
  });
  load("presumptions.yaml", [&](const JsonDoc& d, Checker& c) {
    LoadPresumptions(kb, d, c, &lib->kinds_, &lib->kinds_within_, &lib->presumptions_);
  });
  load("suggestions.yaml", [&](const JsonDoc& d, Checker& c) {
    LoadSuggestions(kb, d, c, &lib->suggestions_meta_, &lib->suggestions_);
  });
  // Cross-references, once everything is read.
  for (const Hazard& h : lib->hazards_) {
    for (const std::string& i : h.injuries) {
      if (!lib->FindInjury(i)) errors.push_back(Problem::Plain(fmt::format("{}/hazards.yaml: hazard '{}': no injury '{}'", dir, h.id, i)));
    }
  }
  for (const Presumption& p : lib->presumptions_) {
    for (const std::string& h : p.hazards) {
      if (!lib->FindHazard(h)) errors.push_back(Problem::Plain(fmt::format("{}/presumptions.yaml: {}: no hazard '{}'", dir, p.point, h)));
    }
  }
  for (const CategorySuggestions& cs : lib->suggestions_) {
    for (const Suggestion& s : cs.hazards) {
      if (!lib->FindHazard(s.hazard)) errors.push_back(Problem::Plain(fmt::format("{}/suggestions.yaml: {}: no hazard '{}'", dir, cs.category, s.hazard)));
    }
  }
  if (!errors.empty()) return Status(StatusCode::kCorruption, std::move(errors));
  return std::shared_ptr<const HazardLibrary>(std::move(lib));
}

const Hazard* HazardLibrary::FindHazard(std::string_view id) const { return FindBy(hazards_, &Hazard::id, id); }

const Injury* HazardLibrary::FindInjury(std::string_view id) const { return FindBy(injuries_, &Injury::id, id); }

const HazardGroup* HazardLibrary::FindGroup(std::string_view id) const {
  for (const HazardGroup& g : groups_) {
    if (g.id == id) return &g;
  }
  return nullptr;
}

const std::vector<std::string>* HazardLibrary::KindCategories(std::string_view kind) const {
  for (const auto& [k, cats] : kinds_) {
    if (k == kind) return &cats;
  }
  return nullptr;
}

const std::vector<std::string>* HazardLibrary::KindWithin(std::string_view kind) const {
  for (const auto& [k, cats] : kinds_within_) {
    if (k == kind) return &cats;
  }
  return nullptr;
}

const CategorySuggestions* HazardLibrary::SuggestionsFor(const KnowledgeBase& kb,
                                                         int category) const {
  // Nearest first: the category, then its parents breadth-first. A category with fewer than
  // 10 alerts borrows its parent's list (too few alerts say little about a kind of product).
  constexpr int kMinAlerts = 10;
  std::vector<int> frontier = {category};
  std::set<int> seen;
  while (!frontier.empty()) {
    std::vector<int> next;
    for (int c : frontier) {
      if (c < 0 || !seen.insert(c).second) continue;
      const std::string& id = kb.categories()[c].id;
      for (const CategorySuggestions& cs : suggestions_) {
        if (cs.category == id && cs.alerts >= kMinAlerts) return &cs;
      }
      for (const std::string& p : kb.categories()[c].parent_ids) next.push_back(kb.FindCategory(p));
    }
    frontier = std::move(next);
  }
  return nullptr;
}

}  // namespace eucomply::risk
