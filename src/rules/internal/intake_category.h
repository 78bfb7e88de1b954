// The category of a listing: the categories its lexicon terms name, and the choice between
// them and the product recogniser's guesses. Internal to src/rules.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/intake.h"
#include "rules/internal/intake_findings.h"
#include "rules/internal/intake_text.h"

namespace eucomply::intake {

// A category that the listing names, with the words that name it.
struct Candidate {
  int category;
  size_t begin, end;  // in the normalised text
  std::string evidence;
};

// The lexicon's view of the category.
struct LexiconPick {
  std::vector<int> named;           // categories of the terms not negated, in text order
  std::vector<Candidate> specific;  // the most specific on each line of the taxonomy, by begin
  int best = -1;                    // the product itself in `specific`, or -1 when none
  int category() const { return best >= 0 ? specific[best].category : -1; }
};

// The most specific of the categories the terms name, and of several unrelated ones the
// product itself rather than a feature or what it is for.
LexiconPick PickLexiconCategory(const KnowledgeBase& kb, const Listing& listing,
                                const TermMatches& terms);

// The recogniser's features of normalised text `s` (see RecogniserFeatures in intake.h).
std::vector<std::string> FeaturesOf(const KnowledgeBase& kb, std::string_view s,
                                    const std::vector<int>& named, int lex_category);

// The recogniser's probabilities of `features` over its categories, best first (the
// likeliest from 0.1%); empty without a model.
std::vector<CategoryGuess> ClassifyFeatures(const KnowledgeBase& kb,
                                            const std::vector<std::string>& features);

// Adds the category inference to `found`: with `use_model` (and a recogniser in `kb`) the
// choice between the lexicon and the recogniser (or the candidates to ask about), else the
// lexicon's pick. Nothing when there is neither.
void PickCategory(const KnowledgeBase& kb, const Listing& listing, const LexiconPick& lex,
                  bool use_model, Findings* found);

}  // namespace eucomply::intake
