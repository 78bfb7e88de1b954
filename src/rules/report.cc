#include "eucomply/report.h"

#include "common/json_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>

namespace eucomply {
namespace {

const char* OutcomeName(Tri t) {
  switch (t) {
    case Tri::kTrue: return "met";
    case Tri::kFalse: return "not_met";
    case Tri::kUnknown: return "unknown";
  }
  return "?";
}

const char* SourceName(ValueSource s) {
  switch (s) {
    case ValueSource::kNone: return "none";
    case ValueSource::kGiven: return "given";
    case ValueSource::kCategoryDefault: return "category_default";
    case ValueSource::kText: return "text";
  }
  return "?";
}

std::string AttrId(const KnowledgeBase& kb, int attr) {
  return attr == kCategoryAttr ? "category" : kb.attributes()[attr].id;
}

// Localised words of the reports.
struct Words {
  const char* applies;
  const char* not_applicable;
  const char* undetermined;
  const char* upcoming;
  const char* no_longer;
  const char* obligations;
  const char* missing;
  const char* next_question;
  const char* why;
  const char* as_of;
  const char* category;
  const char* unconfirmed;
  const char* from;
  const char* until;
  const char* successor;
  const char* met;
  const char* not_met;
  const char* unknown;
  const char* modules;
  const char* notified_body;
  const char* standards;
  const char* title;
  const char* none;
  const char* duty_question;  // the obligations step: the answer decides a duty, not an act
};

const Words kEn = {"Applies", "Does not apply", "Undetermined", "Upcoming", "No longer applies",
                   "Obligations", "Missing information", "Next question", "Why we ask",
                   "as of", "Category", "unconfirmed", "from", "until", "successor", "met",
                   "not met", "unknown", "modules", "notified body", "standards",
                   "EU compliance assessment", "none",
                   "Every act is decided; this answer decides which of their duties bind the product"};
const Words kZh = {"适用", "不适用", "待定", "即将适用", "已不再适用", "义务", "缺少的信息",
                   "下一个问题", "提问原因", "评估日期", "类别", "未经确认", "起", "止",
                   "继任法规", "满足", "不满足", "未知", "模块", "公告机构", "标准",
                   "欧盟合规评估", "无", "各项法规均已确定；此问题的回答决定哪些义务适用于本产品"};

const Words& W(Lang lang) { return lang == Lang::kZh ? kZh : kEn; }

const char* StatusWord(VerdictStatus s, Lang lang) {
  const Words& w = W(lang);
  switch (s) {
    case VerdictStatus::kApplies: return w.applies;
    case VerdictStatus::kNotApplicable: return w.not_applicable;
    case VerdictStatus::kUndetermined: return w.undetermined;
    case VerdictStatus::kUpcoming: return w.upcoming;
    case VerdictStatus::kNoLongerApplies: return w.no_longer;
  }
  return "?";
}

const char* OutcomeWord(Tri t, Lang lang) {
  const Words& w = W(lang);
  return t == Tri::kTrue ? w.met : t == Tri::kFalse ? w.not_met : w.unknown;
}

std::string AttrLabel(const KnowledgeBase& kb, int attr, Lang lang) {
  if (attr == kCategoryAttr) return W(lang).category;
  return kb.attributes()[attr].label.Get(lang);
}

// A reason's sentence: the rule's text, or the date it applies from or until.
std::string ReasonText(const KnowledgeBase& kb, const Reason& r, Lang lang) {
  if (r.rule) return r.rule->text.Get(lang);
  if (!r.date) return "";
  if (r.kind == ReasonKind::kAppliesFrom) {
    return lang == Lang::kZh ? fmt::format("自 {} 起适用", r.date->date.ToString())
                             : fmt::format("Applies from {}", r.date->date.ToString());
  }
  std::string succ;
  if (!r.date->successor.empty()) {
    int s = kb.FindAct(r.date->successor);
    if (s >= 0) succ = kb.acts()[s].short_name;
  }
  if (lang == Lang::kZh) {
    return fmt::format("适用至 {}{}", r.date->date.ToString(),
                       succ.empty() ? "" : "，由 " + succ + " 取代");
  }
  return fmt::format("Applied until {}{}", r.date->date.ToString(),
                     succ.empty() ? "" : "; replaced by " + succ);
}

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

std::string ReasonLine(const KnowledgeBase& kb, const Reason& r, Lang lang) {
  std::string mark;
  if (r.rule) {
    mark = fmt::format("[{}, {}] ", r.kind == ReasonKind::kExclusion
                                        ? (lang == Lang::kZh ? "排除" : "exclusion")
                                        : r.kind == ReasonKind::kNote
                                              ? (lang == Lang::kZh ? "说明" : "note")
                                              : (lang == Lang::kZh ? "范围" : "scope"),
                       OutcomeWord(r.outcome, lang));
  }
  const bool unconf = r.rule ? r.rule->unconfirmed : r.date && r.date->unconfirmed;
  const std::string cite = r.rule ? r.rule->cite.ToString() : r.date ? r.date->cite.ToString() : "";
  return fmt::format("{}{} ({}{})", mark, ReasonText(kb, r, lang), cite,
                     unconf ? std::string(", ") + W(lang).unconfirmed : "");
}

void WriteQuestion(JsonWriter& w, const KnowledgeBase& kb, const Question& q, Lang lang) {
  w.BeginObject();
  w.Key("acts").BeginArray();
  for (int a : q.acts) w.String(kb.acts()[a].short_name);
  w.EndArray();
  w.Member("attribute", AttrId(kb, q.attribute));
  w.Member("decides", q.for_obligations ? "obligations" : "acts");
  if (q.attribute == kCategoryAttr) {
    w.Member("label", W(lang).category);
    w.Member("question", lang == Lang::kZh ? "这是哪一类产品？" : "What kind of product is it?");
    w.Member("settles", q.settles);
    w.Member("type", "category");
    w.Member("why", lang == Lang::kZh ? "产品类别决定哪些法规可能适用，并能推断许多特性。"
                                      : "The category decides which acts can apply and implies "
                                        "many of the product's attributes.");
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

// The reference a fit shows: its OJ rows' first, else its standard's, else its own.
std::string FitRef(const KnowledgeBase& kb, const FitVerdict& f) {
  if (!f.rows.empty()) return f.rows.back()->ref;
  if (f.fit->standard >= 0) return kb.standards()[f.fit->standard].ref;
  return f.fit->ref.empty() ? f.fit->number : f.fit->ref;
}

std::string FitTitle(const KnowledgeBase& kb, const FitVerdict& f, Lang lang) {
  if (!f.rows.empty()) return f.rows.back()->title;
  if (f.fit->standard >= 0) return kb.standards()[f.fit->standard].title.Get(lang);
  return f.fit->title.Get(lang);
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
  w.Member("lang", lang == Lang::kZh ? "zh" : "en");
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

namespace {

// Acts grouped by status, in the order a reader wants them.
std::vector<std::pair<VerdictStatus, std::vector<const ActVerdict*>>> Grouped(
    const KnowledgeBase& kb, const Assessment& a) {
  std::vector<std::pair<VerdictStatus, std::vector<const ActVerdict*>>> groups = {
      {VerdictStatus::kApplies, {}},      {VerdictStatus::kUpcoming, {}},
      {VerdictStatus::kUndetermined, {}}, {VerdictStatus::kNoLongerApplies, {}},
      {VerdictStatus::kNotApplicable, {}}};
  for (const auto& v : a.acts) {
    for (auto& g : groups) {
      if (g.first == v.status) g.second.push_back(&v);
    }
  }
  for (auto& g : groups) {
    std::sort(g.second.begin(), g.second.end(), [&](const ActVerdict* x, const ActVerdict* y) {
      return kb.acts()[x->act].short_name < kb.acts()[y->act].short_name;
    });
  }
  return groups;
}

// What free-text intake inferred, each with the words it came from.
std::string InferredLines(const KnowledgeBase& kb, const Product& p, Lang lang, bool markdown) {
  std::vector<std::string> lines;
  if (p.category >= 0 && p.category_source == ValueSource::kText) {
    lines.push_back(fmt::format("{}: {} ← \"{}\"", lang == Lang::kZh ? "类别" : "category",
                                kb.categories()[p.category].name.Get(lang), p.category_evidence));
  }
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (p.sources[i] != ValueSource::kText) continue;
    const Attribute& attr = kb.attributes()[i];
    lines.push_back(fmt::format("{}: {} ← \"{}\"", attr.label.Get(lang),
                                FormatValue(attr, p.values[i], lang),
                                i < p.evidence.size() ? p.evidence[i] : ""));
  }
  if (lines.empty()) return "";
  std::string out = markdown ? fmt::format("\n## {}\n\n", lang == Lang::kZh ? "从描述中识别" : "Inferred from the description")
                             : fmt::format("\n{}:\n", lang == Lang::kZh ? "从描述中识别" : "Inferred from the description");
  for (const auto& l : lines) out += fmt::format("{}{}\n", markdown ? "- " : "  - ", l);
  return out;
}

std::string Render(const KnowledgeBase& kb, const Product& p, const Assessment& a, Lang lang,
                   const std::optional<Question>& next, bool markdown) {
  const Words& w = W(lang);
  std::string out;
  std::string name = p.name.empty() ? (lang == Lang::kZh ? "（未命名产品）" : "(unnamed product)") : p.name;
  if (markdown) {
    out += fmt::format("# {}: {}\n\n", w.title, name);
    out += fmt::format("- {}: {}\n", w.as_of, a.as_of.ToString());
    if (p.category >= 0) out += fmt::format("- {}: {}\n", w.category, kb.categories()[p.category].name.Get(lang));
    out += "\n";
  } else {
    out += fmt::format("{}: {} ({} {})\n", w.title, name, w.as_of, a.as_of.ToString());
    if (p.category >= 0) out += fmt::format("{}: {}\n", w.category, kb.categories()[p.category].name.Get(lang));
  }
  out += InferredLines(kb, p, lang, markdown);
  for (const auto& [status, verdicts] : Grouped(kb, a)) {
    if (verdicts.empty()) continue;
    out += markdown ? fmt::format("\n## {} ({})\n\n", StatusWord(status, lang), verdicts.size())
                    : fmt::format("\n== {} ({}) ==\n", StatusWord(status, lang), verdicts.size());
    for (const ActVerdict* v : verdicts) {
      const Act& act = kb.acts()[v->act];
      std::string head = fmt::format("{} — {} ({})", act.short_name, act.title.Get(lang), act.number);
      if (status == VerdictStatus::kUpcoming && act.applies_from) {
        head += fmt::format(" [{} {}]", w.from, act.applies_from->date.ToString());
      }
      out += markdown ? fmt::format("### {}\n\n", head) : fmt::format("* {}\n", head);
      const char* indent = markdown ? "- " : "    - ";
      for (const auto& r : v->reasons) out += fmt::format("{}{}\n", indent, ReasonLine(kb, r, lang));
      if (!v->missing.empty()) {
        std::string m;
        for (int x : v->missing) m += (m.empty() ? "" : ", ") + AttrLabel(kb, x, lang);
        out += fmt::format("{}{}: {}\n", indent, w.missing, m);
      }
      if (!v->obligations.empty()) {
        out += markdown ? fmt::format("\n**{}**\n\n", w.obligations)
                        : fmt::format("    {}:\n", w.obligations);
        for (const auto& ov : v->obligations) {
          const Obligation& o = *ov.obligation;
          const Role* role = kb.FindRole(o.role);
          std::string extra;
          if (!o.modules.empty()) {
            std::string mods;
            for (const auto& m : o.modules) mods += (mods.empty() ? "" : ", ") + m;
            extra += fmt::format("; {}: {}", w.modules, mods);
          }
          if (o.notified_body != NotifiedBody::kUnspecified) {
            extra += fmt::format("; {}: {}", w.notified_body, NotifiedBodyName(o.notified_body));
          }
          if (!o.standards.empty()) {
            std::string s;
            for (int si : o.standards) s += (s.empty() ? "" : ", ") + kb.standards()[si].ref;
            extra += fmt::format("; {}: {}", w.standards, s);
          }
          std::string when;
          if (ov.status == VerdictStatus::kUpcoming && ov.from) {
            when = fmt::format(" [{} {}]", w.from, ov.from->ToString());
          } else if (ov.status == VerdictStatus::kUndetermined) {
            when = fmt::format(" [{}]", w.undetermined);
          }
          out += fmt::format("{}{}[{}] {}{} ({}{}){}\n", markdown ? "- " : "      - ",
                             markdown ? "" : "", role ? role->name.Get(lang) : o.role,
                             o.text.Get(lang), when, o.cite.ToString(),
                             o.unconfirmed ? std::string(", ") + w.unconfirmed : "", extra);
        }
      }
      if (!v->fits.empty()) {
        const bool zh = lang == Lang::kZh;
        const char* head_fit = zh ? "适合本产品的标准" : "Standards that fit this product";
        out += markdown ? fmt::format("\n**{}**\n\n", head_fit) : fmt::format("    {}:\n", head_fit);
        for (const auto& f : v->fits) {
          const StandardFit& x = *f.fit;
          std::string role = x.role;
          if (zh) role = x.role == "product" ? "产品专用" : x.role == "general" ? "通用" : x.role == "horizontal" ? "横向" : "惯例";
          std::string where;
          if (!f.rows.empty()) {
            const auto* r = f.rows.back();
            where = zh ? fmt::format("；官方公报清单 {} 第 {} 行，自 {} 起", r->printed_by, r->number, r->from ? r->from->ToString() : "?")
                       : fmt::format("; OJ list {} row {}, from {}", r->printed_by, r->number, r->from ? r->from->ToString() : "?");
            for (const auto* o : f.rows) {
              if (o->until) {
                where += zh ? fmt::format("；{} 推定符合至 {}", o->ref, o->until->ToString())
                            : fmt::format("; {} gives presumption until {}", o->ref, o->until->ToString());
              }
            }
          } else if (x.role == "customary") {
            where = zh ? "；惯例测试，不产生符合性推定" : "; customary, no presumption of conformity";
          }
          out += fmt::format("{}{} [{}] {}: {}{}{}\n", markdown ? "- " : "      - ", FitRef(kb, f), role,
                             FitTitle(kb, f, lang), x.why.Get(lang), where,
                             x.unconfirmed ? std::string(" (") + w.unconfirmed + ")" : "");
        }
      }
      if (markdown) out += "\n";
    }
  }
  if (next) {
    nlohmann::json q = QuestionToJson(kb, *next, lang);
    out += markdown ? fmt::format("\n## {}\n\n{}\n\n*{}: {}*\n", w.next_question,
                                  q["question"].get<std::string>(), w.why,
                                  q["why"].get<std::string>())
                    : fmt::format("\n{}: {}\n  ({}: {})\n", w.next_question,
                                  q["question"].get<std::string>(), w.why,
                                  q["why"].get<std::string>());
    if (next->for_obligations) {
      out += markdown ? fmt::format("\n*{}.*\n", w.duty_question) : fmt::format("  ({}.)\n", w.duty_question);
    }
  }
  return out;
}

}  // namespace

std::string AssessmentToText(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                             Lang lang, const std::optional<Question>& next) {
  return Render(kb, p, a, lang, next, false);
}

std::string AssessmentToMarkdown(const KnowledgeBase& kb, const Product& p,
                                 const Assessment& a, Lang lang,
                                 const std::optional<Question>& next) {
  return Render(kb, p, a, lang, next, true);
}

std::string VerdictSummary(const KnowledgeBase& kb, const Assessment& a) {
  std::vector<std::string> lines;
  for (const auto& v : a.acts) {
    if (v.status == VerdictStatus::kNotApplicable) continue;
    const Act& act = kb.acts()[v.act];
    std::string line = act.short_name + " " + VerdictStatusName(v.status);
    if (v.status == VerdictStatus::kUpcoming && act.applies_from) {
      line += " " + act.applies_from->date.ToString();
    } else if (v.status == VerdictStatus::kNoLongerApplies && act.applies_until) {
      line += " " + act.applies_until->date.ToString();
    }
    lines.push_back(line);
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

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
