// The acts that Safety Gate alerts name (knowledge/alerts/acts.yaml): the CELEX number of
// each version of an act and the spellings the reports use for it. A loaded table is
// immutable and may be shared between threads.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "eucomply/status.h"

namespace eucomply::alerts::internal {

// The word that ends an alias in the text: "... Directive" or "... Regulation".
enum class ActWord { kDirective, kRegulation };

struct ActVersion {
  std::string from;  // YYYY-MM-DD when this version started to apply; "" for the first
  std::string celex;
};

// An act as the alerts name it. Not eucomply::Act, an act of the knowledge base: this one
// only maps names to CELEX numbers.
struct NamedAct {
  std::string key, name, cite;
  std::vector<ActVersion> versions;  // in date order, at least one
  // The act that repealed the newest version and took over under a new name, or "".
  std::string replaced_by_celex, replaced_by_name;
};

struct ActAlias {
  std::string words;  // lower case, single spaces: the words before the act word
  ActWord word;
  const NamedAct* act;  // points into the same table
};

class ActTable {
 public:
  const NamedAct* ByKey(std::string_view key) const;
  // The act one of whose versions is `celex`, or null.
  const NamedAct* ByCelex(std::string_view celex) const;
  const std::vector<ActAlias>& aliases() const { return aliases_; }

 private:
  friend Result<std::shared_ptr<const ActTable>> LoadActTable(const std::string& path);
  std::vector<NamedAct> acts_;  // never resized once aliases_ points into it
  std::vector<ActAlias> aliases_;
};

// Every problem at once as "file:line:col: message".
Result<std::shared_ptr<const ActTable>> LoadActTable(const std::string& path);

// The table of the knowledge-base folder ($EUCOMPLY_KB, else the one bundled at build time,
// as the CLI finds knowledge/alerts/vocabulary.yaml), read once on first use and kept for
// the life of the process; the error of that one load when it failed.
Result<const ActTable*> BundledActTable();

}  // namespace eucomply::alerts::internal
