// Quantities with units in a listing, and the attribute values they become
// (internal/intake_quantities.h).
#include "rules/internal/intake_quantities.h"

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <set>
#include <string>

#include "eucomply/text.h"
#include "eucomply/units.h"
#include "rules/internal/intake_words.h"

namespace eucomply::intake {
namespace {

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
// The units of ages written without a unit word: "ages 3+", and "6m+" / "3y+".
constexpr UnitWord kPlusYears{"+", "years", 1, true};
constexpr UnitWord kShortMonths{"m", "months", 1, true};
constexpr UnitWord kShortYears{"y", "years", 1, true};

// Does a number start at `i`, not inside a word or after a decimal point?
bool NumberStartsAt(std::string_view s, size_t i) {
  return IsAsciiDigit(s[i]) && !(i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == '.'));
}

// A number at `i` ("5", "3.7", "3,7", "1,000"); its end in *end.
std::optional<double> NumberAt(std::string_view s, size_t i, size_t* end) {
  if (i >= s.size() || !IsAsciiDigit(s[i])) return std::nullopt;
  std::string digits;
  size_t j = i;
  while (j < s.size() && IsAsciiDigit(s[j])) digits += s[j++];
  if (j + 1 < s.size() && (s[j] == '.' || s[j] == ',') && IsAsciiDigit(s[j + 1])) {
    size_t k = j + 1;
    std::string frac;
    while (k < s.size() && IsAsciiDigit(s[k])) frac += s[k++];
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
    if (IsAscii(u.word.back()) && e < s.size() && IsAsciiAlpha(s[e])) {
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

// A range from value `v` (with *unit ending at *unit_end, or none) when a separator follows
// at `k`: "100-240V", "100V-240V", "3 to 6 years", "0-3个月", "3~8岁", "3至6岁". The second
// value's unit becomes the amount's; "5V/2A" is no range.
void ReadRange(std::string_view s, size_t k, double v, const UnitWord** unit, size_t* unit_end,
               Amount* q) {
  size_t after_sep = kNpos;
  if (k < s.size() && (s[k] == '-' || s[k] == '~' || s[k] == '/')) {
    after_sep = k + 1;
  } else if (s.substr(k, 2) == "to" && (k + 2 >= s.size() || !IsAsciiAlpha(s[k + 2]))) {
    after_sep = k + 2;
  } else if (s.substr(k, 3) == "至") {
    after_sep = k + 3;
  }
  if (after_sep == kNpos) return;
  size_t e2 = 0;
  auto v2 = NumberAt(s, SkipSpaces(s, after_sep), &e2);
  if (!v2) return;
  size_t ue2 = 0;
  const UnitWord* unit2 = UnitAt(s, SkipSpaces(s, e2), &ue2);
  if (unit2 && (!*unit || (*unit)->symbol == unit2->symbol) && s[k] != '/') {
    q->lo = std::min(v, *v2);
    q->hi = std::max(v, *v2);
    *unit = unit2;
    *unit_end = ue2;
  }
}

// The bounds written around an amount with a unit: "under 3 years", "3岁+", "3岁以上",
// "3岁以下", "3 years and up".
void ReadBounds(std::string_view s, Amount* q) {
  size_t b = q->begin;
  while (b > 0 && s[b - 1] == ' ') --b;
  for (std::string_view w : kUnderCues) {
    if (b >= w.size() && s.substr(b - w.size(), w.size()) == w) q->under = true;
  }
  size_t p = SkipSpaces(s, q->end);
  if (p < s.size() && s[p] == '+') {
    q->plus = true;
    q->end = p + 1;
  }
  if (s.substr(p, 6) == "以上") q->plus = true, q->end = p + 6;
  if (s.substr(p, 6) == "以下") q->under = true, q->end = p + 6;
  if (ContainsAny(s.substr(p, 12), kPlusCues)) q->plus = true;
}

// The amount whose number starts at `i`, if a unit follows it (or, for "3+", an age word
// comes before it).
std::optional<Amount> ReadAmount(std::string_view s, size_t i) {
  size_t e = 0;
  auto v = NumberAt(s, i, &e);
  if (!v) return std::nullopt;
  Amount q;
  q.begin = i;
  q.lo = q.hi = *v;
  size_t j = SkipSpaces(s, e);
  const bool plus_first = j < s.size() && s[j] == '+';  // "3+ years"
  if (plus_first) j = SkipSpaces(s, j + 1);
  size_t ue = 0;
  const UnitWord* unit = UnitAt(s, j, &ue);
  ReadRange(s, unit ? SkipSpaces(s, ue) : j, *v, &unit, &ue, &q);
  if (!unit) {
    // "3+" is read as an age only with an age word close by ("ages 3+", "kids 6+", "适合3+").
    if (!plus_first || *v > 18) return std::nullopt;
    size_t from = i >= 12 ? i - 12 : 0;
    if (!ContainsAny(s.substr(from, i - from), kAgeBeforePlus)) return std::nullopt;
    q.unit = &kPlusYears;
    q.plus = true;
    q.end = SkipSpaces(s, e) + 1;
    return q;
  }
  q.unit = unit;
  q.end = ue;
  q.plus = plus_first;
  ReadBounds(s, &q);
  return q;
}

// "6m+", "18m+", "3y+" on baby and children's listings: ages in months and years, not units
// of units.cc, read here.
void FindAgeShorthands(std::string_view s, std::vector<Amount>* out) {
  for (size_t i = 0; i + 2 < s.size(); ++i) {
    if (!NumberStartsAt(s, i)) continue;
    size_t e = 0;
    auto v = NumberAt(s, i, &e);
    if (!v || e + 1 >= s.size() || s[e + 1] != '+' || (s[e] != 'm' && s[e] != 'y')) continue;
    Amount q;
    q.lo = q.hi = *v;
    q.unit = s[e] == 'm' ? &kShortMonths : &kShortYears;
    q.begin = i;
    q.end = e + 2;
    q.plus = true;
    out->push_back(q);
  }
}

// Words of an attribute's label that, near a quantity, pick that attribute among several
// mappings of one dimension: English words of three letters or more (compared by their first
// five letters) and the two-character pieces of the Chinese label.
int LabelScore(const Attribute& a, std::string_view clause) {
  int score = 0;
  std::string en = AsciiLower(a.label.en);
  size_t i = 0;
  while (i < en.size()) {
    while (i < en.size() && !IsAsciiAlpha(en[i])) ++i;
    size_t b = i;
    while (i < en.size() && IsAsciiAlpha(en[i])) ++i;
    std::string_view w = std::string_view(en).substr(b, i - b);
    if (w.size() < 3) continue;
    std::string_view stem = w.substr(0, std::min<size_t>(w.size(), 5));
    std::string_view start = stem.substr(0, 3);
    for (size_t p = clause.find(start); p != kNpos; p = clause.find(start, p + 1)) {
      if (p > 0 && IsAsciiAlpha(clause[p - 1])) continue;
      size_t q = p;
      while (q < clause.size() && IsAsciiAlpha(clause[q])) ++q;
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

// One amount as the quantity kinds below read it.
struct Reading {
  const Amount& q;
  double scale;             // into the canonical unit of its dimension
  std::string_view clause;  // of the normalised text, around it
  std::string evidence;     // as written
};

// A voltage goes to the AC or the DC attribute of the mapping, by the words next to it, else
// by the clause (input or output), else by its size (100 V and more is mains).
void ApplyVoltage(std::string_view s, const UnitMapping& m, const Reading& r, Findings* found) {
  const Amount& q = r.q;
  const size_t from = q.begin >= 8 ? q.begin - 8 : 0;
  std::string_view near = s.substr(from, std::min(s.size(), q.end + 8) - from);
  bool ac = q.unit->word == "vac" || ContainsAny(near, kAcCues);
  bool dc = q.unit->word == "vdc" || ContainsAny(near, kDcCues);
  if (ac == dc) {
    bool input = ContainsAny(r.clause, kInputCues);
    bool output = ContainsAny(r.clause, kOutputCues);
    ac = input && !output ? true : output && !input ? false : q.hi >= 100;
  }
  int attr = ac ? m.attribute_ac : m.attribute_dc;
  if (attr < 0) attr = m.attribute;
  if (attr < 0) return;
  found->AddQuantity(attr, q.hi * r.scale, r.evidence, q.begin, Findings::Keep::kLargest);
}

// A duration is an age only where the words around say so: not "2 years warranty", "30 days
// return". A stated age beats the lexicon's "for babies"; of several, the youngest counts.
void ApplyAge(const UnitMapping& m, const Reading& r, Findings* found) {
  const Amount& q = r.q;
  bool age_context = q.unit->age || q.plus || ContainsAny(r.clause, kAgeContext);
  bool other = ContainsAny(r.clause, kNotAgeContext);
  if (!age_context || other) return;
  if (q.under && !ContainsAny(r.clause, kNotSuitableCues)) {
    return;  // "3岁以下" says who it is for at most
  }
  if (m.attribute < 0) return;
  found->AddQuantity(m.attribute, q.lo * r.scale, r.evidence, q.begin, Findings::Keep::kSmallest);
}

// Several mappings of one dimension: the one whose label words are nearest; then one that
// matters for the category named (an act tests it next to what the category implies: an
// e-scooter's "350W" is its motor power); else the first.
void ApplyMeasure(const KnowledgeBase& kb, std::string_view s, int category,
                  const std::vector<const UnitMapping*>& maps, const Reading& r,
                  Findings* found) {
  const UnitMapping* pick = maps.front();
  int best_score = -1;
  for (const UnitMapping* m : maps) {
    if (m->attribute < 0) continue;
    const Attribute& a = kb.attributes()[m->attribute];
    int score = 2 * (2 * LabelScore(a, r.clause) + LabelScore(a, s)) +
                (maps.size() > 1 && RelevantToCategory(kb, category, m->attribute));
    if (score > best_score) {
      best_score = score;
      pick = m;
    }
  }
  if (pick->attribute < 0) return;
  found->AddQuantity(pick->attribute, r.q.hi * r.scale, r.evidence, r.q.begin,
                     Findings::Keep::kLargest);
}

// "122/128" at `i`: two numbers of 2 or 3 digits, a slash between them; *end after them.
bool SizePairAt(std::string_view s, size_t i, int* a, int* b, size_t* end) {
  if (!IsAsciiDigit(s[i]) ||
      (i > 0 && (IsAsciiAlnum(s[i - 1]) || s[i - 1] == '/' || s[i - 1] == '.'))) {
    return false;
  }
  size_t e1 = i;
  while (e1 < s.size() && IsAsciiDigit(s[e1])) ++e1;
  if (e1 - i < 2 || e1 - i > 3 || e1 >= s.size() || s[e1] != '/') return false;
  size_t e2 = e1 + 1;
  while (e2 < s.size() && IsAsciiDigit(s[e2])) ++e2;
  if (e2 - e1 - 1 < 2 || e2 - e1 - 1 > 3 || (e2 < s.size() && (IsAsciiAlnum(s[e2]) || s[e2] == '/'))) {
    return false;
  }
  *a = std::atoi(std::string(s.substr(i, e1 - i)).c_str());
  *b = std::atoi(std::string(s.substr(e1 + 1, e2 - e1 - 1)).c_str());
  *end = e2;
  return true;
}

}  // namespace

std::vector<Amount> FindQuantities(std::string_view s) {
  std::vector<Amount> out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!NumberStartsAt(s, i)) continue;
    if (std::optional<Amount> q = ReadAmount(s, i)) {
      out.push_back(*q);
      if (q->end > 0) i = q->end - 1;
    }
  }
  FindAgeShorthands(s, &out);
  return out;
}

void ApplyQuantities(const KnowledgeBase& kb, const Listing& listing, Findings* found) {
  std::string_view s = listing.s;
  const int category = found->category();
  for (const Amount& q : FindQuantities(s)) {
    auto info = LookupUnit(q.unit->symbol);
    if (!info) continue;
    auto [cb, ce] = ClauseAround(s, q.begin, q.end);
    const Reading r{q, q.unit->factor * info->to_canonical, s.substr(cb, ce - cb),
                    listing.Quote(q.begin, q.end)};
    std::vector<const UnitMapping*> maps;
    for (const auto& m : kb.unit_mappings()) {
      if (m.dimension == info->dimension) maps.push_back(&m);
    }
    if (maps.empty()) continue;
    if (info->dimension == Dimension::kVoltage) {
      ApplyVoltage(s, *maps.front(), r, found);
    } else if (info->dimension == Dimension::kTime) {
      ApplyAge(*maps.front(), r, found);
    } else {
      ApplyMeasure(kb, s, category, maps, r, found);
    }
  }
}

// The second number is the largest body height (cm) the garment is for. Read only for
// clothing, or next to a word for size (kSizeWords).
void ApplyGarmentSize(const KnowledgeBase& kb, const Listing& listing, Findings* found) {
  const int height_attr = kb.FindAttribute("garment_max_height");
  if (height_attr < 0 || found->Has(height_attr)) return;
  std::string_view s = listing.s;
  const int category = found->category();
  const int clothing = kb.FindCategory("clothing_textile");
  const bool is_clothing = category >= 0 && clothing >= 0 && kb.IsA(category, clothing);
  for (size_t i = 0; i + 6 < s.size(); ++i) {
    int a = 0, b = 0;
    size_t e2 = 0;
    if (!SizePairAt(s, i, &a, &b, &e2)) continue;
    if (a < 50 || b > 188 || b - a < 4 || b - a > 8) continue;
    auto [cb, ce] = ClauseAround(s, i, e2);
    const bool size_word = ContainsAny(s.substr(cb, ce - cb), kSizeWords);
    if (!is_clothing && !size_word) continue;
    found->Add(height_attr, Value::Number(b / 100.0), listing.Quote(i, e2), i, false, true);
    break;
  }
}

}  // namespace eucomply::intake
