#include "rules/internal/report_words.h"

#include <fmt/format.h>

#include "common/enum_names.h"
#include "eucomply/messages.h"

namespace eucomply::report {

const char* LangId(Lang lang) { return lang == Lang::kZh ? "zh" : "en"; }

const char* OutcomeName(Tri t) {
  static constexpr const char* kNames[] = {"not_met", "met", "unknown"};  // kFalse, kTrue, kUnknown
  return EnumName(t, kNames);
}

const char* SourceName(ValueSource s) {
  static constexpr const char* kNames[] = {"none", "given", "category_default", "text"};
  return EnumName(s, kNames);
}

std::string AttrId(const KnowledgeBase& kb, int attr) {
  return attr == kCategoryAttr ? "category" : kb.attributes()[attr].id;
}

const std::string& StatusWord(VerdictStatus s, Lang lang) {
  static constexpr const char* kIds[] = {"report.status.applies", "report.status.not_applicable",
                                         "report.status.undetermined", "report.status.upcoming",
                                         "report.status.no_longer_applies"};
  return Msg(EnumName(s, kIds), lang);
}

const std::string& OutcomeWord(Tri t, Lang lang) {
  return Msg(t == Tri::kTrue    ? "report.outcome.met"
             : t == Tri::kFalse ? "report.outcome.not_met"
                                : "report.outcome.unknown",
             lang);
}

std::string AttrLabel(const KnowledgeBase& kb, int attr, Lang lang) {
  if (attr == kCategoryAttr) return Msg("report.category", lang);
  return kb.attributes()[attr].label.Get(lang);
}

std::string ReasonText(const KnowledgeBase& kb, const Reason& r, Lang lang) {
  if (r.rule) return r.rule->text.Get(lang);
  if (!r.date) return "";
  if (r.kind == ReasonKind::kAppliesFrom) return MsgF("report.applies_from", lang, r.date->date.ToString());
  std::string succ;
  if (!r.date->successor.empty()) {
    int s = kb.FindAct(r.date->successor);
    if (s >= 0) succ = kb.acts()[s].short_name;
  }
  return MsgF("report.applied_until", lang, r.date->date.ToString()) +
         (succ.empty() ? "" : MsgF("report.replaced_by", lang, succ));
}

std::string ReasonLine(const KnowledgeBase& kb, const Reason& r, Lang lang) {
  std::string mark;
  if (r.rule) {
    const char* kind = r.kind == ReasonKind::kExclusion ? "report.reason.exclusion"
                       : r.kind == ReasonKind::kNote    ? "report.reason.note"
                                                        : "report.reason.scope";
    mark = fmt::format("[{}, {}] ", Msg(kind, lang), OutcomeWord(r.outcome, lang));
  }
  const bool unconf = r.rule ? r.rule->unconfirmed : r.date && r.date->unconfirmed;
  const std::string cite = r.rule ? r.rule->cite.ToString() : r.date ? r.date->cite.ToString() : "";
  return fmt::format("{}{} ({}{})", mark, ReasonText(kb, r, lang), cite,
                     unconf ? ", " + Msg("report.unconfirmed", lang) : "");
}

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

}  // namespace eucomply::report

namespace eucomply {

QuestionText QuestionTextOf(const KnowledgeBase& kb, const Question& q, Lang lang) {
  if (q.attribute == kCategoryAttr) {
    return {Msg("report.category_question", lang), Msg("report.category_why", lang)};
  }
  const Attribute& a = kb.attributes()[q.attribute];
  return {a.question.Get(lang), a.why.Get(lang)};
}

}  // namespace eucomply
