// Free-text intake: a product description in English or Chinese ("USB-C 充电器 5V 3A",
// "plush toy with sound module for babies") becomes a category and attribute values, using
// the bilingual lexicon of the knowledge base (knowledge/lexicon.yaml) and the quantities
// ("5V", "3 A", "230 V AC") in the text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "eucomply/engine.h"

namespace eucomply {

struct Inference {
  int attribute = -1;     // an attribute index, or kCategoryAttr
  Value value;            // unused for the category
  int category = -1;      // for kCategoryAttr
  std::string evidence;   // the words of the text it came from
  // The category only: how sure the intake is (the recogniser's calibrated probability; 1 for
  // the lexicon alone), and when no category was confident enough (category -1) the likeliest
  // ones with their probabilities, best first, to offer to the user.
  double confidence = 1.0;
  std::vector<std::pair<int, double>> candidates;
};

struct CategoryGuess {
  int category = -1;
  double p = 0;
};

// The recogniser's features of a text: "w:" words (ASCII lower-case, plurals singular), "b:"
// adjacent word pairs, "h:" words of the title (before the first '.', ',' or '|'), "L:" each
// category the lexicon names, "A:" their ancestors below the root, "P:" the lexicon's pick.
std::vector<std::string> RecogniserFeatures(const KnowledgeBase& kb, std::string_view text);

// The recogniser's probabilities over its categories, best first (empty without a model).
std::vector<CategoryGuess> RecogniseCategory(const KnowledgeBase& kb, std::string_view text);

// InferFromText without the recogniser: the category is the lexicon's alone.
std::vector<Inference> InferFromTextLexiconOnly(const KnowledgeBase& kb, std::string_view text);

// What the text says, in the order found. Pure; thread-safe on a shared KnowledgeBase.
std::vector<Inference> InferFromText(const KnowledgeBase& kb, std::string_view text);

// Applies InferFromText to `p`: fills only what `p` does not already have (given values win),
// marks each value ValueSource::kText with its evidence, then applies category defaults.
// Returns the inferences that were applied.
std::vector<Inference> ApplyTextIntake(const KnowledgeBase& kb, std::string_view text,
                                       Product* p);

}  // namespace eucomply
