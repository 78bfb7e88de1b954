// Text normalisation and lexicon term matching for the text intake (internal/intake_text.h).
#include "rules/internal/intake_text.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <memory>
#include <mutex>

#include "rules/internal/intake_words.h"

namespace eucomply {

// The compiled lexicon: every term normalised once, by its first bytes.
struct IntakeIndex {
  // Terms by their first byte, for terms whose second byte may be skipped or stands for
  // several (a joiner, an apostrophe) or that have one byte.
  std::array<std::vector<std::pair<int, std::string>>, 256> by_first;
  // All other terms by their first two bytes.
  std::vector<std::vector<std::pair<int, std::string>>> by_two =
      std::vector<std::vector<std::pair<int, std::string>>>(65536);
};

const IntakeIndex& GetIntakeIndex(const KnowledgeBase& kb) {
  std::call_once(kb.intake_once_, [&kb] {
    auto idx = std::make_shared<IntakeIndex>();
    const auto& lex = kb.lexicon();
    for (int e = 0; e < static_cast<int>(lex.size()); ++e) {
      for (const auto& t : lex[e].terms) {
        std::string term = intake::Normalise(t).s;
        if (term.empty()) continue;
        const unsigned char a = static_cast<unsigned char>(term[0]);
        if (term.size() < 2 || intake::IsJoiner(term[1]) || term[1] == '\'' ||
            intake::IsJoiner(term[0])) {
          idx->by_first[a].emplace_back(e, term);
        } else {
          idx->by_two[a << 8 | static_cast<unsigned char>(term[1])].emplace_back(e, term);
        }
      }
    }
    kb.intake_index_ = std::move(idx);
  });
  return *kb.intake_index_;
}

namespace intake {
namespace {

// The code point of the 2- or 3-byte UTF-8 sequence at t[i] of `len` bytes; 0 otherwise.
uint32_t CodePoint(std::string_view t, size_t i, size_t len) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(t[i + k]); };
  if (len == 3) return ((byte(0) & 0x0Fu) << 12) | ((byte(1) & 0x3Fu) << 6) | (byte(2) & 0x3Fu);
  if (len == 2) return ((byte(0) & 0x1Fu) << 6) | (byte(1) & 0x3Fu);
  return 0;
}

// The ASCII character that code point `cp` is folded to, or 0 to keep it as written.
char Fold(uint32_t cp) {
  if (cp >= 0xFF01 && cp <= 0xFF5E) {
    char folded = static_cast<char>(cp - 0xFEE0);
    if (folded >= 'A' && folded <= 'Z') folded = static_cast<char>(folded - 'A' + 'a');
    return folded;
  }
  if (cp == 0x3000 || cp == 0x00A0) return ' ';
  if (cp == 0x2018 || cp == 0x2019) return '\'';
  if (cp == 0x2013 || cp == 0x2014) return '-';
  if (cp == 0x301C) return '~';
  return 0;
}

// Where `term` (normalised) matches `s` at `pos`, the end of the match; kNpos otherwise.
// A space or hyphen in the term matches any run of spaces, hyphens and underscores in the
// text, or none ("e-bike" matches "ebike", "e bike"); an apostrophe is optional ("kids'").
// Where the term begins or ends with an ASCII letter or digit the text must have a word
// boundary there; at the end a plural "s"/"es" (or "ies" for a final "y") is accepted.
size_t MatchTermAt(std::string_view s, size_t pos, std::string_view term) {
  if (term.empty()) return kNpos;
  if (IsAsciiAlnum(term.front()) && pos > 0 && IsAsciiAlnum(s[pos - 1])) return kNpos;
  size_t i = pos, j = 0;
  auto body = [&](size_t term_end) -> bool {
    while (j < term_end) {
      char c = term[j];
      if (IsJoiner(c)) {
        while (j < term_end && IsJoiner(term[j])) ++j;
        while (i < s.size() && IsJoiner(s[i])) ++i;
        continue;
      }
      if (c == '\'') {
        if (i < s.size() && s[i] == '\'') ++i;
        ++j;
        continue;
      }
      if (i >= s.size() || s[i] != c) return false;
      ++i;
      ++j;
    }
    return true;
  };
  auto boundary = [&](size_t at) { return at >= s.size() || !IsAsciiAlnum(s[at]); };
  const bool ascii_end = IsAsciiAlnum(term.back());
  if (body(term.size())) {
    if (!ascii_end || boundary(i)) return i;
    if (IsAsciiAlpha(term.back())) {
      if (i < s.size() && s[i] == 's' && boundary(i + 1)) return i + 1;
      if (i + 1 < s.size() && s[i] == 'e' && s[i + 1] == 's' && boundary(i + 2)) return i + 2;
    }
  }
  if (term.size() > 1 && term.back() == 'y') {
    i = pos;
    j = 0;
    if (body(term.size() - 1) && s.substr(i, 3) == "ies" && boundary(i + 3)) return i + 3;
  }
  return kNpos;
}

// The word before `begin`, past the joiners between them: [*word, *end).
void WordBefore(std::string_view s, size_t begin, size_t* word, size_t* end) {
  size_t i = begin;
  while (i > 0 && IsJoiner(s[i - 1])) --i;
  size_t w = i;
  while (w > 0 && (IsAsciiAlpha(s[w - 1]) || s[w - 1] == '/')) --w;
  *word = w;
  *end = i;
}

// The length of the first word of kNegationZh that ends at `at`, or 0.
size_t ZhNegationBefore(std::string_view s, size_t at) {
  for (std::string_view neg : kNegationZh) {
    if (at >= neg.size() && s.substr(at - neg.size(), neg.size()) == neg) return neg.size();
  }
  return 0;
}

}  // namespace

