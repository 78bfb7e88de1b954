// Free-text intake (include/eucomply/intake.h): lexicon terms and quantities with units in a
// product description become a category and attribute values, each with the words it came
// from. The rules are written out in docs/knowledge-format.md (lexicon.yaml) and
// docs/product-format.md (the `text` key).
#include "eucomply/intake.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>

#include <fmt/format.h>

#include "eucomply/text.h"
#include "eucomply/units.h"

namespace eucomply {
namespace {

constexpr size_t kNpos = std::string::npos;
constexpr size_t kMaxTextBytes = 8192;  // the text read; the rest is ignored

bool IsAlnum(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAscii(char c) { return static_cast<unsigned char>(c) < 0x80; }
// Characters a lexicon term's space or hyphen may stand for (also none at all).
bool IsJoiner(char c) { return c == ' ' || c == '-' || c == '_'; }

// The text as matched: ASCII lower-cased, full-width ASCII folded to ASCII, the ideographic
// space and other blanks folded to ' ', curly apostrophes to '\'', dashes and the full-width
// tilde to '-' / '~'. `orig[i]` is the byte offset in the original text of normalised byte i
// (one extra entry for the end), so evidence is quoted as the seller wrote it.
struct Normalised {
  std::string s;
  std::vector<size_t> orig;
};

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
    uint32_t cp = 0;
    if (len == 3) {
      cp = ((c & 0x0Fu) << 12) | ((static_cast<unsigned char>(t[i + 1]) & 0x3Fu) << 6) |
           (static_cast<unsigned char>(t[i + 2]) & 0x3Fu);
    } else if (len == 2) {
      cp = ((c & 0x1Fu) << 6) | (static_cast<unsigned char>(t[i + 1]) & 0x3Fu);
    }
    char folded = 0;
    if (cp >= 0xFF01 && cp <= 0xFF5E) {
      folded = static_cast<char>(cp - 0xFEE0);
      if (folded >= 'A' && folded <= 'Z') folded = static_cast<char>(folded - 'A' + 'a');
    } else if (cp == 0x3000 || cp == 0x00A0) {
      folded = ' ';
    } else if (cp == 0x2018 || cp == 0x2019) {
      folded = '\'';
    } else if (cp == 0x2013 || cp == 0x2014) {
      folded = '-';
    } else if (cp == 0x301C) {
      folded = '~';
    }
    if (folded != 0) {
      put(folded, i);
    } else {
      for (size_t k = 0; k < len; ++k) put(t[i + k], i);
    }
    i += len;
  }
  n.orig.push_back(t.size());
  return n;
}

// Where `term` (normalised) matches `s` at `pos`, the end of the match; kNpos otherwise.
// A space or hyphen in the term matches any run of spaces, hyphens and underscores in the
// text, or none ("e-bike" matches "ebike", "e bike"); an apostrophe is optional ("kids'").
// Where the term begins or ends with an ASCII letter or digit the text must have a word
// boundary there; at the end a plural "s"/"es" (or "ies" for a final "y") is accepted.
size_t MatchTermAt(std::string_view s, size_t pos, std::string_view term) {
  if (term.empty()) return kNpos;
  if (IsAlnum(term.front()) && pos > 0 && IsAlnum(s[pos - 1])) return kNpos;
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
  auto boundary = [&](size_t at) { return at >= s.size() || !IsAlnum(s[at]); };
  const bool ascii_end = IsAlnum(term.back());
  if (body(term.size())) {
    if (!ascii_end || boundary(i)) return i;
    if (IsAlpha(term.back())) {
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

struct Match {
  size_t begin = 0, end = 0;  // in the normalised text
  int entry = -1;
  bool negated = false;
};

// Negation just before a match: "no", "without", "non-", "not", "w/o", or 无 / 不含 / 不带 /
// 没有 / 非 / 免 / 不 right before the term. 无线 ("wireless") is a word of its own, so a term
// that follows it is not negated.
bool NegatedAt(std::string_view s, size_t begin) {
  size_t i = begin;
  while (i > 0 && IsJoiner(s[i - 1])) --i;
  size_t w = i;
  while (w > 0 && (IsAlpha(s[w - 1]) || s[w - 1] == '/')) --w;
  std::string_view word = s.substr(w, i - w);
  if (word == "no" || word == "without" || word == "non" || word == "not" || word == "w/o" ||
      word == "zero") {
    return true;
  }
  for (std::string_view neg : {"不含", "不带", "没有", "无", "非", "免", "不"}) {
    if (i >= neg.size() && s.substr(i - neg.size(), neg.size()) == neg) return true;
  }
  return false;
}

// Positions that end one segment of a description and start the next: what follows them
// describes a feature, an accessory or the product it is for ("plush toy with sound module",
// "charger for e-bike", "充电宝 带手电筒", "适用于电动车的充电器").
std::vector<size_t> SegmentBreaks(std::string_view s) {
  std::vector<size_t> breaks;
  static constexpr std::string_view kWords[] = {"with", "for", "including", "incl", "plus",
                                                "w/"};
  static constexpr std::string_view kMarks[] = {",", ";", "|", "(", "，", "；", "（", "【",
                                                "[",  "带", "配", "附", "含", "送", "适用",
                                                "用于", "适合", "。"};
  for (size_t i = 0; i < s.size(); ++i) {
    for (std::string_view w : kWords) {
      if (s.substr(i, w.size()) == w && (i == 0 || !IsAlnum(s[i - 1])) &&
          (i + w.size() >= s.size() || !IsAlnum(s[i + w.size()]) || w == "w/")) {
        breaks.push_back(i);
      }
    }
    for (std::string_view m : kMarks) {
      if (s.substr(i, m.size()) == m) breaks.push_back(i);
    }
  }
  return breaks;
}

// Clause boundaries for quantities' context: punctuation, not a decimal point.
std::pair<size_t, size_t> ClauseAround(std::string_view s, size_t begin, size_t end) {
  auto is_break = [&](size_t i) {
    char c = s[i];
    if (c == ',' || c == ';' || c == '|' || c == '(' || c == ')' || c == '!' || c == '?') {
      return true;
    }
    if (c == '.') return !(i > 0 && IsDigit(s[i - 1]) && i + 1 < s.size() && IsDigit(s[i + 1]));
    for (std::string_view m : {"，", "；", "。", "（", "）", "！", "、", "【", "】"}) {
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
    bool left = p == 0 || !IsAlpha(s[p - 1]) || !IsAscii(w.front());
    bool right = p + w.size() >= s.size() || !IsAlpha(s[p + w.size()]) || !IsAscii(w.back());
    if (left && right) return true;
  }
  return false;
}

bool ContainsAny(std::string_view s, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (ContainsWord(s, w)) return true;
  }
  return false;
}

// Unit words as sellers write them (lower-case, after normalisation), with the unit symbol of
// include/eucomply/units.h they stand for and a factor into that unit.
struct UnitWord {
  std::string_view word;
  std::string_view symbol;
  double factor;
  // An age without further context (岁, months): listings give months for babies' ages; a
  // warranty or return period in the same clause still rules it out.
  bool age;
};

constexpr UnitWord kUnitWords[] = {
    {"mah", "Ah", 1e-3, false},      {"毫安时", "Ah", 1e-3, false}, {"ah", "Ah", 1, false},
    {"mwh", "Wh", 1e-3, false},      {"kwh", "Wh", 1e3, false},     {"wh", "Wh", 1, false},
    {"千瓦时", "Wh", 1e3, false},    {"瓦时", "Wh", 1, false},      {"mv", "V", 1e-3, false},
    {"kv", "V", 1e3, false},         {"vac", "V", 1, false},        {"vdc", "V", 1, false},
    {"v", "V", 1, false},            {"伏", "V", 1, false},         {"ma", "A", 1e-3, false},
    {"毫安", "A", 1e-3, false},      {"a", "A", 1, false},          {"安", "A", 1, false},
    {"mw", "W", 1e-3, false},        {"kw", "W", 1e3, false},       {"w", "W", 1, false},
    {"千瓦", "W", 1e3, false},       {"瓦", "W", 1, false},         {"km/h", "km/h", 1, false},
    {"kmh", "km/h", 1, false},       {"kph", "km/h", 1, false},     {"mph", "km/h", 1.609344, false},
    {"公里/小时", "km/h", 1, false}, {"千米/小时", "km/h", 1, false}, {"公里每小时", "km/h", 1, false},
    {"m/s", "m/s", 1, false},      {"years", "years", 1, false},
    {"year", "years", 1, false},     {"yrs", "years", 1, false},    {"yr", "years", 1, false},
    {"周岁", "years", 1, true},      {"岁", "years", 1, true},      {"months", "months", 1, true},
    {"month", "months", 1, true},   {"mos", "months", 1, false},   {"个月", "months", 1, true},
    {"月龄", "months", 1, true},     {"weeks", "weeks", 1, false},  {"week", "weeks", 1, false},
    {"bar", "bar", 1, false},        {"mpa", "MPa", 1, false},      {"kpa", "kPa", 1, false},
    {"psi", "bar", 0.0689476, false}, {"kg", "kg", 1, false},       {"公斤", "kg", 1, false},
    {"千克", "kg", 1, false},        {"ml", "mL", 1, false},        {"毫升", "mL", 1, false},
    {"l", "L", 1, false},            {"升", "L", 1, false},
};

// A number at `i` ("5", "3.7", "3,7", "1,000"); its end in *end.
std::optional<double> NumberAt(std::string_view s, size_t i, size_t* end) {
  if (i >= s.size() || !IsDigit(s[i])) return std::nullopt;
  std::string digits;
  size_t j = i;
  while (j < s.size() && IsDigit(s[j])) digits += s[j++];
  if (j + 1 < s.size() && (s[j] == '.' || s[j] == ',') && IsDigit(s[j + 1])) {
    size_t k = j + 1;
    std::string frac;
    while (k < s.size() && IsDigit(s[k])) frac += s[k++];
    if (s[j] == ',' && frac.size() == 3) {
      digits += frac;  // a thousands separator
    } else {
      digits += "." + frac;
    }
    j = k;
  }
  *end = j;
  return std::strtod(digits.c_str(), nullptr);
}

size_t SkipSpaces(std::string_view s, size_t i) {
  while (i < s.size() && s[i] == ' ') ++i;
  return i;
}

// The unit word at `i`, if one is there and ends at a word boundary.
const UnitWord* UnitAt(std::string_view s, size_t i, size_t* end) {
  const UnitWord* best = nullptr;
  for (const auto& u : kUnitWords) {
    if (s.substr(i, u.word.size()) != u.word) continue;
    size_t e = i + u.word.size();
    if (IsAscii(u.word.back()) && e < s.size() && IsAlpha(s[e])) {
      // "220vac"/"5vdc" are read by their own rows; "5v3a" is two quantities.
      continue;
    }
    if (!best || u.word.size() > best->word.size()) {
      best = &u;
      *end = e;
    }
  }
  return best;
}

struct Amount {
  double lo = 0, hi = 0;  // a range "100-240V"; lo == hi for one value
  const UnitWord* unit = nullptr;
  size_t begin = 0, end = 0;
  bool plus = false;      // "3+", "3岁+", "3 years and up", "3岁以上"
  bool under = false;     // "under 3", "3岁以下"
};

std::vector<Amount> FindQuantities(std::string_view s) {
  std::vector<Amount> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsAlnum(s[i - 1]) || s[i - 1] == '.'))) continue;
    size_t e = 0;
    auto v = NumberAt(s, i, &e);
    if (!v) continue;
    Amount q;
    q.begin = i;
    q.lo = q.hi = *v;
    size_t j = SkipSpaces(s, e);
    bool plus_first = j < s.size() && s[j] == '+';  // "3+ years"
    if (plus_first) j = SkipSpaces(s, j + 1);
    size_t ue = 0;
    const UnitWord* unit = UnitAt(s, j, &ue);
    // A range: "100-240V", "100V-240V", "3 to 6 years", "0-3个月", "3~8岁", "3至6岁".
    size_t k = unit ? SkipSpaces(s, ue) : j;
    size_t after_sep = kNpos;
    if (k < s.size() && (s[k] == '-' || s[k] == '~' || s[k] == '/')) after_sep = k + 1;
    else if (s.substr(k, 2) == "to" && (k + 2 >= s.size() || !IsAlpha(s[k + 2]))) after_sep = k + 2;
    else if (s.substr(k, 3) == "至") after_sep = k + 3;
    if (after_sep != kNpos) {
      size_t n2 = SkipSpaces(s, after_sep);
      size_t e2 = 0;
      if (auto v2 = NumberAt(s, n2, &e2)) {
        size_t j2 = SkipSpaces(s, e2);
        size_t ue2 = 0;
        const UnitWord* unit2 = UnitAt(s, j2, &ue2);
        if (unit2 && (!unit || unit->symbol == unit2->symbol) && s[k] != '/') {
          q.lo = std::min(*v, *v2);
          q.hi = std::max(*v, *v2);
          unit = unit2;
          ue = ue2;
        }
      }
    }
    if (!unit) {
      // "3+" is read as an age only with an age word close by ("ages 3+", "kids 6+", "适合3+").
      size_t p = SkipSpaces(s, e);
      if (plus_first && *v <= 18) {
        size_t from = i >= 12 ? i - 12 : 0;
        std::string_view before = s.substr(from, i - from);
        if (ContainsAny(before, {"age", "ages", "aged", "kid", "kids", "child", "children",
                                 "toddler", "toddlers", "适合", "年龄", "儿童", "宝宝"})) {
          static constexpr UnitWord kYears{"+", "years", 1, true};
          q.unit = &kYears;
          q.plus = true;
          q.end = p + 1;
          out.push_back(q);
          i = q.end - 1;
        }
      }
      continue;
    }
    q.unit = unit;
    q.end = ue;
    q.plus = plus_first;
    {
      size_t b = i;
      while (b > 0 && s[b - 1] == ' ') --b;
      for (std::string_view w : {"under", "below", "up to", "younger than", "less than"}) {
        if (b >= w.size() && s.substr(b - w.size(), w.size()) == w) q.under = true;
      }
    }
    size_t p = SkipSpaces(s, q.end);
    if (p < s.size() && s[p] == '+') {
      q.plus = true;
      q.end = p + 1;
    }
    if (s.substr(p, 6) == "以上") q.plus = true, q.end = p + 6;
    if (s.substr(p, 6) == "以下") q.under = true, q.end = p + 6;
    if (ContainsAny(s.substr(p, 12), {"and up", "and older", "and over", "plus"})) q.plus = true;
    out.push_back(q);
    i = q.end > 0 ? q.end - 1 : i;
  }
  // "6m+", "18m+", "3y+" on baby and children's listings: ages in months and years, not units
  // of units.cc, read here.
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (!IsDigit(s[i]) || (i > 0 && (IsAlnum(s[i - 1]) || s[i - 1] == '.'))) continue;
    size_t e = 0;
    auto v = NumberAt(s, i, &e);
    if (!v || e + 1 >= s.size() || s[e + 1] != '+' || (s[e] != 'm' && s[e] != 'y')) continue;
    static constexpr UnitWord kMonths{"m", "months", 1, true};
    static constexpr UnitWord kYears{"y", "years", 1, true};
    Amount q;
    q.lo = q.hi = *v;
    q.unit = s[e] == 'm' ? &kMonths : &kYears;
    q.begin = i;
    q.end = e + 2;
    q.plus = true;
    out.push_back(q);
  }
  return out;
}

