// Renders assessments, acts and standards for people (text, Markdown) and programs (JSON).
// The JSON schema is documented in docs/assessment-schema.md; the server returns the same.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "eucomply/engine.h"

namespace eucomply {

// The JSON of an assessment (docs/assessment-schema.md), a product and a question, written
// compactly without a document tree: the bytes nlohmann::json::dump() would give. The
// *ToJson forms parse that text back for callers that want to look inside.
std::string AssessmentJson(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                           Lang lang, const std::optional<Question>& next);
std::string ProductJson(const KnowledgeBase& kb, const Product& p, Lang lang);
std::string QuestionJson(const KnowledgeBase& kb, const Question& q, Lang lang);

// What a question asks and why, in one language: the two texts a prompt shows.
struct QuestionText {
  std::string question;
  std::string why;
};
QuestionText QuestionTextOf(const KnowledgeBase& kb, const Question& q, Lang lang);

nlohmann::json QuestionToJson(const KnowledgeBase& kb, const Question& q, Lang lang);
nlohmann::json ProductToJson(const KnowledgeBase& kb, const Product& p, Lang lang);
nlohmann::json AssessmentToJson(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                                Lang lang, const std::optional<Question>& next);
std::string AssessmentToText(const KnowledgeBase& kb, const Product& p, const Assessment& a,
                             Lang lang, const std::optional<Question>& next);
std::string AssessmentToMarkdown(const KnowledgeBase& kb, const Product& p,
                                 const Assessment& a, Lang lang,
                                 const std::optional<Question>& next);
// One line per act that is not not_applicable: "<SHORT> <status>[ <date>]", sorted by short
// name; the golden tests' expected-output format.
std::string VerdictSummary(const KnowledgeBase& kb, const Assessment& a);

// An act as reference data (GET /api/v1/acts/{celex}): dates, scope, exclusions, obligations.
nlohmann::json ActToJson(const KnowledgeBase& kb, const Act& act, Lang lang, bool full);
nlohmann::json StandardToJson(const KnowledgeBase& kb, const Standard& s, Lang lang);
// A category with its parents, Safety Gate names and the attribute values it implies
// (inherited defaults included), and an attribute with its type, unit, question and values:
// what a program needs to write product documents (GET /api/v1/categories, /attributes).
nlohmann::json CategoryToJson(const KnowledgeBase& kb, const Category& c, Lang lang);
nlohmann::json AttributeToJson(const Attribute& a, Lang lang);

}  // namespace eucomply
