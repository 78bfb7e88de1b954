// The JSON of assessments, products and questions (docs/assessment-schema.md), written with
// JsonWriter: keys in sorted order throughout, the bytes nlohmann::json::dump() would give.
#include <fmt/format.h>

#include <algorithm>

#include "common/json_writer.h"
#include "eucomply/messages.h"
#include "eucomply/report.h"
#include "rules/internal/report_words.h"

namespace eucomply {
namespace {

using namespace report;  // NOLINT: the shared words of this module's reports

// Keys in sorted order throughout (json_writer.h).
void WriteReason(JsonWriter& w, const KnowledgeBase& kb, const Reason& r, Lang lang) {
  w.BeginObject();
  if (r.rule) {
    w.Member("citation", r.rule->cite.ToString());
    w.Member("kind", ReasonKindName(r.kind));
    w.Member("outcome", OutcomeName(r.outcome));
    w.Member("rule", r.rule->id);
    w.Member("text", ReasonText(kb, r, lang));
    w.Member("unconfirmed", r.rule->unconfirmed);
  } else if (r.date) {
    w.Member("citation", r.date->cite.ToString());
    w.Member("date", r.date->date.ToString());
    w.Member("kind", ReasonKindName(r.kind));
    w.Member("text", ReasonText(kb, r, lang));
    w.Member("unconfirmed", r.date->unconfirmed);
  } else {
    w.Member("kind", ReasonKindName(r.kind));
  }
  w.EndObject();
}

void WriteQuestion(JsonWriter& w, const KnowledgeBase& kb, const Question& q, Lang lang) {
  w.BeginObject();
  w.Key("acts").BeginArray();
  for (int a : q.acts) w.String(kb.acts()[a].short_name);
  w.EndArray();
  w.Member("attribute", AttrId(kb, q.attribute));
  w.Member("decides", q.for_obligations ? "obligations" : "acts");
  if (q.attribute == kCategoryAttr) {
    const QuestionText t = TextOf(kb, q, lang);
    w.Member("label", Msg("report.category", lang));
    w.Member("question", t.question);
    w.Member("settles", q.settles);
    w.Member("type", "category");
    w.Member("why", t.why);
    w.EndObject();
    return;
  }
  const Attribute& a = kb.attributes()[q.attribute];
  w.Member("label", a.label.Get(lang));
  w.Member("question", a.question.Get(lang));
  w.Member("settles", q.settles);
  w.Member("type", AttrTypeName(a.type));
  if (a.type == AttrType::kNumber) w.Member("unit", CanonicalUnit(a.dimension));
  if (!a.values.empty()) {
    w.Key("values").BeginArray();
    for (const auto& v : a.values) {
      w.BeginObject().Member("id", v.id).Member("label", v.label.Get(lang)).EndObject();
    }
    w.EndArray();
  }
  w.Member("why", a.why.Get(lang));
  w.EndObject();
}

void WriteProduct(JsonWriter& w, const KnowledgeBase& kb, const Product& p, Lang lang) {
  w.BeginObject();
  // Attributes by id, as a JSON object's keys are sorted.
  std::vector<size_t> known;
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (p.values[i].known()) known.push_back(i);
  }
  std::sort(known.begin(), known.end(), [&](size_t x, size_t y) {
    return kb.attributes()[x].id < kb.attributes()[y].id;
  });
  w.Key("attributes").BeginObject();
  for (size_t i : known) {
    const Attribute& a = kb.attributes()[i];
    w.Key(a.id).BeginObject();
    w.Member("display", FormatValue(a, p.values[i], lang));
    if (i < p.evidence.size() && !p.evidence[i].empty()) w.Member("evidence", p.evidence[i]);
    w.Member("label", a.label.Get(lang));
    w.Member("source", SourceName(p.sources[i]));
    w.Member("value", ValueToString(a, p.values[i]));
    w.EndObject();
  }
  w.EndObject();
  if (p.category >= 0) {
    const Category& c = kb.categories()[p.category];
    w.Key("category").BeginObject();
    if (p.category_source == ValueSource::kText) w.Member("confidence", p.category_confidence);
    if (!p.category_evidence.empty()) w.Member("evidence", p.category_evidence);
    w.Member("id", c.id);
    w.Member("name", c.name.Get(lang));
    w.Member("source", SourceName(p.category_source));
    w.EndObject();
  } else {
    w.Key("category").Null();
  }
  if (p.category < 0 && !p.category_candidates.empty()) {
    // Read from text without enough confidence: what to offer when the category is asked.
    w.Key("category_candidates").BeginArray();
    for (const auto& [c, prob] : p.category_candidates) {
      w.BeginObject();
      w.Member("id", kb.categories()[c].id);
      w.Member("name", kb.categories()[c].name.Get(lang));
      w.Member("p", prob);
      w.EndObject();
    }
    w.EndArray();
  }
  if (!p.description.empty()) w.Member("description", p.description);
  w.Member("name", p.name);
  w.EndObject();
}

void WriteObligation(JsonWriter& w, const KnowledgeBase& kb, const ObligationVerdict& ov,
                     Lang lang) {
  const Obligation& o = *ov.obligation;
  w.BeginObject();
  w.Member("citation", o.cite.ToString());
  if (ov.from) w.Member("from", ov.from->ToString());
  w.Member("id", o.id);
  w.Member("kind", o.kind);
  if (o.languages) w.Member("languages", o.languages->Get(lang));
  if (!o.modules.empty()) {
    w.Key("modules").BeginArray();
    for (const auto& m : o.modules) w.String(m);
    w.EndArray();
  }
  if (o.notified_body != NotifiedBody::kUnspecified) {
    w.Member("notified_body", NotifiedBodyName(o.notified_body));
  }
  w.Member("role", o.role);
  if (const Role* role = kb.FindRole(o.role)) w.Member("role_name", role->name.Get(lang));
  w.Key("standards").BeginArray();
  for (int s : o.standards) {
    const Standard& st = kb.standards()[s];
    w.BeginObject().Member("id", st.id).Member("ref", st.ref).Member("title", st.title.Get(lang));
    w.EndObject();
  }
  w.EndArray();
  w.Member("status", VerdictStatusName(ov.status));
  w.Member("text", o.text.Get(lang));
  w.Member("unconfirmed", o.unconfirmed);
  w.EndObject();
}

void WriteFit(JsonWriter& w, const KnowledgeBase& kb, const FitVerdict& f, const Date& as_of, Lang lang) {
  const StandardFit& x = *f.fit;
  w.BeginObject();
  if (!x.cite.ToString().empty()) w.Member("cite", x.cite.ToString());
  w.Member("customary", x.role == "customary");
  if (!x.number.empty()) w.Member("number", x.number);
  w.Member("presumption", !f.rows.empty());
  w.Member("ref", FitRef(kb, f));
  w.Member("role", x.role);
  w.Key("rows").BeginArray();
  for (const standards::ListedStandard* r : f.rows) {
    w.BeginObject();
    w.Key("amendments").BeginArray();
    for (const std::string& m : r->amendments) w.String(m);
    w.EndArray();
    w.Member("decision", r->printed_by);
    if (r->from) w.Member("from", r->from->ToString());
    else w.Key("from").Null();
    w.Member("list", r->list);
    w.Member("ref", r->ref);
    w.Member("row", r->number);
    w.Member("state", kb.harmonised_lists() ? standards::StateOn(*kb.harmonised_lists(), *r, as_of) : "in_force");
    if (!r->superseded_by.empty()) w.Member("superseded_by", r->superseded_by);
    if (r->until) w.Member("until", r->until->ToString());
    else w.Key("until").Null();
    w.EndObject();
  }
  w.EndArray();
  w.Member("source", x.source);
  if (x.standard >= 0) w.Member("standard", kb.standards()[x.standard].id);
  w.Member("title", FitTitle(kb, f, lang));
  w.Member("unconfirmed", x.unconfirmed);
  w.Member("why", x.why.Get(lang));
  w.EndObject();
}

void WriteActVerdict(JsonWriter& w, const KnowledgeBase& kb, const ActVerdict& v, const Date& as_of, Lang lang) {
  const Act& act = kb.acts()[v.act];
  w.BeginObject();
  if (act.applies_from) w.Member("applies_from", act.applies_from->date.ToString());
  if (act.applies_until) w.Member("applies_until", act.applies_until->date.ToString());
  w.Member("ce_marking", act.ce_marking);
  w.Member("celex", act.celex);
  w.Member("harmonised", act.harmonised);
  w.Key("missing_attributes").BeginArray();
  for (int m : v.missing) w.String(AttrId(kb, m));
  w.EndArray();
  w.Member("number", act.number);
  w.Key("obligations").BeginArray();
  for (const auto& ov : v.obligations) WriteObligation(w, kb, ov, lang);
  w.EndArray();
  w.Key("reasons").BeginArray();
  for (const auto& r : v.reasons) WriteReason(w, kb, r, lang);
  w.EndArray();
  w.Member("short_name", act.short_name);
  w.Key("standards_fit").BeginArray();
  for (const auto& f : v.fits) WriteFit(w, kb, f, as_of, lang);
  w.EndArray();
  // The whole OJ list of an applying act, one request away (when it has rows in force).
  if (const auto* lists = kb.harmonised_lists();
      lists && (v.status == VerdictStatus::kApplies || v.status == VerdictStatus::kUpcoming)) {
    auto it = lists->find(act.celex);
    int64_t n = 0;
    if (it != lists->end()) {
      for (const auto& r : it->second.rows) n += standards::InForce(r, as_of);
    }
    if (n > 0) {
      w.Key("standards_list").BeginObject();
      w.Member("count", n);
      w.Member("query", fmt::format("/api/v1/standards?act={}&as_of={}", act.short_name, as_of.ToString()));
      w.EndObject();
    }
  }
  w.Member("status", VerdictStatusName(v.status));
  if (act.applies_until && !act.applies_until->successor.empty()) {
    int s = kb.FindAct(act.applies_until->successor);
    w.Key("successor").BeginObject();
    w.Member("celex", act.applies_until->successor);
    w.Member("short_name", s >= 0 ? kb.acts()[s].short_name : "");
    w.EndObject();
  }
  w.Member("title", act.title.Get(lang));
  w.EndObject();
}

}  // namespace