// Words of an attribute's label that, near a quantity, pick that attribute among several
// mappings of one dimension: English words of three letters or more (compared by their first
// five letters) and the two-character pieces of the Chinese label.
int LabelScore(const Attribute& a, std::string_view clause) {
  int score = 0;
  std::string en = AsciiLower(a.label.en);
  size_t i = 0;
  while (i < en.size()) {
    while (i < en.size() && !IsAlpha(en[i])) ++i;
    size_t b = i;
    while (i < en.size() && IsAlpha(en[i])) ++i;
    std::string_view w = std::string_view(en).substr(b, i - b);
    if (w.size() < 3) continue;
    std::string_view stem = w.substr(0, std::min<size_t>(w.size(), 5));
    for (size_t p = clause.find(stem.substr(0, 3)); p != kNpos; p = clause.find(stem.substr(0, 3), p + 1)) {
      if (p > 0 && IsAlpha(clause[p - 1])) continue;
      size_t q = p;
      while (q < clause.size() && IsAlpha(clause[q])) ++q;
      std::string_view tw = clause.substr(p, q - p);
      size_t n = std::min(tw.size(), stem.size());
      if (n >= 3 && tw.substr(0, n) == stem.substr(0, n)) {
        ++score;
        break;
      }
    }
  }
  const std::string& zh = a.label.zh;
  for (size_t k = 0; k + 6 <= zh.size(); k += 3) {
    if (static_cast<unsigned char>(zh[k]) < 0xE0) continue;
    if (clause.find(zh.substr(k, 6)) != kNpos) ++score;
  }
  return score;
}

