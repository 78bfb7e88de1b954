// acts/*.yaml: one act a file, with its dates, milestones, scope, exclusion and note rules,
// and obligations. Acts are indexed first (citations and conditions may name any act) and
// their bodies read once roles and standards are known.
#include <fmt/format.h>

#include <regex>

#include "kb/internal/enum_names.h"
#include "kb/internal/loader.h"

namespace eucomply {

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
      Error(f, f.root["celex"],
            fmt::format("'{}' is not a CELEX number (e.g. 32014L0035)", *celex));
    }
    if (!std::regex_match(*short_name, short_re)) {
      Error(f, f.root["short_name"],
            fmt::format("short name '{}' must be [A-Za-z0-9_]+", *short_name));
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

void KnowledgeBaseLoader::LoadActBodies() {
  for (size_t i = 0; i < act_nodes_.size(); ++i) {
    LoadAct(*act_nodes_[i].first, act_nodes_[i].second, &kb_->acts_[i]);
  }
}

void KnowledgeBaseLoader::LoadAct(const File& f, const YAML::Node& root, Act* act) {
  CheckKeys(
      f, root,
      {"celex", "short_name", "number", "kind", "title", "summary", "harmonised", "ce_marking",
       "ce_marking_cite", "dates", "milestones", "scope", "exclusions", "notes", "obligations"});
  if (auto v = Str(f, root, "number", true)) act->number = *v;
  if (auto v = Str(f, root, "kind", true)) {
    static const std::set<std::string> kinds = {"directive",
                                                "regulation",
                                                "decision",
                                                "delegated_regulation",
                                                "implementing_regulation",
                                                "delegated_directive"};
    if (!kinds.count(*v)) Error(f, root["kind"], fmt::format("unknown act kind '{}'", *v));
    act->kind = *v;
  }
  act->title = GetText(f, root, "title", true);
  act->summary = GetText(f, root, "summary", true);
  act->harmonised = Bool(f, root, "harmonised", false);
  LoadCeMarking(f, root, act);
  if (YAML::Node d = root["dates"]) LoadDates(f, d, act);
  if (YAML::Node ms = root["milestones"]) LoadMilestones(f, ms, act);
  // Rule ids are unique across an act's scope, exclusions and notes: verdicts cite them.
  std::set<std::string> rule_ids;
  act->scope = LoadRules(f, root, "scope", &rule_ids);
  if (act->scope.empty()) Error(f, root, "an act needs at least one 'scope' rule");
  act->exclusions = LoadRules(f, root, "exclusions", &rule_ids);
  act->notes = LoadRules(f, root, "notes", &rule_ids);
  if (YAML::Node obs = root["obligations"]) LoadObligations(f, obs, act);
}

void KnowledgeBaseLoader::LoadCeMarking(const File& f, const YAML::Node& root, Act* act) {
  if (!root["ce_marking"]) Error(f, root, "missing 'ce_marking' (true or false)");
  act->ce_marking = Bool(f, root, "ce_marking", false);
  if (auto c = Str(f, root, "ce_marking_cite", false)) {
    Citation cite;
    if (ParseCite(f, root["ce_marking_cite"], *c, &cite)) act->ce_marking_cite = cite;
  } else if (act->ce_marking) {
    Error(f, root["ce_marking"], "'ce_marking: true' needs 'ce_marking_cite'");
  }
}

void KnowledgeBaseLoader::LoadDates(const File& f, const YAML::Node& d, Act* act) {
  if (!CheckMap(f, d, "'dates'")) return;
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
      if (std::string(key) != "applies_until") {
        Error(f, n["successor"], "only applies_until has a successor");
      }
      if (kb_->FindAct(*s) < 0) {
        Error(f, n["successor"], fmt::format("unknown successor act '{}'", *s));
      } else {
        df.successor = kb_->acts_[kb_->FindAct(*s)].celex;
      }
    }
    *out = df;
  };
  dated("entry_into_force", &act->entry_into_force);
  dated("applies_from", &act->applies_from);
  dated("applies_until", &act->applies_until);
  if (act->applies_from && act->applies_until &&
      act->applies_until->date < act->applies_from->date) {
    Error(f, d, "applies_until is before applies_from");
  }
}

