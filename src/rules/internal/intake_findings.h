// What the text intake has read from one listing so far: the category and one inference per
// attribute, with where in the text each came from. Internal to src/rules.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "eucomply/intake.h"

namespace eucomply::intake {

class Findings {
 public:
  // The category inference (its category, or its candidates when none was confident enough).
  // At most once, before any attribute.
  void AddCategory(Inference inf);
  // The category found, or -1.
  int category() const;

  bool Has(int attr) const { return slot_.count(attr) > 0; }

  // Records `v` for `attr`, read from text position `pos`. The first statement about an
  // attribute wins unless `override_number`; set-valued attributes collect every member named.
  // `quantity`: read from a number with a unit.
  void Add(int attr, const Value& v, const std::string& evidence, size_t pos, bool override_number,
           bool quantity);

  // Which of several quantities for one attribute counts.
  enum class Keep { kLargest, kSmallest };
  // Records the quantity `v` for `attr`: it beats a value the lexicon set and, by `keep`,
  // another quantity.
  void AddQuantity(int attr, double v, const std::string& evidence, size_t pos, Keep keep);

  // The inferences: the category first, then in the order of the text.
  std::vector<Inference> TakeInferences();

 private:
  struct Found {
    size_t pos = 0;         // where in the text, for ordering
    bool quantity = false;  // read from a number with a unit
    Inference inf;
  };
  std::vector<Found> found_;
  std::map<int, size_t> slot_;  // attribute -> index in found_
};

}  // namespace eucomply::intake