int Depth(const KnowledgeBase& kb, int c, std::map<int, int>* memo) {
  if (auto it = memo->find(c); it != memo->end()) return it->second;
  int d = 0;
  for (const auto& p : kb.categories()[c].parent_ids) {
    int pi = kb.FindCategory(p);
    if (pi >= 0 && pi != c) d = std::max(d, 1 + Depth(kb, pi, memo));
  }
  (*memo)[c] = d;
  return d;
}

void CollectAttributes(const kb::Expr& e, std::set<int>* out) {
  for (const auto& n : e.nodes) {
    if (n.attr >= 0) out->insert(n.attr);
  }
}

// Does some act test `attr` in its scope or exclusions together with an attribute that
// category `c` sets by default (to yes, or to any value that is not a bool)?
bool RelevantToCategory(const KnowledgeBase& kb, int c, int attr) {
  if (c < 0) return false;
  std::set<int> implied;
  for (const auto& [a, v] : kb.Defaults(c)) {
    if (v.kind != Value::Kind::kBool || v.b) implied.insert(a);
  }
  for (const Act& act : kb.acts()) {
    std::set<int> used;
    for (const Rule& r : act.scope) CollectAttributes(r.when, &used);
    for (const Rule& r : act.exclusions) CollectAttributes(r.when, &used);
    if (!used.count(attr)) continue;
    for (int a : used) {
      if (a != attr && implied.count(a)) return true;
    }
  }
  return false;
}

