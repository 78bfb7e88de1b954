#include <algorithm>
#include <cstdio>
#include <string>

#include "alerts/internal/act_table.h"
#include "alerts/internal/ascii.h"
#include "alerts/normalise.h"
#include "eucomply/text.h"

namespace eucomply::alerts {

using internal::ActAlias;
using internal::ActTable;
using internal::ActVersion;
using internal::ActWord;
using internal::IsAlnum;
using internal::IsAlpha;
using internal::IsDigit;
using internal::Lower;
using internal::NamedAct;
using internal::PlainSpaces;

namespace {

ActReference Resolve(const NamedAct& act, std::optional<Date> on) {
  const std::string* celex = &act.versions[0].celex;
  std::string day = on ? on->ToString() : std::string("9999-12-31");
  for (const ActVersion& v : act.versions) {
    if (day >= v.from) celex = &v.celex;
  }
  return ActReference{*celex, act.name};
}

// Lower-cased words of `s`, non-alphanumerics as single spaces, no leading/trailing space.
std::string NormWords(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (IsAlnum(c) || (static_cast<unsigned char>(c) >= 0x80)) {
      out.push_back(Lower(c));
    } else if (!out.empty() && out.back() != ' ') {
      out.push_back(' ');
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

bool EndsWithWords(std::string_view window, std::string_view words) {
  if (window.size() < words.size()) return false;
  if (window.substr(window.size() - words.size()) != words) return false;
  return window.size() == words.size() || window[window.size() - words.size() - 1] == ' ';
}

// Reads an unsigned number at text[*p], advancing *p; -1 if none.
long ReadNumber(std::string_view text, size_t* p, int* ndigits) {
  long v = 0;
  *ndigits = 0;
  while (*p < text.size() && IsDigit(text[*p]) && *ndigits < 6) {
    v = v * 10 + (text[*p] - '0');
    ++*p;
    ++*ndigits;
  }
  return *ndigits == 0 ? -1 : v;
}

void SkipSpaces(std::string_view text, size_t* p) {
  while (*p < text.size() && text[*p] == ' ') ++*p;
}

std::string MakeCelex(long year, char type, long number) {
  if (year < 100) year += year < 50 ? 2000 : 1900;
  char buf[32];
  std::snprintf(buf, sizeof buf, "3%04ld%c%04ld", year, type, number);
  return buf;
}

// "Directive 2009/48/EC", "Directive 88/378/EEC", "Regulation (EC) No 1907/2006",
// "Regulation (EU) 2019/1021", "Regulation 1223/2009": the CELEX number, or "".
std::string NumberedAct(std::string_view text, size_t after, ActWord kind) {
  size_t p = after;
  SkipSpaces(text, &p);
  if (kind == ActWord::kRegulation) {
    bool new_style = false;
    if (p < text.size() && text[p] == '(') {
      size_t close = text.find(')', p);
      if (close == std::string_view::npos || close - p > 8) return "";
      std::string_view tag = text.substr(p + 1, close - p - 1);
      new_style = tag == "EU";
      p = close + 1;
      SkipSpaces(text, &p);
    }
    bool has_no = false;
    if (text.substr(p, 3) == "No " || text.substr(p, 3) == "No.") {
      has_no = true;
      p += 3;
      SkipSpaces(text, &p);
    }
    int d1 = 0, d2 = 0;
    long a = ReadNumber(text, &p, &d1);
    if (a < 0 || p >= text.size() || text[p] != '/') return "";
    ++p;
    long b = ReadNumber(text, &p, &d2);
    if (b < 0) return "";
    // Since 2015 EU acts are numbered year/number; before, regulations were number/year.
    if (!has_no && new_style && d1 == 4 && a >= 2015) return MakeCelex(a, 'R', b);
    if (d2 == 4 || d2 == 2) return MakeCelex(b, 'R', a);
    return "";
  }
  int d1 = 0, d2 = 0;
  long year = ReadNumber(text, &p, &d1);
  if (year < 0 || (d1 != 2 && d1 != 4) || p >= text.size() || text[p] != '/') return "";
  ++p;
  long number = ReadNumber(text, &p, &d2);
  if (number < 0 || p >= text.size() || text[p] != '/') return "";
  return MakeCelex(year, 'L', number);
}

bool IsWordBoundary(std::string_view text, size_t pos) {
  return pos >= text.size() || !IsAlnum(text[pos]);
}

std::string ActNameForCelex(const ActTable& table, std::string_view celex) {
  const NamedAct* act = table.ByCelex(celex);
  return act != nullptr ? act->name : "";
}

// The newest version of the same act (a recast keeps the short name), then the act that
// replaced that one under a new name, if any.
ActReference CurrentAct(const ActTable& table, std::string_view celex) {
  const NamedAct* act = table.ByCelex(celex);
  if (act == nullptr) return ActReference{std::string(celex), ""};
  const std::string& newest = act->versions.back().celex;
  if (celex != newest) return CurrentAct(table, newest);
  if (act->replaced_by_celex.empty()) return ActReference{std::string(celex), act->name};
  std::string name = ActNameForCelex(table, act->replaced_by_celex);
  if (name.empty()) name = act->replaced_by_name;
  return ActReference{act->replaced_by_celex, name};
}

// The alias of `kind` that `window` ends with, the longest when several do.
const ActAlias* LongestAlias(const ActTable& table, std::string_view window, ActWord kind) {
  const ActAlias* best = nullptr;
  for (const ActAlias& a : table.aliases()) {
    if (a.word != kind) continue;
    if (EndsWithWords(window, a.words) && (best == nullptr || a.words.size() > best->words.size())) {
      best = &a;
    }
  }
  return best;
}

std::vector<ActReference> FindActs(const ActTable& table, std::string_view raw, std::optional<Date> on) {
  std::vector<ActReference> out;
  auto add = [&](ActReference ref) {
    for (const ActReference& r : out) {
      if (r.celex == ref.celex) return;
    }
    out.push_back(std::move(ref));
  };
  std::string text = PlainSpaces(raw);
  std::string lower = AsciiLower(text);
  struct Keyword {
    std::string_view word;
    ActWord kind;
  };
  const Keyword keywords[] = {{"directive", ActWord::kDirective}, {"regulation", ActWord::kRegulation}};
  // Collect keyword positions in text order so acts come out in order of mention.
  std::vector<std::pair<size_t, ActWord>> hits;
  for (const Keyword& k : keywords) {
    for (size_t p = lower.find(k.word); p != std::string::npos; p = lower.find(k.word, p + 1)) {
      if (p > 0 && IsAlnum(lower[p - 1])) continue;
      size_t end = p + k.word.size();
      if (end < lower.size() && IsAlpha(lower[end]) && lower[end] != 's') continue;
      hits.emplace_back(p, k.kind);
    }
  }
  std::sort(hits.begin(), hits.end());
  for (auto [pos, kind] : hits) {
    size_t window_start = pos > 64 ? pos - 64 : 0;
    std::string window = NormWords(std::string_view(lower).substr(window_start, pos - window_start));
    if (const ActAlias* best = LongestAlias(table, window, kind)) {
      add(Resolve(*best->act, on));
      continue;
    }
    size_t word_end = pos + (kind == ActWord::kDirective ? 9 : 10);
    std::string celex = NumberedAct(text, word_end, kind);
    if (!celex.empty()) {
      std::string name = ActNameForCelex(table, celex);
      if (name.empty()) name = std::string(kind == ActWord::kDirective ? "Directive " : "Regulation ") + celex;
      add(ActReference{celex, name});
    }
  }
  // "REACH" on its own, upper case (the lower-case word "reach" is ordinary English).
  const NamedAct* reach = table.ByKey("reach");
  for (size_t p = text.find("REACH"); reach != nullptr && p != std::string::npos; p = text.find("REACH", p + 1)) {
    if ((p == 0 || !IsAlnum(text[p - 1])) && IsWordBoundary(text, p + 5)) {
      add(Resolve(*reach, on));
      break;
    }
  }
  return out;
}

}  // namespace

// The public forms read the bundled table; a table that does not load fails the report
// parser first (ParseWeeklyReport), so here it only leaves the answers empty.
std::string ActNameForCelex(std::string_view celex) {
  auto table = internal::BundledActTable();
  return table.ok() ? ActNameForCelex(**table, celex) : "";
}

ActReference CurrentAct(std::string_view celex) {
  auto table = internal::BundledActTable();
  return table.ok() ? CurrentAct(**table, celex) : ActReference{std::string(celex), ""};
}

std::vector<ActReference> FindActs(std::string_view text, std::optional<Date> on) {
  auto table = internal::BundledActTable();
  return table.ok() ? FindActs(**table, text, on) : std::vector<ActReference>{};
}

}  // namespace eucomply::alerts
