// The KnowledgeBase's look-ups and the counts of `kb stats`.
#include "eucomply/kb.h"

#include <fmt/format.h>

#include "eucomply/text.h"

namespace eucomply {
namespace {

int IndexOf(const std::unordered_map<std::string, int>& index, std::string_view id) {
  auto it = index.find(std::string(id));
  return it == index.end() ? -1 : it->second;
}

}  // namespace

int KnowledgeBase::FindAttribute(std::string_view id) const {
  return IndexOf(attribute_index_, id);
}
int KnowledgeBase::FindCategory(std::string_view id) const { return IndexOf(category_index_, id); }
int KnowledgeBase::FindAct(std::string_view id) const { return IndexOf(act_index_, id); }
int KnowledgeBase::FindStandard(std::string_view id) const { return IndexOf(standard_index_, id); }
const Role* KnowledgeBase::FindRole(std::string_view id) const {
  int r = IndexOf(role_index_, id);
  return r < 0 ? nullptr : &roles_[r];
}
int KnowledgeBase::CategoryForSafetyGate(std::string_view name) const {
  return IndexOf(safety_gate_index_, Trim(name));
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
