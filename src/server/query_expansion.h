// Chinese alert queries in English words: the Safety Gate texts are English only, so a query
// in Chinese is expanded through the bilingual lexicon of the knowledge base (issue 14).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "eucomply/kb.h"

namespace eucomply::server {

// Each Chinese lexicon term found in the text (longest first) becomes an OR group of that
// entry's English terms (充电宝 -> "power bank" OR "powerbank" OR ...); other words stay.
// `terms` lists what was expanded: [{"zh": "充电宝", "en": ["power bank", ...]}]; empty when
// nothing was (the text is then unchanged).
struct Expansion {
  std::string text;
  nlohmann::json terms = nlohmann::json::array();
};

// The Chinese terms of the lexicon entries that also have English ones, longest first: built
// once (the server keeps one per knowledge base), not on every request.
class ChineseIndex {
 public:
  explicit ChineseIndex(const KnowledgeBase& kb);
  Expansion Expand(const std::string& text) const;

 private:
  std::vector<std::pair<std::string, const LexiconEntry*>> terms_;
};

// One-off expansion (builds the index each call: for tests and tools).
Expansion ExpandChinese(const KnowledgeBase& kb, const std::string& text);

}  // namespace eucomply::server
