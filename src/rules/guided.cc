#include "eucomply/guided.h"

#include <algorithm>

#include "eucomply/intake.h"

namespace eucomply {

GuidedSession::GuidedSession(const KnowledgeBase& kb, Product product, AssessOptions options)
    : kb_(kb), product_(std::move(product)), options_(options) {
  assessment_ = Assess(kb_, product_, options_);
}

std::optional<Question> GuidedSession::Next() const {
  return NextQuestion(kb_, product_, options_, assessment_, skipped_);
}

void GuidedSession::Answer(int attribute, Value value) {
  product_.Set(attribute, value, ValueSource::kGiven);
  assessment_ = Assess(kb_, product_, options_);
}

void GuidedSession::AnswerCategory(int category) {
  product_.category = category;
  product_.category_source = ValueSource::kGiven;
  ApplyCategoryDefaults(kb_, &product_);
  assessment_ = Assess(kb_, product_, options_);
}

void GuidedSession::Skip(int attribute) { skipped_.insert(attribute); }

std::vector<int> GuidedSession::CategoryCandidates(std::string_view words) const {
  bool known_word = false;
  for (const std::string& f : RecogniserFeatures(kb_, words)) {
    known_word = known_word || f.starts_with("L:") ||
                 (kb_.recogniser() != nullptr && f.starts_with("w:") &&
                  kb_.recogniser()->weights.count(f) > 0);
  }
  std::vector<int> cats;
  if (!known_word) return cats;
  for (const Inference& inf : InferFromText(kb_, words)) {
    if (inf.attribute != kCategoryAttr) continue;
    if (inf.category >= 0) cats.push_back(inf.category);
    for (const auto& [cand, p] : inf.candidates) cats.push_back(cand);
  }
  for (const CategoryGuess& g : RecogniseCategory(kb_, words)) {
    if (cats.size() >= 3) break;
    if (g.p >= 0.05 && std::find(cats.begin(), cats.end(), g.category) == cats.end()) {
      cats.push_back(g.category);
    }
  }
  if (cats.size() > 3) cats.resize(3);
  return cats;
}

}  // namespace eucomply
