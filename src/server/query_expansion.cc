#include "server/query_expansion.h"

#include <algorithm>
#include <vector>

#include "eucomply/text.h"

namespace eucomply::server {

using nlohmann::json;

ChineseIndex::ChineseIndex(const KnowledgeBase& kb) {
  for (const LexiconEntry& le : kb.lexicon()) {
    bool has_en = false;
    for (const std::string& t : le.terms) has_en = has_en || static_cast<unsigned char>(t[0]) < 0x80;
    if (!has_en || le.category < 0) continue;
    for (const std::string& t : le.terms) {
      if (!t.empty() && static_cast<unsigned char>(t[0]) >= 0xE0) terms_.emplace_back(t, &le);
    }
  }
  std::sort(terms_.begin(), terms_.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

Expansion ExpandChinese(const KnowledgeBase& kb, const std::string& text) { return ChineseIndex(kb).Expand(text); }

Expansion ChineseIndex::Expand(const std::string& text) const {
  Expansion e;
  e.text = text;
  bool cjk = false;
  for (unsigned char c : text) cjk = cjk || c >= 0xE0;
  if (!cjk) return e;
  const auto& zh_terms = terms_;
  std::string rest = text;
  std::string out;
  for (const auto& [term, le] : zh_terms) {
    size_t at = rest.find(term);
    if (at == std::string::npos) continue;
    rest.replace(at, term.size(), " ");
    json en = json::array();
    std::string group;
    for (const std::string& t : le->terms) {
      if (static_cast<unsigned char>(t[0]) >= 0x80) continue;
      en.push_back(t);
      group += (group.empty() ? "" : " OR ") + std::string("\"") + t + "\"";
    }
    if (group.empty()) continue;
    e.terms.push_back({{"zh", term}, {"en", en}});
    out += (out.empty() ? "" : " ") + group;
  }
  if (e.terms.empty()) return e;
  // What is left (other words, numbers) stays, unless it is only Chinese nobody matched.
  std::string left;
  for (auto w : Split(rest, ' ')) {
    std::string_view t = Trim(w);
    if (t.empty()) continue;
    bool zh = false;
    for (unsigned char c : t) zh = zh || c >= 0xE0;
    if (!zh) left += (left.empty() ? "" : " ") + std::string(t);
  }
  e.text = out + (left.empty() ? "" : " " + left);
  return e;
}

}  // namespace eucomply::server