void KnowledgeBaseLoader::LoadMilestones(const File& f, const YAML::Node& ms, Act* act) {
  if (!ms.IsSequence()) {
    Error(f, ms, "'milestones' must be a list");
    return;
  }
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
      if (std::string_view(key) == "scope") CheckScopeRule(f, w, r);
    } else {
      Error(f, n, "missing 'when'");
    }
    rules.push_back(std::move(r));
  }
  return rules;
}

// known(x) is false, never unknown, when x is not given: in a scope rule it would turn
// "not known" into "does not apply". Scope rules say what brings a product in; what is
// not known leaves the act undetermined (exclusions may still test known()).
void KnowledgeBaseLoader::CheckScopeRule(const File& f, const YAML::Node& w, const Rule& r) {
  for (const kb::Node& node : r.when.nodes) {
    if (node.op == kb::Op::kKnown) {
      Error(f, w,
            fmt::format("scope rule '{}' uses known({}): a scope condition must not turn an "
                        "unknown fact into \"does not apply\"; test the fact itself, and "
                        "state what a kind of product is not in its category defaults",
                        r.id, kb_->attributes_[node.attr].id));
      return;
    }
  }
}

void KnowledgeBaseLoader::LoadObligations(const File& f, const YAML::Node& obs, Act* act) {
  if (!obs.IsSequence()) {
    Error(f, obs, "'obligations' must be a list");
    return;
  }
  std::set<std::string> ids;
  for (const auto& n : obs) {
    if (!CheckMap(f, n, "an obligation")) continue;
    act->obligations.push_back(LoadObligation(f, n, &ids));
  }
}

Obligation KnowledgeBaseLoader::LoadObligation(const File& f, const YAML::Node& n,
                                               std::set<std::string>* ids) {
  static const std::set<std::string> kinds = {
      "conformity",  "documentation", "declaration",  "marking",   "labelling", "instructions",
      "information", "operator",      "registration", "substance", "design"};
  static const std::regex mod_re(
      "(A|A1|A2|B|C|C1|C2|D|D1|E|E1|F|F1|G|H|H1)(\\+(A|A1|A2|C|C1|C2|D|E|F))?");
  CheckKeys(f, n,
            {"id", "kind", "role", "text", "cite", "when", "from", "until", "modules",
             "notified_body", "standards", "languages", "unconfirmed", "note"});
  Obligation o;
  o.id = GetId(f, n);
  if (!o.id.empty() && !ids->insert(o.id).second) {
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
    if (!m.IsSequence()) {
      Error(f, m, "'modules' must be a list");
    } else {
      for (const auto& x : m) {
        if (!std::regex_match(x.Scalar(), mod_re)) {
          Error(f, x, fmt::format("unknown module '{}'", x.Scalar()));
        }
        o.modules.push_back(x.Scalar());
      }
    }
  }
  if (auto nb = Str(f, n, "notified_body", false)) {
    // "unspecified" is what an obligation without the key means; it is not written.
    auto v = kb::EnumFromName(kb::kNotifiedBodyNames, *nb);
    if (v && *v != NotifiedBody::kUnspecified) {
      o.notified_body = *v;
    } else {
      Error(f, n["notified_body"],
            fmt::format("unknown notified_body '{}' (required, optional, not_required, depends)",
                        *nb));
    }
  }
  if (YAML::Node st = n["standards"]) {
    o.standards = ResolveIds(f, st, "standards", "standard", &KnowledgeBase::FindStandard);
  }
  if (n["languages"]) o.languages = GetText(f, n, "languages", false);
  return o;
}

}  // namespace eucomply
