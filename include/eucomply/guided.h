// GuidedSession: the question-and-answer loop of an assessment, shared by the CLI
// (`assess --interactive`), and next by the web page and the portfolio. It holds a product,
// asks NextQuestion what would change an act or an obligation, takes the answer or a skip,
// and assesses again.
//
// Not thread-safe; one session per user. The knowledge base must outlive the session.
#pragma once

#include <optional>
#include <set>
#include <string_view>
#include <vector>

#include "eucomply/engine.h"

namespace eucomply {

class GuidedSession {
 public:
  GuidedSession(const KnowledgeBase& kb, Product product, AssessOptions options);

  // The question to ask now, or nullopt when no answer can change the result any more (or
  // every such question was skipped).
  std::optional<Question> Next() const;

  // A given value for an attribute.
  void Answer(int attribute, Value value);
  // The category, given; its defaults fill the attributes still unknown.
  void AnswerCategory(int category);
  // The question of `attribute` (kCategoryAttr for the category) is not asked again.
  void Skip(int attribute);

  // Categories for words a user typed in answer to the category question: those the text
  // intake and the recogniser read from them, at most three, best first. Words neither the
  // lexicon nor the recogniser has seen bring up none.
  std::vector<int> CategoryCandidates(std::string_view words) const;

  const KnowledgeBase& kb() const { return kb_; }
  const Product& product() const { return product_; }
  const std::set<int>& skipped() const { return skipped_; }
  // The assessment of the product as it stands.
  const Assessment& assessment() const { return assessment_; }

 private:
  const KnowledgeBase& kb_;
  Product product_;
  AssessOptions options_;
  std::set<int> skipped_;
  Assessment assessment_;
};

}  // namespace eucomply