struct Found {
  size_t pos = 0;         // where in the text, for ordering
  bool quantity = false;  // read from a number with a unit
  Inference inf;
};

std::string Quote(const Normalised& n, std::string_view text, size_t b, size_t e) {
  size_t ob = n.orig[b], oe = n.orig[e];
  // A normalised byte inside a multi-byte character maps to that character's start.
  while (oe < text.size() && (static_cast<unsigned char>(text[oe]) & 0xC0) == 0x80) ++oe;
  return std::string(text.substr(ob, oe - ob));
}


bool IsRoot(const KnowledgeBase& kb, int c) { return kb.categories()[c].parent_ids.empty(); }

// The first parent of `c`, or -1 at the root.
int ParentOf(const KnowledgeBase& kb, int c) {
  const auto& parents = kb.categories()[c].parent_ids;
  return parents.empty() ? -1 : kb.FindCategory(parents.front());
}

// ASCII letters and digits, and the bytes of Latin, Greek and Cyrillic letters (2-byte UTF-8),
// make words; everything else (punctuation, CJK) separates them.
size_t WordEnd(std::string_view s, size_t i) {
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!IsAlnum(static_cast<char>(c))) break;
      ++i;
    } else if (c >= 0xC2 && c <= 0xDF && i + 1 < s.size()) {
      i += 2;
    } else {
      break;
    }
  }
  return i;
}

