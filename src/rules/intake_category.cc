// The category of a listing, from the lexicon and the product recogniser
// (internal/intake_category.h).
#include "rules/internal/intake_category.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <fmt/format.h>

namespace eucomply::intake {
namespace {

bool IsRoot(const KnowledgeBase& kb, int c) { return kb.categories()[c].parent_ids.empty(); }

// The first parent of `c`, or -1 at the root.
int ParentOf(const KnowledgeBase& kb, int c) {
  const auto& parents = kb.categories()[c].parent_ids;
  return parents.empty() ? -1 : kb.FindCategory(parents.front());
}

// The top-level branch (a child of the root) that `c` is under.
int BranchOf(const KnowledgeBase& kb, int c) {
  for (int p = ParentOf(kb, c); p >= 0 && !IsRoot(kb, p); p = ParentOf(kb, c)) c = p;
  return c;
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

// Adds a candidate for each category with several parents, all of them named ("童装" + "卫衣"
// is a children's hoodie), parents below the top-level branches only.
void AddMultiParentCandidates(const KnowledgeBase& kb, std::vector<Candidate>* cands) {
  std::map<int, int> depth;
  const int n_cats = static_cast<int>(kb.categories().size());
  for (int c = 0; c < n_cats && cands->size() >= 2; ++c) {
    const auto& parents = kb.categories()[c].parent_ids;
    if (parents.size() < 2) continue;
    std::vector<const Candidate*> via;
    for (const auto& p : parents) {
      int pi = kb.FindCategory(p);
      const Candidate* hit = nullptr;
      for (const auto& cd : *cands) {
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
    cands->push_back(combo);
  }
}

// `cands` without every candidate that another one is a kind of (the deepest on each line),
// each category once.
std::vector<Candidate> MostSpecific(const KnowledgeBase& kb, const std::vector<Candidate>& cands) {
  std::vector<Candidate> specific;
  for (const auto& a : cands) {
    bool general = false;
    for (const auto& b : cands) {
      if (a.category != b.category && kb.IsA(b.category, a.category)) general = true;
    }
    bool dup = false;
    for (const auto& x : specific) dup = dup || x.category == a.category;
    if (!general && !dup) specific.push_back(a);
  }
  return specific;
}

// Sorts `specific` (not empty) by position and returns the index of the product itself: the
// one in the earliest segment, or after it the last of nouns run together.
int ProductCandidate(std::string_view s, const std::vector<bool>& covered,
                     std::vector<Candidate>* specific) {
  const std::vector<size_t> breaks = SegmentBreaks(s);
  auto segment = [&](size_t pos) {
    int seg = 0;
    for (size_t b : breaks) {
      if (b < pos && !covered[b]) ++seg;
    }
    return seg;
  };
  std::vector<Candidate>& sp = *specific;
  std::sort(sp.begin(), sp.end(),
            [&](const Candidate& a, const Candidate& b) { return a.begin < b.begin; });
  size_t best = 0;
  for (size_t i = 1; i < sp.size(); ++i) {
    if (segment(sp[i].begin) < segment(sp[best].begin)) best = i;
  }
  // Nouns run together ("e-bike charger", "电动自行车充电器", "电动车的充电器"): the last one
  // is the product.
  while (best + 1 < sp.size()) {
    const Candidate& a = sp[best];
    const Candidate& b = sp[best + 1];
    if (b.begin < a.end || segment(b.begin) != segment(a.begin)) break;
    std::string_view gap = s.substr(a.end, b.begin - a.end);
    bool ascii_join = IsAscii(s[a.end - 1]) && IsAscii(s[b.begin]);
    // "X的Y" (Y of X) names Y.
    bool joined = gap.empty() || gap == "的" ||
                  (ascii_join && std::all_of(gap.begin(), gap.end(), IsJoiner));
    if (!joined) break;
    ++best;
  }
  return static_cast<int>(best);
}

// Text that is mostly not words (noise, a pasted binary): of 20 or more distinct words fewer
// than one in five ever occurred in a listing the recogniser learned from. A lexicon term
// found in it is chance, not a product name.
bool MostlyUnknownWords(const RecogniserModel& m, const std::vector<std::string>& features) {
  int words = 0, known_words = 0;
  for (const std::string& feat : features) {
    if (!feat.starts_with("w:")) continue;
    ++words;
    known_words += m.weights.count(feat) > 0;
  }
  return words >= 20 && known_words * 5 < words;
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

}  // namespace

LexiconPick PickLexiconCategory(const KnowledgeBase& kb, const Listing& listing,
                                const TermMatches& terms) {
  const auto& lex = kb.lexicon();
  LexiconPick pick;
  std::vector<Candidate> cands;
  for (const Match& m : terms.chosen) {
    if (lex[m.entry].category >= 0 && !m.negated) {
      cands.push_back({lex[m.entry].category, m.begin, m.end, listing.Quote(m.begin, m.end)});
      pick.named.push_back(lex[m.entry].category);
    }
  }
  AddMultiParentCandidates(kb, &cands);
  pick.specific = MostSpecific(kb, cands);
  if (!pick.specific.empty()) {
    pick.best = ProductCandidate(listing.s, terms.covered, &pick.specific);
  }
  return pick;
}

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
        const bool decimal_point = c == '.' && i + 1 < s.size() && IsAsciiDigit(s[i + 1]) &&
                                   i > 0 && IsAsciiDigit(s[i - 1]);
        // A decimal point does not end the title.
        if (!decimal_point && head_words > 0) head = false;
      }
      size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 1;
      if (c >= 0xE0) prev.clear();  // a CJK character separates words
      i += len;
      continue;
    }
    std::string w(s.substr(i, e - i));
    i = e;
    bool digits = std::all_of(w.begin(), w.end(), [](char c) { return IsAsciiDigit(c); });
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

std::vector<CategoryGuess> ClassifyFeatures(const KnowledgeBase& kb,
                                            const std::vector<std::string>& features) {
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
  std::sort(out.begin(), out.end(),
            [](const CategoryGuess& a, const CategoryGuess& b) { return a.p > b.p; });
  return out;
}

void PickCategory(const KnowledgeBase& kb, const Listing& listing, const LexiconPick& lex,
                  bool use_model, Findings* found) {
  int lex_category = lex.category();
  Inference inf;
  if (!use_model || kb.recogniser() == nullptr) {
    if (lex_category < 0) return;
    inf.category = lex_category;
    inf.evidence = lex.specific[lex.best].evidence;
    found->AddCategory(std::move(inf));
    return;
  }
  std::vector<int> specific_ids;
  for (const auto& c : lex.specific) specific_ids.push_back(c.category);
  const std::vector<std::string> features = FeaturesOf(kb, listing.s, lex.named, lex_category);
  const std::vector<CategoryGuess> guesses = ClassifyFeatures(kb, features);
  if (MostlyUnknownWords(*kb.recogniser(), features)) {
    specific_ids.clear();
    lex_category = -1;
  }
  ChooseCategory(kb, guesses, specific_ids, lex_category, &inf);
  if (inf.category >= 0) {
    for (const auto& c : lex.specific) {
      if (c.category == inf.category) inf.evidence = c.evidence;
    }
    if (inf.evidence.empty()) {
      inf.evidence = fmt::format("recogniser: {:.0f}% confident", 100 * inf.confidence);
    }
  }
  if (inf.category >= 0 || !inf.candidates.empty()) found->AddCategory(std::move(inf));
}

}  // namespace eucomply::intake