std::string QuestionJson(const KnowledgeBase& kb, const Question& q, Lang lang) {
  std::string out;
  JsonWriter w(&out);
  WriteQuestion(w, kb, q, lang);
  return out;
}

std::string ProductJson(const KnowledgeBase& kb, const Product& p, Lang lang) {
  std::string out;
  JsonWriter w(&out);
  WriteProduct(w, kb, p, lang);
  return out;
}

std::string AssessmentJson(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                           Lang lang, const std::optional<Question>& next) {
  std::string out;
  out.reserve(128u << 10);
  JsonWriter w(&out);
  w.BeginObject();
  w.Key("acts").BeginArray();
  int counts[5] = {0, 0, 0, 0, 0};
  for (const auto& v : a.acts) {
    ++counts[static_cast<int>(v.status)];
    WriteActVerdict(w, kb, v, a.as_of, lang);
  }
  w.EndArray();
  w.Member("as_of", a.as_of.ToString());
  w.Member("lang", LangId(lang));
  w.Key("next_question");
  if (next) WriteQuestion(w, kb, *next, lang);
  else w.Null();
  w.Key("product");
  WriteProduct(w, kb, p, lang);
  w.Key("summary").BeginObject();
  // Sorted by name, as the other keys.
  for (VerdictStatus s : {VerdictStatus::kApplies, VerdictStatus::kNoLongerApplies,
                          VerdictStatus::kNotApplicable, VerdictStatus::kUndetermined,
                          VerdictStatus::kUpcoming}) {
    w.Member(VerdictStatusName(s), counts[static_cast<int>(s)]);
  }
  w.EndObject();
  w.EndObject();
  return out;
}

nlohmann::json QuestionToJson(const KnowledgeBase& kb, const Question& q, Lang lang) {
  return nlohmann::json::parse(QuestionJson(kb, q, lang));
}

nlohmann::json ProductToJson(const KnowledgeBase& kb, const Product& p, Lang lang) {
  return nlohmann::json::parse(ProductJson(kb, p, lang));
}

nlohmann::json AssessmentToJson(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                                Lang lang, const std::optional<Question>& next) {
  return nlohmann::json::parse(AssessmentJson(kb, p, a, lang, next));
}

}  // namespace eucomply
