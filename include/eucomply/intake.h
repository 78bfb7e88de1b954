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
};

// What the text says, in the order found. Pure; thread-safe on a shared KnowledgeBase.
std::vector<Inference> InferFromText(const KnowledgeBase& kb, std::string_view text);

// Applies InferFromText to `p`: fills only what `p` does not already have (given values win),
// marks each value ValueSource::kText with its evidence, then applies category defaults.
// Returns the inferences that were applied.
std::vector<Inference> ApplyTextIntake(const KnowledgeBase& kb, std::string_view text,
                                       Product* p);

}  // namespace eucomply