// "sprays" -> "spray", "batteries" -> "battery": a plural read as its singular.
std::string Singular(std::string w) {
  if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  if (w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u') w.pop_back();
  return w;
}

// The recogniser's features of normalised text `s` (see RecogniserFeatures in intake.h).
std::vector<std::string> FeaturesOf(const KnowledgeBase& kb, std::string_view s,
                                    const std::vector<int>& named, int lex_category) {
  std::vector<std::string> f;
  std::string prev;
  bool head = true;
  int head_words = 0;
  for (size_t i = 0; i < s.size();) {
    size_t e = WordEnd(s, i);
    if (e == i) {
      unsigned char c = static_cast<unsigned char>(s[i]);
      if (c == '.' || c == '|' || c == ';' || c == ',' || c == '(' || c == ':' || c == '!') {
        prev.clear();
        if (c == '.' && i + 1 < s.size() && IsDigit(s[i + 1]) && i > 0 && IsDigit(s[i - 1])) {
          // a decimal point, not the end of the title
        } else if (head_words > 0) {
          head = false;
        }
      }
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 1;
      if (c >= 0xE0) {
        prev.clear();  // a CJK character separates words
      }
      i += len;
      continue;
    }
    std::string w(s.substr(i, e - i));
    i = e;
    bool digits = std::all_of(w.begin(), w.end(), [](char c) { return IsDigit(c); });
    if (digits || w.size() < 2) {
      prev.clear();
      continue;
    }
    w = Singular(std::move(w));
    f.push_back("w:" + w);
    if (!prev.empty()) f.push_back("b:" + prev + " " + w);
    if (head && head_words < 8) {
      f.push_back("h:" + w);
      ++head_words;
    }
    prev = w;
  }
  for (int c : named) {
    f.push_back("L:" + kb.categories()[c].id);
    for (int a = ParentOf(kb, c); a >= 0 && !IsRoot(kb, a); a = ParentOf(kb, a)) {
      f.push_back("A:" + kb.categories()[a].id);
    }
  }
  if (lex_category >= 0) f.push_back("P:" + kb.categories()[lex_category].id);
  std::sort(f.begin(), f.end());
  f.erase(std::unique(f.begin(), f.end()), f.end());
  return f;
}

std::vector<CategoryGuess> ClassifyFeatures(const KnowledgeBase& kb, const std::vector<std::string>& features) {
  const RecogniserModel* m = kb.recogniser();
  if (m == nullptr) return {};
  const size_t k = m->classes.size();
  std::vector<double> z(m->bias.begin(), m->bias.end());
  for (const std::string& f : features) {
    auto it = m->weights.find(f);
    if (it == m->weights.end()) continue;
    for (const auto& [cls, w] : it->second) z[cls] += w;
  }
  double hi = *std::max_element(z.begin(), z.end());
  double sum = 0;
  for (double& v : z) {
    v = std::exp((v - hi) / m->temperature);
    sum += v;
  }
  std::vector<CategoryGuess> out;
  for (size_t c = 0; c < k; ++c) {
    double p = z[c] / sum;
    if (p >= 0.001) out.push_back({m->classes[c], p});
  }
  std::sort(out.begin(), out.end(), [](const CategoryGuess& a, const CategoryGuess& b) { return a.p > b.p; });
  return out;
}

// The top-level branch (a child of the root) that `c` is under.
int BranchOf(const KnowledgeBase& kb, int c) {
  for (int p = ParentOf(kb, c); p >= 0 && !IsRoot(kb, p); p = ParentOf(kb, c)) c = p;
  return c;
}

// The category of a listing from the lexicon's candidates and the recogniser's guesses. The
// recogniser's support for a category is its probability that the product is that category,
// a kind of it, or a category it is a kind of (the same line of the taxonomy).
//  - A category the listing names in words (the lexicon's pick) is taken, unless the
//    recogniser is confident (support at its calibrated threshold) that the product is of
//    another branch ("toy telephone": Toys, not a phone). Its confidence is the larger of the
//    recogniser's support and the lexicon's measured precision (model meta lexicon_precision).
//  - Without such words, the recogniser's own category when its support reaches the
//    threshold, with a kind the lexicon names inside it.
//  - Else no category: the three likeliest are offered as candidates.
void ChooseCategory(const KnowledgeBase& kb, const std::vector<CategoryGuess>& guesses,
                    const std::vector<int>& specific, int lex_category, Inference* out) {
  const RecogniserModel& m = *kb.recogniser();
  const double tau = m.threshold;
  auto support = [&](int c) {
    double sum = 0;
    for (const auto& g : guesses) {
      if (kb.IsA(c, g.category) || kb.IsA(g.category, c)) sum += g.p;
    }
    return std::min(sum, 1.0);
  };
  // The recogniser's own pick: the most specific category on the line of its best guess whose
  // support reaches the threshold.
  int model_pick = -1;
  if (!guesses.empty()) {
    for (int c = guesses.front().category; c >= 0 && !IsRoot(kb, c); c = ParentOf(kb, c)) {
      if (support(c) >= tau) {
        model_pick = c;
        break;
      }
    }
  }
  int chosen = -1;
  double conf = 0;
  if (lex_category >= 0) {
    // The recogniser overrules the lexicon only when it is more likely right than the lexicon
    // is (its calibrated support above the lexicon's held-out precision).
    const bool overruled = model_pick >= 0 && support(model_pick) > m.lexicon_precision &&
                           BranchOf(kb, model_pick) != BranchOf(kb, lex_category) &&
                           !kb.IsA(lex_category, model_pick);
    if (!overruled) {
      chosen = lex_category;
      conf = std::max(support(lex_category), m.lexicon_precision);
    }
  }
  if (chosen < 0 && model_pick >= 0) {
    chosen = model_pick;
    conf = support(model_pick);
    // The lexicon may name the kind within the recogniser's category.
    for (int c : specific) {
      if (c != chosen && kb.IsA(c, chosen)) chosen = c;
    }
  }
  if (chosen >= 0) {
    out->category = chosen;
    out->confidence = conf;
    return;
  }
  for (const auto& g : guesses) {
    if (out->candidates.size() >= 3) break;
    out->candidates.emplace_back(g.category, g.p);
  }
}

std::vector<Inference> Infer(const KnowledgeBase& kb, std::string_view text, bool use_model,
                             std::vector<std::string>* features_out);

}  // namespace

// The compiled lexicon: every term normalised once, by its first byte.
struct IntakeIndex {
  // Terms by their first byte, for terms whose second byte may be skipped or stands for
  // several (a joiner, an apostrophe) or that have one byte.
  std::array<std::vector<std::pair<int, std::string>>, 256> by_first;
  // All other terms by their first two bytes.
  std::vector<std::vector<std::pair<int, std::string>>> by_two = std::vector<std::vector<std::pair<int, std::string>>>(65536);
};

