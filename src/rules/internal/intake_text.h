// The text intake's view of a listing: the text normalised for matching, lexicon terms found
// in it, and the scanning helpers the later phases share (negation, segments, clauses, words).
// Internal to src/rules; pure functions, thread-safe.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "eucomply/kb.h"
#include "rules/internal/ascii.h"

namespace eucomply::intake {

inline constexpr size_t kNpos = std::string::npos;

// Characters a lexicon term's space or hyphen may stand for (also none at all).
constexpr bool IsJoiner(char c) { return c == ' ' || c == '-' || c == '_'; }

// The text as matched: ASCII lower-cased, full-width ASCII folded to ASCII, the ideographic
// space and other blanks folded to ' ', curly apostrophes to '\'', dashes and the full-width
// tilde to '-' / '~'. `orig[i]` is the byte offset in the original text of normalised byte i
// (one extra entry for the end), so evidence is quoted as the seller wrote it.
struct Normalised {
  std::string s;
  std::vector<size_t> orig;
};

Normalised Normalise(std::string_view t);

// A listing as the phases read it: the text as written (which must outlive it) and normalised.
struct Listing {
  explicit Listing(std::string_view t) : text(t), norm(Normalise(t)), s(norm.s) {}
  Listing(const Listing&) = delete;
  Listing& operator=(const Listing&) = delete;

  // The original words of normalised bytes [b, e), whole characters.
  std::string Quote(size_t b, size_t e) const;

  std::string_view text;
  Normalised norm;
  std::string_view s;  // norm.s
};

// One lexicon term found in the normalised text.
struct Match {
  size_t begin = 0, end = 0;  // in the normalised text
  int entry = -1;             // in kb.lexicon()
  bool negated = false;       // NegatedAt(begin)
};

struct TermMatches {
  // The longest matches that do not overlap, in text order.
  std::vector<Match> chosen;
  // The normalised bytes that `chosen` covers.
  std::vector<bool> covered;
};

// Every occurrence of every lexicon term in `s`; of overlapping ones the longest (then the
// first) is kept.
TermMatches MatchTerms(const KnowledgeBase& kb, std::string_view s);

// Negation just before a term at `begin`: a word of kNegationEn before it, or a word of
// kNegationZh right before it. 无线 ("wireless") is a word of its own, so a term that follows
// it is not negated.
bool NegatedAt(std::string_view s, size_t begin);
// Where the negation of a negated term at `begin` starts, for its evidence ("no battery",
// "无电池").
size_t NegationStart(std::string_view s, size_t begin);

// Positions that end one segment of a description and start the next (kSegmentWords,
// kSegmentMarks).
std::vector<size_t> SegmentBreaks(std::string_view s);

// The clause around [begin, end), for a quantity's context: up to punctuation, not a decimal
// point.
std::pair<size_t, size_t> ClauseAround(std::string_view s, size_t begin, size_t end);

// Does `s` hold `w`, not inside a longer ASCII word (CJK words are matched anywhere)?
bool ContainsWord(std::string_view s, std::string_view w);
bool ContainsAny(std::string_view s, std::span<const std::string_view> words);

// The end of the word at `i`: ASCII letters and digits, and the bytes of Latin, Greek and
// Cyrillic letters (2-byte UTF-8), make words; everything else (punctuation, CJK) separates
// them.
size_t WordEnd(std::string_view s, size_t i);

// "sprays" -> "spray", "batteries" -> "battery": a plural read as its singular.
std::string Singular(std::string w);

}  // namespace eucomply::intake
