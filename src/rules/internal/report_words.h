// The words and sentences of assessment reports shared by the JSON and the document
// renderings, all from the message catalogue (knowledge/messages.yaml).
#pragma once

#include <string>

#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply::report {

const char* LangId(Lang lang);            // "en", "zh"
const char* OutcomeName(Tri t);           // "met", "not_met", "unknown"
const char* SourceName(ValueSource s);    // "given", "text", ...
std::string AttrId(const KnowledgeBase& kb, int attr);  // "category" for kCategoryAttr
const std::string& StatusWord(VerdictStatus s, Lang lang);
const std::string& OutcomeWord(Tri t, Lang lang);
std::string AttrLabel(const KnowledgeBase& kb, int attr, Lang lang);
// A reason's sentence: the rule's text, or the date it applies from or until.
std::string ReasonText(const KnowledgeBase& kb, const Reason& r, Lang lang);
// "[scope, met] text (citation[, unconfirmed])".
std::string ReasonLine(const KnowledgeBase& kb, const Reason& r, Lang lang);
// The reference and title a fit shows: its OJ rows' first, else its standard's, else its own.
std::string FitRef(const KnowledgeBase& kb, const FitVerdict& f);
std::string FitTitle(const KnowledgeBase& kb, const FitVerdict& f, Lang lang);

// What a question asks and why (eucomply/report.h).
inline QuestionText TextOf(const KnowledgeBase& kb, const Question& q, Lang lang) {
  return QuestionTextOf(kb, q, lang);
}

}  // namespace eucomply::report
