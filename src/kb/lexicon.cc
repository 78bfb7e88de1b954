// lexicon.yaml and lexicon.d/: the words of listing texts that name a category or set an
// attribute, and which attribute a bare quantity of each dimension sets ("230 V").
#include <fmt/format.h>

#include "eucomply/text.h"
#include "kb/internal/enum_names.h"
#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadLexicon(const std::vector<File>& files) {
  for (const auto& f : files) {
    CheckKeys(f, f.root, {"lexicon", "units"});
    if (YAML::Node list = f.root["lexicon"]) {
      if (!list.IsSequence()) {
        Error(f, list, "'lexicon' must be a list");
      } else {
        for (const auto& n : list) {
          if (CheckMap(f, n, "a lexicon entry")) LoadLexiconEntry(f, n);
        }
      }
    }
    if (YAML::Node units = f.root["units"]) {
      if (!units.IsSequence()) {
        Error(f, units, "'units' must be a list");
        continue;
      }
      for (const auto& n : units) {
        if (CheckMap(f, n, "a unit mapping")) LoadUnitMapping(f, n);
      }
    }
  }
}

void KnowledgeBaseLoader::LoadLexiconEntry(const File& f, const YAML::Node& n) {
  CheckKeys(f, n, {"terms", "category", "set"});
  LexiconEntry e;
  e.pos = Pos(f, n);
  YAML::Node terms = n["terms"];
  if (!terms || !terms.IsSequence() || terms.size() == 0) {
    Error(f, n, "'terms' must be a non-empty list");
  } else {
    for (const auto& t : terms) {
      std::string term = AsciiLower(Trim(t.Scalar()));
      if (term.empty()) {
        Error(f, t, "empty term");
      } else {
        e.terms.push_back(term);
      }
    }
  }
  if (auto c = Str(f, n, "category", false)) {
    e.category = kb_->FindCategory(*c);
    if (e.category < 0) Error(f, n["category"], fmt::format("unknown category '{}'", *c));
  }
  if (YAML::Node s = n["set"]) {
    if (!s.IsMap()) {
      Error(f, s, "'set' must be a map of attribute: value");
    } else {
      ParseAssignments(f, s, &e.set);
    }
  }
  if (e.category < 0 && e.set.empty()) Error(f, n, "a lexicon entry needs 'category' or 'set'");
  kb_->lexicon_.push_back(std::move(e));
}

void KnowledgeBaseLoader::LoadUnitMapping(const File& f, const YAML::Node& n) {
  CheckKeys(f, n, {"unit_dimension", "attribute", "attribute_ac", "attribute_dc"});
  UnitMapping m;
  auto dim = Str(f, n, "unit_dimension", true);
  if (dim) {
    if (auto d = kb::EnumFromName(kb::kDimensionNames, *dim)) {
      m.dimension = *d;
    } else {
      Error(f, n["unit_dimension"], fmt::format("unknown dimension '{}'", *dim));
    }
  }
  auto attr = [&](const char* key, int* out) {
    if (auto a = Str(f, n, key, false)) {
      *out = kb_->FindAttribute(*a);
      if (*out < 0) {
        Error(f, n[key], fmt::format("unknown attribute '{}'", *a));
      } else if (kb_->attributes_[*out].dimension != m.dimension) {
        Error(f, n[key], fmt::format("'{}' is not measured in {}", *a, *dim));
      }
    }
  };
  attr("attribute", &m.attribute);
  attr("attribute_ac", &m.attribute_ac);
  attr("attribute_dc", &m.attribute_dc);
  kb_->unit_mappings_.push_back(m);
}

}  // namespace eucomply