const IntakeIndex& GetIntakeIndex(const KnowledgeBase& kb) {
  std::call_once(kb.intake_once_, [&kb] {
    auto idx = std::make_shared<IntakeIndex>();
    const auto& lex = kb.lexicon();
    for (int e = 0; e < static_cast<int>(lex.size()); ++e) {
      for (const auto& t : lex[e].terms) {
        std::string term = Normalise(t).s;
        if (term.empty()) continue;
        const unsigned char a = static_cast<unsigned char>(term[0]);
        if (term.size() < 2 || IsJoiner(term[1]) || term[1] == '\'' || IsJoiner(term[0])) {
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

std::vector<Inference> InferFromText(const KnowledgeBase& kb, std::string_view text) {
  return Infer(kb, text, true, nullptr);
}

std::vector<Inference> InferFromTextLexiconOnly(const KnowledgeBase& kb, std::string_view text) {
  return Infer(kb, text, false, nullptr);
}

std::vector<std::string> RecogniserFeatures(const KnowledgeBase& kb, std::string_view text) {
  std::vector<std::string> features;
  Infer(kb, text, false, &features);
  return features;
}

std::vector<CategoryGuess> RecogniseCategory(const KnowledgeBase& kb, std::string_view text) {
  return ClassifyFeatures(kb, RecogniserFeatures(kb, text));
}

namespace {

std::vector<Inference> Infer(const KnowledgeBase& kb, std::string_view text, bool use_model,
                             std::vector<std::string>* features_out) {
  // A listing's title and bullet points fit well within this; the cap keeps the quadratic
  // parts (category candidates against segment breaks) cheap on any input.
  if (text.size() > kMaxTextBytes) {
    size_t cut = kMaxTextBytes;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    text = text.substr(0, cut);
  }
  const Normalised norm = Normalise(text);
  std::string_view s = norm.s;
  const auto& lex = kb.lexicon();

  // 1. Every occurrence of every term; then the longest ones that do not overlap.
  const IntakeIndex& index = GetIntakeIndex(kb);
  const auto& by_first = index.by_first;
  std::vector<Match> all;
  for (size_t pos = 0; pos < s.size(); ++pos) {
    // Inside a word: a term that starts with a letter or digit must start at a word
    // boundary (MatchTermAt), and those are all the terms that start with s[pos].
    if (pos > 0 && IsAlnum(s[pos]) && IsAlnum(s[pos - 1])) continue;
    for (const auto& [e, term] : by_first[static_cast<unsigned char>(s[pos])]) {
      size_t end = MatchTermAt(s, pos, term);
      if (end != kNpos) all.push_back({pos, end, e, false});
    }
    if (pos + 1 < s.size()) {
      const int key = static_cast<unsigned char>(s[pos]) << 8 | static_cast<unsigned char>(s[pos + 1]);
      for (const auto& [e, term] : index.by_two[key]) {
        size_t end = MatchTermAt(s, pos, term);
        if (end != kNpos) all.push_back({pos, end, e, false});
      }
    }
  }
  std::stable_sort(all.begin(), all.end(), [](const Match& a, const Match& b) {
    if (a.end - a.begin != b.end - b.begin) return a.end - a.begin > b.end - b.begin;
    return a.begin < b.begin;
  });
  std::vector<bool> covered(s.size(), false);
  std::vector<Match> chosen;
  for (const Match& m : all) {
    bool free = true;
    for (size_t i = m.begin; i < m.end && free; ++i) free = !covered[i];
    if (!free) continue;
    for (size_t i = m.begin; i < m.end; ++i) covered[i] = true;
    chosen.push_back(m);
  }
  std::sort(chosen.begin(), chosen.end(),
            [](const Match& a, const Match& b) { return a.begin < b.begin; });
  for (Match& m : chosen) m.negated = NegatedAt(s, m.begin);

  std::vector<Found> found;

  // 2. The category: the most specific of the categories named, and of several unrelated
  // ones the product itself rather than a feature or what it is for.
  struct Candidate {
    int category;
    size_t begin, end;
    std::string evidence;
  };
  std::vector<Candidate> cands;
  for (const Match& m : chosen) {
    if (lex[m.entry].category >= 0 && !m.negated) {
      cands.push_back({lex[m.entry].category, m.begin, m.end, Quote(norm, text, m.begin, m.end)});
    }
  }
  // A category with several parents, all of them named ("童装" + "卫衣" is a children's hoodie),
  // parents below the top-level branches only.
  std::map<int, int> depth;
  const int n_cats = static_cast<int>(kb.categories().size());
  for (int c = 0; c < n_cats && cands.size() >= 2; ++c) {
    const auto& parents = kb.categories()[c].parent_ids;
    if (parents.size() < 2) continue;
    std::vector<const Candidate*> via;
    for (const auto& p : parents) {
      int pi = kb.FindCategory(p);
      const Candidate* hit = nullptr;
      for (const auto& cd : cands) {
        if (pi >= 0 && cd.category == pi && Depth(kb, pi, &depth) >= 2) hit = &cd;
      }
      if (!hit) break;
      via.push_back(hit);
    }
    if (via.size() != parents.size()) continue;
    Candidate combo{c, kNpos, 0, ""};
    for (const Candidate* v : via) {
      combo.begin = std::min(combo.begin, v->begin);
      combo.end = std::max(combo.end, v->end);
      combo.evidence += (combo.evidence.empty() ? "" : " + ") + v->evidence;
    }
    cands.push_back(combo);
  }
  // Drop every candidate that another one is a kind of (keep the deepest on each line).
  std::vector<Candidate> specific;
  int lex_best = -1;
  for (const auto& a : cands) {
    bool general = false;
    for (const auto& b : cands) {
      if (a.category != b.category && kb.IsA(b.category, a.category)) general = true;
    }
    bool dup = false;
    for (const auto& x : specific) dup = dup || x.category == a.category;
    if (!general && !dup) specific.push_back(a);
  }
  if (!specific.empty()) {
    std::vector<size_t> breaks = SegmentBreaks(s);
    auto segment = [&](size_t pos) {
      int seg = 0;
      for (size_t b : breaks) {
        if (b < pos && !covered[b]) ++seg;
      }
      return seg;
    };
    std::sort(specific.begin(), specific.end(), [&](const Candidate& a, const Candidate& b) {
      return a.begin < b.begin;
    });
    size_t best = 0;
    for (size_t i = 1; i < specific.size(); ++i) {
      if (segment(specific[i].begin) < segment(specific[best].begin)) best = i;
    }
    // Nouns run together ("e-bike charger", "电动自行车充电器", "电动车的充电器"): the last one
    // is the product.
    while (best + 1 < specific.size()) {
      const Candidate& a = specific[best];
      const Candidate& b = specific[best + 1];
      if (b.begin < a.end || segment(b.begin) != segment(a.begin)) break;
      std::string_view gap = s.substr(a.end, b.begin - a.end);
      bool ascii_join = IsAscii(s[a.end - 1]) && IsAscii(s[b.begin]);
      // "X的Y" (Y of X) names Y.
      bool joined = gap.empty() || gap == "的" ||
                    (ascii_join && std::all_of(gap.begin(), gap.end(), IsJoiner));
      if (!joined) break;
      ++best;
    }
    lex_best = static_cast<int>(best);
  }
  {
    std::vector<int> named;
    for (const Match& m : chosen) {
      if (lex[m.entry].category >= 0 && !m.negated) named.push_back(lex[m.entry].category);
    }
    std::vector<int> specific_ids;
    for (const auto& c : specific) specific_ids.push_back(c.category);
    int lex_category = lex_best >= 0 ? specific[lex_best].category : -1;
    if (features_out != nullptr) {
      *features_out = FeaturesOf(kb, s, named, lex_category);
    } else {
      Found f;
      f.pos = 0;
      f.inf.attribute = kCategoryAttr;
      if (use_model && kb.recogniser() != nullptr) {
        const std::vector<std::string> features = FeaturesOf(kb, s, named, lex_category);
        std::vector<CategoryGuess> guesses = ClassifyFeatures(kb, features);
        // Text that is mostly not words (noise, a pasted binary): of 20 or more distinct words
        // fewer than one in five ever occurred in a listing the recogniser learned from. A
        // lexicon term found in it is chance, not a product name.
        int words = 0, known_words = 0;
        for (const std::string& feat : features) {
          if (!feat.starts_with("w:")) continue;
          ++words;
          known_words += kb.recogniser()->weights.count(feat) > 0;
        }
        if (words >= 20 && known_words * 5 < words) {
          specific_ids.clear();
          lex_category = -1;
        }
        ChooseCategory(kb, guesses, specific_ids, lex_category, &f.inf);
        if (f.inf.category >= 0) {
          for (const auto& c : specific) {
            if (c.category == f.inf.category) f.inf.evidence = c.evidence;
          }
          if (f.inf.evidence.empty()) {
            f.inf.evidence = fmt::format("recogniser: {:.0f}% confident", 100 * f.inf.confidence);
          }
        }
        if (f.inf.category >= 0 || !f.inf.candidates.empty()) found.push_back(f);
      } else if (lex_category >= 0) {
        f.inf.category = lex_category;
        f.inf.evidence = specific[lex_best].evidence;
        found.push_back(f);
      }
    }
  }
  if (features_out != nullptr) return {};

  const int inferred_category =
      !found.empty() && found.front().inf.attribute == kCategoryAttr ? found.front().inf.category : -1;


  // 3. Attribute values the lexicon sets. The first statement about an attribute wins;
  // set-valued attributes collect every member named.
  std::map<int, size_t> slot;  // attribute -> index in found
  auto add = [&](int attr, const Value& v, const std::string& evidence, size_t pos,
                 bool override_number, bool quantity) {
    auto it = slot.find(attr);
    if (it == slot.end()) {
      Found f;
      f.pos = pos;
      f.quantity = quantity;
      f.inf.attribute = attr;
      f.inf.value = v;
      f.inf.evidence = evidence;
      slot[attr] = found.size();
      found.push_back(f);
      return;
    }
    Found& f = found[it->second];
    if (v.kind == Value::Kind::kSet && f.inf.value.kind == Value::Kind::kSet) {
      if ((f.inf.value.bits | v.bits) != f.inf.value.bits) {
        f.inf.value.bits |= v.bits;
        f.inf.evidence += ", " + evidence;
      }
    } else if (override_number) {
      f.inf.value = v;
      f.inf.evidence = evidence;
      f.quantity = quantity;
    }
  };
  for (const Match& m : chosen) {
    const LexiconEntry& e = lex[m.entry];
    std::string ev = Quote(norm, text, m.begin, m.end);
    if (m.negated) {
      // "no battery", "无电池": only a single yes/no statement can be turned around.
      if (e.set.size() == 1 && e.set[0].second.kind == Value::Kind::kBool) {
        size_t from = m.begin;
        while (from > 0 && IsJoiner(s[from - 1])) --from;
        while (from > 0 && (IsAlpha(s[from - 1]) || s[from - 1] == '/')) --from;
        for (std::string_view neg : {"不含", "不带", "没有", "无", "非", "免", "不"}) {
          if (from == m.begin && m.begin >= neg.size() &&
              s.substr(m.begin - neg.size(), neg.size()) == neg) {
            from = m.begin - neg.size();
          }
        }
        add(e.set[0].first, Value::Bool(!e.set[0].second.b), Quote(norm, text, from, m.end),
            from, false, false);
      }
      continue;
    }
    for (const auto& [attr, v] : e.set) add(attr, v, ev, m.begin, false, false);
  }

  // 4. Quantities with units, through the `units:` mappings of the lexicon.
  for (const Amount& q : FindQuantities(s)) {
    auto info = LookupUnit(q.unit->symbol);
    if (!info) continue;
    const double scale = q.unit->factor * info->to_canonical;
    auto [cb, ce] = ClauseAround(s, q.begin, q.end);
    std::string_view clause = s.substr(cb, ce - cb);
    std::string ev = Quote(norm, text, q.begin, q.end);
    std::vector<const UnitMapping*> maps;
    for (const auto& m : kb.unit_mappings()) {
      if (m.dimension == info->dimension) maps.push_back(&m);
    }
    if (maps.empty()) continue;
    if (info->dimension == Dimension::kVoltage) {
      const UnitMapping& m = *maps.front();
      std::string_view near = s.substr(q.begin >= 8 ? q.begin - 8 : 0,
                                       std::min(s.size(), q.end + 8) - (q.begin >= 8 ? q.begin - 8 : 0));
      bool ac = q.unit->word == "vac" || ContainsAny(near, {"ac", "交流", "~"});
      bool dc = q.unit->word == "vdc" || ContainsAny(near, {"dc", "直流", "⎓"});
      if (ac == dc) {
        bool input = ContainsAny(clause, {"input", "输入"});
        bool output = ContainsAny(clause, {"output", "输出"});
        ac = input && !output ? true : output && !input ? false : q.hi >= 100;
      }
      int attr = ac ? m.attribute_ac : m.attribute_dc;
      if (attr < 0) attr = m.attribute;
      if (attr < 0) continue;
      double v = q.hi * scale;
      auto it = slot.find(attr);
      bool larger = it == slot.end() || !found[it->second].quantity ||
                    found[it->second].inf.value.num < v;
      add(attr, Value::Number(v), ev, q.begin, larger, true);
      continue;
    }
    if (info->dimension == Dimension::kTime) {
      // An age only where the words around say so: not "2 years warranty", "30 days return".
      bool age_context = q.unit->age || q.plus ||
                         ContainsAny(clause, {"age", "ages", "aged", "old", "baby", "babies",
                                              "infant", "infants", "toddler", "toddlers", "kid",
                                              "kids", "child", "children", "from", "up",
                                              "以上", "适合", "适用", "婴", "宝宝", "儿童",
                                              "幼儿", "月龄"});
      bool other = ContainsAny(clause, {"warranty", "guarantee", "return", "returns", "life",
                                        "lifetime", "lasting", "standby", "保修", "质保", "退",
                                        "换", "续航", "待机", "寿命"});
      if (!age_context || other) continue;
      if (q.under && !ContainsAny(clause, {"not suitable", "not for", "不适合", "不适用", "禁止"})) {
        continue;  // "3岁以下" says who it is for at most
      }
      double v = q.lo * scale;
      int attr = maps.front()->attribute;
      if (attr < 0) continue;
      // A stated age beats the lexicon's "for babies"; of several, the youngest counts.
      auto it = slot.find(attr);
      bool replace = it == slot.end() || !found[it->second].quantity ||
                     found[it->second].inf.value.num > v;
      add(attr, Value::Number(v), ev, q.begin, replace, true);
      continue;
    }
    // Several mappings of one dimension: the one whose label words are nearest; then one that
    // matters for the category named (an act tests it next to what the category implies:
    // an e-scooter's "350W" is its motor power); else the first.
    const UnitMapping* pick = maps.front();
    int best_score = -1;
    for (const UnitMapping* m : maps) {
      if (m->attribute < 0) continue;
      const Attribute& a = kb.attributes()[m->attribute];
      int score = 2 * (2 * LabelScore(a, clause) + LabelScore(a, s)) +
                  (maps.size() > 1 && RelevantToCategory(kb, inferred_category, m->attribute));
      if (score > best_score) {
        best_score = score;
        pick = m;
      }
    }
    if (pick->attribute < 0) continue;
    double v = q.hi * scale;
    auto it = slot.find(pick->attribute);
    bool larger = it == slot.end() || !found[it->second].quantity ||
                  found[it->second].inf.value.num < v;
    add(pick->attribute, Value::Number(v), ev, q.begin, larger, true);
  }

  // 5. Children's clothing sizes as EU labels write them, "122/128" (heights in cm, the
  // second the largest body height the garment is for): only for clothing, or next to a word
  // for size.
  if (const int height_attr = kb.FindAttribute("garment_max_height"); height_attr >= 0 && slot.count(height_attr) == 0) {
    const int clothing = kb.FindCategory("clothing_textile");
    const bool is_clothing = inferred_category >= 0 && clothing >= 0 && kb.IsA(inferred_category, clothing);
    for (size_t i = 0; i + 6 < s.size(); ++i) {
      if (!IsDigit(s[i]) || (i > 0 && (IsAlnum(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.'))) continue;
      size_t e1 = i;
      while (e1 < s.size() && IsDigit(s[e1])) ++e1;
      if (e1 - i < 2 || e1 - i > 3 || e1 >= s.size() || s[e1] != '/') continue;
      size_t e2 = e1 + 1;
      while (e2 < s.size() && IsDigit(s[e2])) ++e2;
      if (e2 - e1 - 1 < 2 || e2 - e1 - 1 > 3 || (e2 < s.size() && (IsAlnum(s[e2]) || s[e2] == '/'))) continue;
      const int a = std::atoi(std::string(s.substr(i, e1 - i)).c_str());
      const int b = std::atoi(std::string(s.substr(e1 + 1, e2 - e1 - 1)).c_str());
      if (a < 50 || b > 188 || b - a < 4 || b - a > 8) continue;
      auto [cb, ce] = ClauseAround(s, i, e2);
      const bool size_word = ContainsAny(s.substr(cb, ce - cb), {"size", "sizes", "gr", "taille", "尺码", "码", "身高"});
      if (!is_clothing && !size_word) continue;
      add(height_attr, Value::Number(b / 100.0), Quote(norm, text, i, e2), i, false, true);
      break;
    }
  }

  std::stable_sort(found.begin(), found.end(), [](const Found& a, const Found& b) {
    if ((a.inf.attribute == kCategoryAttr) != (b.inf.attribute == kCategoryAttr)) {
      return a.inf.attribute == kCategoryAttr;
    }
    return a.pos < b.pos;
  });
  std::vector<Inference> out;
  out.reserve(found.size());
  for (auto& f : found) out.push_back(std::move(f.inf));
  return out;
}

}  // namespace

std::vector<Inference> ApplyTextIntake(const KnowledgeBase& kb, std::string_view text,
                                       Product* p) {
  std::vector<Inference> applied;
  for (Inference& inf : InferFromText(kb, text)) {
    if (inf.attribute == kCategoryAttr) {
      if (p->category >= 0) continue;
      if (inf.category < 0) {
        p->category_candidates = inf.candidates;  // not confident: the category is asked
      } else {
        p->category = inf.category;
        p->category_source = ValueSource::kText;
        p->category_evidence = inf.evidence;
        p->category_confidence = inf.confidence;
      }
    } else {
      // Text beats a category default, never a given value.
      if (p->values[inf.attribute].known() &&
          p->sources[inf.attribute] != ValueSource::kCategoryDefault) {
        continue;
      }
      p->Set(inf.attribute, inf.value, ValueSource::kText);
      p->evidence[inf.attribute] = inf.evidence;
    }
    applied.push_back(std::move(inf));
  }
  ApplyCategoryDefaults(kb, p);
  return applied;
}

}  // namespace eucomply