Normalised Normalise(std::string_view t) {
  Normalised n;
  n.s.reserve(t.size());
  n.orig.reserve(t.size() + 1);
  auto put = [&](char c, size_t at) {
    n.s.push_back(c);
    n.orig.push_back(at);
  };
  for (size_t i = 0; i < t.size();) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c < 0x80) {
      char x = static_cast<char>(c);
      if (x >= 'A' && x <= 'Z') x = static_cast<char>(x - 'A' + 'a');
      if (x == '\t' || x == '\n' || x == '\r') x = ' ';
      put(x, i);
      ++i;
      continue;
    }
    size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
    if (i + len > t.size()) len = t.size() - i;
    if (char folded = Fold(CodePoint(t, i, len)); folded != 0) {
      put(folded, i);
    } else {
      for (size_t k = 0; k < len; ++k) put(t[i + k], i);
    }
    i += len;
  }
  n.orig.push_back(t.size());
  return n;
}

std::string Listing::Quote(size_t b, size_t e) const {
  size_t ob = norm.orig[b], oe = norm.orig[e];
  // A normalised byte inside a multi-byte character maps to that character's start.
  while (oe < text.size() && (static_cast<unsigned char>(text[oe]) & 0xC0) == 0x80) ++oe;
  return std::string(text.substr(ob, oe - ob));
}

