// Free-text intake (include/eucomply/intake.h): lexicon terms and quantities with units in a
// product description become a category and attribute values, each with the words it came
// from. The rules are written out in docs/knowledge-format.md (lexicon.yaml) and
// docs/product-format.md (the `text` key). The phases live in internal/: the text and its
// terms (intake_text.h), the category (intake_category.h), quantities (intake_quantities.h).
#include "eucomply/intake.h"

#include <utility>

#include "rules/internal/intake_category.h"
#include "rules/internal/intake_findings.h"
#include "rules/internal/intake_quantities.h"
#include "rules/internal/intake_text.h"

namespace eucomply {
namespace {

using intake::Findings;
using intake::Listing;
using intake::Match;

constexpr size_t kMaxTextBytes = 8192;  // the text read; the rest is ignored

// A listing's title and bullet points fit well within kMaxTextBytes; the cap keeps the
// quadratic parts (category candidates against segment breaks) cheap on any input. The cut
// falls between UTF-8 characters.
std::string_view Capped(std::string_view text) {
  if (text.size() <= kMaxTextBytes) return text;
  size_t cut = kMaxTextBytes;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut);
}

// Attribute values the lexicon sets. The first statement about an attribute wins; set-valued
// attributes collect every member named.
void ApplyLexiconValues(const KnowledgeBase& kb, const Listing& listing,
                        const std::vector<Match>& matches, Findings* found) {
  const auto& lex = kb.lexicon();
  for (const Match& m : matches) {
    const LexiconEntry& e = lex[m.entry];
    if (!m.negated) {
      const std::string ev = listing.Quote(m.begin, m.end);
      for (const auto& [attr, v] : e.set) found->Add(attr, v, ev, m.begin, false, false);
      continue;
    }
    // "no battery", "无电池": only a single yes/no statement can be turned around.
    if (e.set.size() == 1 && e.set[0].second.kind == Value::Kind::kBool) {
      const size_t from = intake::NegationStart(listing.s, m.begin);
      found->Add(e.set[0].first, Value::Bool(!e.set[0].second.b), listing.Quote(from, m.end), from,
                 false, false);
    }
  }
}

// The phases of the intake in order: terms, category, the lexicon's values, quantities. With
// `features_out`, only the recogniser's features of the text are computed (into it).
std::vector<Inference> Infer(const KnowledgeBase& kb, std::string_view text, bool use_model,
                             std::vector<std::string>* features_out) {
  const Listing listing(Capped(text));
  const intake::TermMatches terms = intake::MatchTerms(kb, listing.s);
  const intake::LexiconPick lex = intake::PickLexiconCategory(kb, listing, terms);
  if (features_out != nullptr) {
    *features_out = intake::FeaturesOf(kb, listing.s, lex.named, lex.category());
    return {};
  }
  Findings found;
  intake::PickCategory(kb, listing, lex, use_model, &found);
  ApplyLexiconValues(kb, listing, terms.chosen, &found);
  intake::ApplyQuantities(kb, listing, &found);
  intake::ApplyGarmentSize(kb, listing, &found);
  return found.TakeInferences();
}

}  // namespace

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
  return intake::ClassifyFeatures(kb, RecogniserFeatures(kb, text));
}

std::vector<Inference> ApplyTextIntake(const KnowledgeBase& kb, std::string_view text, Product* p) {
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
