// The Safety Gate vocabulary in English and Chinese (knowledge/alerts/vocabulary.yaml): risk
// types, categories and levels as the reports write them, and the recurring findings of the
// risk texts with the words that name them (issue 14).
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eucomply/status.h"

namespace eucomply::alerts {

struct Finding {
  std::string id, en, zh;
  std::vector<std::string> words;  // lower case; each must begin a word of the text
};

class Vocabulary {
 public:
  // The Chinese of an English value (risk type, category, level); the value itself when the
  // vocabulary has none, or when `zh` is false.
  std::string Translate(std::string_view en, bool zh) const;
  // A measure's Chinese: the vocabulary's, else composed from its parts (voluntary, recall,
  // withdrawal, ban, warning, destruction, ... ordered by the authorities).
  std::string TranslateMeasure(std::string_view en, bool zh) const;
  const std::vector<Finding>& findings() const { return findings_; }
  // The findings a risk text names, in vocabulary order.
  std::vector<const Finding*> FindingsIn(std::string_view text) const;

 private:
  friend Result<std::shared_ptr<const Vocabulary>> LoadVocabulary(const std::string& path);
  std::unordered_map<std::string, std::string> zh_;
  std::vector<Finding> findings_;
};

// Every problem at once as "file:line:col: message".
Result<std::shared_ptr<const Vocabulary>> LoadVocabulary(const std::string& path);

}  // namespace eucomply::alerts