TermMatches MatchTerms(const KnowledgeBase& kb, std::string_view s) {
  const IntakeIndex& index = GetIntakeIndex(kb);
  std::vector<Match> all;
  auto try_terms = [&](size_t pos, const std::vector<std::pair<int, std::string>>& terms) {
    for (const auto& [e, term] : terms) {
      size_t end = MatchTermAt(s, pos, term);
      if (end != kNpos) all.push_back({pos, end, e, false});
    }
  };
  for (size_t pos = 0; pos < s.size(); ++pos) {
    // Inside a word: a term that starts with a letter or digit must start at a word
    // boundary (MatchTermAt), and those are all the terms that start with s[pos].
    if (pos > 0 && IsAsciiAlnum(s[pos]) && IsAsciiAlnum(s[pos - 1])) continue;
    const unsigned char first = static_cast<unsigned char>(s[pos]);
    try_terms(pos, index.by_first[first]);
    if (pos + 1 < s.size()) {
      try_terms(pos, index.by_two[first << 8 | static_cast<unsigned char>(s[pos + 1])]);
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  TermMatches out;
  out.covered.assign(s.size(), false);
  for (const Match& m : all) {
    bool free = true;
    for (size_t i = m.begin; i < m.end && free; ++i) free = !out.covered[i];
    if (!free) continue;
    for (size_t i = m.begin; i < m.end; ++i) out.covered[i] = true;
    out.chosen.push_back(m);
  }
  std::sort(out.chosen.begin(), out.chosen.end(),
            [](const Match& a, const Match& b) { return a.begin < b.begin; });
  for (Match& m : out.chosen) m.negated = NegatedAt(s, m.begin);
  return out;
}

bool NegatedAt(std::string_view s, size_t begin) {
  size_t w = 0, i = 0;
  WordBefore(s, begin, &w, &i);
  std::string_view word = s.substr(w, i - w);
  if (std::find(std::begin(kNegationEn), std::end(kNegationEn), word) != std::end(kNegationEn)) {
    return true;
  }
  return ZhNegationBefore(s, i) > 0;
}

size_t NegationStart(std::string_view s, size_t begin) {
  size_t w = 0, i = 0;
  WordBefore(s, begin, &w, &i);
  // Nothing between a Chinese negation and its term: no joiner, no ASCII word.
  if (w == begin) return begin - ZhNegationBefore(s, begin);
  return w;
}

std::vector<size_t> SegmentBreaks(std::string_view s) {
  std::vector<size_t> breaks;
  for (size_t i = 0; i < s.size(); ++i) {
    for (std::string_view w : kSegmentWords) {
      if (s.substr(i, w.size()) == w && (i == 0 || !IsAsciiAlnum(s[i - 1])) &&
          (i + w.size() >= s.size() || !IsAsciiAlnum(s[i + w.size()]) || w == "w/")) {
        breaks.push_back(i);
      }
    }
    for (std::string_view m : kSegmentMarks) {
      if (s.substr(i, m.size()) == m) breaks.push_back(i);
    }
  }
  return breaks;
}

std::pair<size_t, size_t> ClauseAround(std::string_view s, size_t begin, size_t end) {
  auto is_break = [&](size_t i) {
    char c = s[i];
    if (c == ',' || c == ';' || c == '|' || c == '(' || c == ')' || c == '!' || c == '?') {
      return true;
    }
    if (c == '.') {
      return !(i > 0 && IsAsciiDigit(s[i - 1]) && i + 1 < s.size() && IsAsciiDigit(s[i + 1]));
    }
    static constexpr std::string_view kMarks[] = {"，", "；", "。", "（", "）",
                                                  "！", "、", "【", "】"};
    for (std::string_view m : kMarks) {
      if (s.substr(i, m.size()) == m) return true;
    }
    return false;
  };
  size_t b = begin;
  while (b > 0 && !is_break(b - 1)) --b;
  size_t e = end;
  while (e < s.size() && !is_break(e)) ++e;
  return {b, e};
}

bool ContainsWord(std::string_view s, std::string_view w) {
  for (size_t p = s.find(w); p != kNpos; p = s.find(w, p + 1)) {
    bool left = p == 0 || !IsAsciiAlpha(s[p - 1]) || !IsAscii(w.front());
    bool right = p + w.size() >= s.size() || !IsAsciiAlpha(s[p + w.size()]) || !IsAscii(w.back());
    if (left && right) return true;
  }
  return false;
}

bool ContainsAny(std::string_view s, std::span<const std::string_view> words) {
  for (std::string_view w : words) {
    if (ContainsWord(s, w)) return true;
  }
  return false;
}

size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsAsciiAlnum(static_cast<char>(c))) break;
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size()) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

std::string Singular(std::string w) {
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') {
    w.pop_back();
  }
  return w;
}

}  // namespace intake
}  // namespace eucomply
