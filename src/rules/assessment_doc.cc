// Assessments as documents for people: plain text and Markdown, through one DocWriter, so
// that both read the same and the HTML and PDF sinks of the documents capability can follow.
#include <fmt/format.h>

#include <algorithm>

#include "common/doc_writer.h"
#include "eucomply/messages.h"
#include "eucomply/report.h"
#include "rules/internal/report_words.h"

namespace eucomply {
namespace {

using namespace report;  // NOLINT: the shared words of this module's reports

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
void WriteInferred(DocWriter& d, const KnowledgeBase& kb, const Product& p, Lang lang) {
  std::vector<std::string> lines;
  if (p.category >= 0 && p.category_source == ValueSource::kText) {
    lines.push_back(fmt::format("{}: {} ← \"{}\"", Msg("report.category_lower", lang),
                                kb.categories()[p.category].name.Get(lang), p.category_evidence));
  }
  for (size_t i = 0; i < p.values.size(); ++i) {
    if (p.sources[i] != ValueSource::kText) continue;
    const Attribute& attr = kb.attributes()[i];
    lines.push_back(fmt::format("{}: {} ← \"{}\"", attr.label.Get(lang),
                                FormatValue(attr, p.values[i], lang),
                                i < p.evidence.size() ? p.evidence[i] : ""));
  }
  if (lines.empty()) return;
  d.Section(Msg("report.inferred", lang));
  for (const auto& l : lines) d.Item(0, l);
}

void WriteTitle(DocWriter& d, const KnowledgeBase& kb, const Product& p, const Assessment& a,
                Lang lang) {
  const std::string name = p.name.empty() ? Msg("report.unnamed_product", lang) : p.name;
  const std::string& title = Msg("report.title", lang);
  const std::string& as_of = Msg("report.as_of", lang);
  const std::string& category = Msg("report.category", lang);
  // The facts under the title: a list in Markdown, the title line's tail in text.
  if (d.markdown()) {
    d.Heading(1, fmt::format("{}: {}", title, name));
    d.Item(0, fmt::format("{}: {}", as_of, a.as_of.ToString()));
    if (p.category >= 0) d.Item(0, fmt::format("{}: {}", category, kb.categories()[p.category].name.Get(lang)));
    d.Raw("\n");
  } else {
    d.Heading(1, fmt::format("{}: {} ({} {})", title, name, as_of, a.as_of.ToString()));
    if (p.category >= 0) d.Raw(fmt::format("{}: {}\n", category, kb.categories()[p.category].name.Get(lang)));
  }
}

std::string ObligationLine(const KnowledgeBase& kb, const ObligationVerdict& ov, Lang lang) {
  const Obligation& o = *ov.obligation;
  const Role* role = kb.FindRole(o.role);
  std::string extra;
  if (!o.modules.empty()) {
    std::string mods;
    for (const auto& m : o.modules) mods += (mods.empty() ? "" : ", ") + m;
    extra += fmt::format("; {}: {}", Msg("report.modules", lang), mods);
  }
  if (o.notified_body != NotifiedBody::kUnspecified) {
    extra += fmt::format("; {}: {}", Msg("report.notified_body", lang), NotifiedBodyName(o.notified_body));
  }
  if (!o.standards.empty()) {
    std::string s;
    for (int si : o.standards) s += (s.empty() ? "" : ", ") + kb.standards()[si].ref;
    extra += fmt::format("; {}: {}", Msg("report.standards", lang), s);
  }
  std::string when;
  if (ov.status == VerdictStatus::kUpcoming && ov.from) {
    when = fmt::format(" [{} {}]", Msg("report.from", lang), ov.from->ToString());
  } else if (ov.status == VerdictStatus::kUndetermined) {
    when = fmt::format(" [{}]", StatusWord(VerdictStatus::kUndetermined, lang));
  }
  return fmt::format("[{}] {}{} ({}{}){}", role ? role->name.Get(lang) : o.role, o.text.Get(lang),
                     when, o.cite.ToString(),
                     o.unconfirmed ? ", " + Msg("report.unconfirmed", lang) : "", extra);
}

std::string FitLine(const KnowledgeBase& kb, const FitVerdict& f, Lang lang) {
  const StandardFit& x = *f.fit;
  std::string role = x.role;
  if (lang == Lang::kZh && (x.role == "product" || x.role == "general" || x.role == "horizontal")) {
    role = Msg("report.fit_role." + x.role, lang);
  } else if (lang == Lang::kZh) {
    role = Msg("report.fit_role.customary", lang);
  }
  std::string where;
  if (!f.rows.empty()) {
    const auto* r = f.rows.back();
    where = MsgF("report.fit_oj_row", lang, r->printed_by, r->number, r->from ? r->from->ToString() : "?");
    for (const auto* o : f.rows) {
      if (o->until) where += MsgF("report.fit_presumption_until", lang, o->ref, o->until->ToString());
    }
  } else if (x.role == "customary") {
    where = Msg("report.fit_customary", lang);
  }
  return fmt::format("{} [{}] {}: {}{}{}", FitRef(kb, f), role, FitTitle(kb, f, lang), x.why.Get(lang),
                     where, x.unconfirmed ? " (" + Msg("report.unconfirmed", lang) + ")" : "");
}

void WriteVerdict(DocWriter& d, const KnowledgeBase& kb, VerdictStatus status, const ActVerdict& v,
                  Lang lang) {
  const Act& act = kb.acts()[v.act];
  std::string head = fmt::format("{} — {} ({})", act.short_name, act.title.Get(lang), act.number);
  if (status == VerdictStatus::kUpcoming && act.applies_from) {
    head += fmt::format(" [{} {}]", Msg("report.from", lang), act.applies_from->date.ToString());
  }
  d.Heading(3, head);
  for (const auto& r : v.reasons) d.Item(1, ReasonLine(kb, r, lang));
  if (!v.missing.empty()) {
    std::string m;
    for (int x : v.missing) m += (m.empty() ? "" : ", ") + AttrLabel(kb, x, lang);
    d.Item(1, fmt::format("{}: {}", Msg("report.missing", lang), m));
  }
  if (!v.obligations.empty()) {
    d.ListTitle(Msg("report.obligations", lang));
    for (const auto& ov : v.obligations) d.Item(2, ObligationLine(kb, ov, lang));
  }
  if (!v.fits.empty()) {
    d.ListTitle(Msg("report.fits", lang));
    for (const auto& f : v.fits) d.Item(2, FitLine(kb, f, lang));
  }
  d.EndEntry();
}

void WriteNextQuestion(DocWriter& d, const KnowledgeBase& kb, const Question& next, Lang lang) {
  const QuestionText q = TextOf(kb, next, lang);
  const std::string& head = Msg("report.next_question", lang);
  if (d.markdown()) {
    d.Heading(2, head);
    d.Raw(q.question + "\n");
  } else {
    d.Raw(fmt::format("\n{}: {}\n", head, q.question));
  }
  d.Aside(fmt::format("{}: {}", Msg("report.why_we_ask", lang), q.why));
  if (next.for_obligations) d.Aside(Msg("report.duty_question", lang) + ".");
}

void Render(DocWriter& d, const KnowledgeBase& kb, const Product& p, const Assessment& a,
            Lang lang, const std::optional<Question>& next) {
  WriteTitle(d, kb, p, a, lang);
  WriteInferred(d, kb, p, lang);
  for (const auto& [status, verdicts] : Grouped(kb, a)) {
    if (verdicts.empty()) continue;
    d.Heading(2, fmt::format("{} ({})", StatusWord(status, lang), verdicts.size()));
    for (const ActVerdict* v : verdicts) WriteVerdict(d, kb, status, *v, lang);
  }
  if (next) WriteNextQuestion(d, kb, *next, lang);
}

}  // namespace

std::string AssessmentToText(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                             Lang lang, const std::optional<Question>& next) {
  std::string out;
  Render(*TextDocWriter(&out), kb, p, a, lang, next);
  return out;
}

std::string AssessmentToMarkdown(const KnowledgeBase& kb, const Product& p,
                                 const Assessment& a, Lang lang,
                                 const std::optional<Question>& next) {
  std::string out;
  Render(*MarkdownDocWriter(&out), kb, p, a, lang, next);
  return out;
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

}  // namespace eucomply
