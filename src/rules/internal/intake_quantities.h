// Quantities in a listing ("5V", "3 A", "100-240V AC", "3岁以上", "122/128") and the attribute
// values they become through the lexicon's `units:` mappings. Internal to src/rules.
#pragma once

#include <string_view>
#include <vector>

#include "eucomply/kb.h"
#include "rules/internal/intake_findings.h"
#include "rules/internal/intake_text.h"

namespace eucomply::intake {

// A unit word as sellers write it (lower-case, after normalisation), with the unit symbol of
// include/eucomply/units.h it stands for and a factor into that unit.
struct UnitWord {
  std::string_view word;
  std::string_view symbol;
  double factor;
  // An age without further context (岁, months): listings give months for babies' ages; a
  // warranty or return period in the same clause still rules it out.
  bool age;
};

// A number with its unit in the normalised text.
struct Amount {
  double lo = 0, hi = 0;  // a range "100-240V"; lo == hi for one value
  const UnitWord* unit = nullptr;
  size_t begin = 0, end = 0;
  bool plus = false;   // "3+", "3岁+", "3 years and up", "3岁以上"
  bool under = false;  // "under 3", "3岁以下"
};

// Every number with a unit in normalised text `s`, in text order, then the ages written
// "6m+" / "3y+".
std::vector<Amount> FindQuantities(std::string_view s);

// Adds the values of the quantities in the listing: voltages (AC or DC), ages (only where the
// words around say so) and the other dimensions (to the mapping whose label the words name).
void ApplyQuantities(const KnowledgeBase& kb, const Listing& listing, Findings* found);

// Adds garment_max_height from a children's clothing size as EU labels write it, "122/128".
void ApplyGarmentSize(const KnowledgeBase& kb, const Listing& listing, Findings* found);

}  // namespace eucomply::intake
