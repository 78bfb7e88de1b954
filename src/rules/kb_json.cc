// The knowledge base as reference data for programs: acts, standards, categories and
// attributes (GET /api/v1/acts, /standards, /categories, /attributes).
#include <nlohmann/json.hpp>

#include "eucomply/report.h"

namespace eucomply {

nlohmann::json StandardToJson(const KnowledgeBase& kb, const Standard& s, Lang lang) {
  nlohmann::json j;
  j["id"] = s.id;
  j["ref"] = s.ref;
  j["title"] = s.title.Get(lang);
  nlohmann::json acts = nlohmann::json::array();
  for (const auto& c : s.acts) {
    int a = kb.FindAct(c);
    acts.push_back({{"celex", c}, {"short_name", a >= 0 ? kb.acts()[a].short_name : ""}});
  }
  j["acts"] = acts;
  if (s.oj_date) j["oj_date"] = s.oj_date->ToString();
  if (!s.superseded_by.empty()) j["superseded_by"] = s.superseded_by;
  if (s.presumption_until) j["presumption_until"] = s.presumption_until->ToString();
  j["citation"] = s.cite.ToString();
  j["unconfirmed"] = s.unconfirmed;
  return j;
}

nlohmann::json CategoryToJson(const KnowledgeBase& kb, const Category& c, Lang lang) {
  nlohmann::json j;
  j["id"] = c.id;
  j["name"] = c.name.Get(lang);
  j["parents"] = c.parent_ids;
  j["safety_gate"] = c.safety_gate;
  nlohmann::json defaults = nlohmann::json::object();
  for (const auto& [attr, value] : kb.Defaults(kb.FindCategory(c.id))) {
    const Attribute& a = kb.attributes()[attr];
    defaults[a.id] = ValueToString(a, value);
  }
  j["defaults"] = defaults;
  return j;
}

nlohmann::json AttributeToJson(const Attribute& a, Lang lang) {
  nlohmann::json j;
  j["id"] = a.id;
  j["type"] = AttrTypeName(a.type);
  if (a.type == AttrType::kNumber) j["unit"] = CanonicalUnit(a.dimension);
  j["label"] = a.label.Get(lang);
  j["question"] = a.question.Get(lang);
  j["why"] = a.why.Get(lang);
  if (!a.values.empty()) {
    nlohmann::json vals = nlohmann::json::array();
    for (const auto& v : a.values) vals.push_back({{"id", v.id}, {"label", v.label.Get(lang)}});
    j["values"] = vals;
  }
  return j;
}

nlohmann::json ActToJson(const KnowledgeBase& kb, const Act& act, Lang lang, bool full) {
  nlohmann::json j;
  j["celex"] = act.celex;
  j["short_name"] = act.short_name;
  j["number"] = act.number;
  j["kind"] = act.kind;
  j["title"] = act.title.Get(lang);
  j["harmonised"] = act.harmonised;
  j["ce_marking"] = act.ce_marking;
  auto date = [&](const char* key, const std::optional<DatedFact>& d) {
    if (!d) return;
    j[key] = {{"date", d->date.ToString()}, {"citation", d->cite.ToString()},
              {"unconfirmed", d->unconfirmed}};
    if (!d->successor.empty()) j[key]["successor"] = d->successor;
  };
  date("entry_into_force", act.entry_into_force);
  date("applies_from", act.applies_from);
  date("applies_until", act.applies_until);
  if (!full) return j;
  j["summary"] = act.summary.Get(lang);
  if (act.ce_marking_cite) j["ce_marking_citation"] = act.ce_marking_cite->ToString();
  auto rules = [&](const std::vector<Rule>& rs) {
    nlohmann::json arr = nlohmann::json::array();
    for (const auto& r : rs) {
      arr.push_back({{"id", r.id}, {"when", r.when.source}, {"text", r.text.Get(lang)},
                     {"citation", r.cite.ToString()}, {"unconfirmed", r.unconfirmed}});
    }
    return arr;
  };
  j["scope"] = rules(act.scope);
  j["exclusions"] = rules(act.exclusions);
  j["notes"] = rules(act.notes);
  nlohmann::json ms = nlohmann::json::array();
  for (const auto& m : act.milestones) {
    ms.push_back({{"id", m.id}, {"date", m.date.ToString()}, {"text", m.text.Get(lang)},
                  {"citation", m.cite.ToString()}, {"unconfirmed", m.unconfirmed}});
  }
  j["milestones"] = ms;
  nlohmann::json obs = nlohmann::json::array();
  for (const auto& o : act.obligations) {
    nlohmann::json y = {{"id", o.id}, {"kind", o.kind}, {"role", o.role},
                        {"text", o.text.Get(lang)}, {"citation", o.cite.ToString()},
                        {"unconfirmed", o.unconfirmed}};
    if (!o.when.empty()) y["when"] = o.when.source;
    if (o.from) y["from"] = o.from->ToString();
    if (o.until) y["until"] = o.until->ToString();
    if (!o.modules.empty()) y["modules"] = o.modules;
    if (o.notified_body != NotifiedBody::kUnspecified) y["notified_body"] = NotifiedBodyName(o.notified_body);
    nlohmann::json stds = nlohmann::json::array();
    for (int s : o.standards) stds.push_back(kb.standards()[s].ref);
    y["standards"] = stds;
    obs.push_back(y);
  }
  j["obligations"] = obs;
  return j;
}

}  // namespace eucomply
