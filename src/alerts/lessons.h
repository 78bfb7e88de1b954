// Lessons for a product: the past Safety Gate alerts most like it, and what they teach as a
// pre-shipment test checklist (typical risks, standards and acts cited as failed, defects).
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <functional>
#include <string>
#include <vector>

#include "alerts/search.h"
#include "alerts/store.h"
#include "eucomply/engine.h"
#include "eucomply/kb.h"
#include "eucomply/status.h"

namespace eucomply::alerts {

// What lessons needs to know about a product: its words, and the Safety Gate category
// names its knowledge-base category maps to (docs/knowledge-format.md, `safety_gate:`).
struct ProductQuery {
  std::string name;
  std::string description;
  std::string category;                        // the knowledge-base category id, if any
  std::vector<std::string> safety_gate_categories;
};

// What lessons takes from a product parsed by the engine: its name and description, its
// category id, and the category's `safety_gate:` names, or those of the nearest ancestors
// that have some.
ProductQuery ProductQueryFor(const KnowledgeBase& kb, const Product& product);

// Reads the product file given to `eucomply assess` (YAML or JSON) with the engine's
// LoadProductFile against the knowledge base in `kb_dir`, then ProductQueryFor.
Result<ProductQuery> LoadProductQuery(const std::string& path, const std::string& kb_dir);

class Vocabulary;

struct LessonsOptions {
  int similar_alerts = 25;
  int top = 8;  // entries per summary list
  // The bilingual vocabulary (knowledge/alerts/vocabulary.yaml): the recurring findings come
  // from it (none without it), and with `zh` the risks, findings and checklist are in Chinese.
  const Vocabulary* vocabulary = nullptr;
  bool zh = false;
  // The name to show for an act (by CELEX), e.g. the knowledge base's title in the chosen
  // language; "" or unset: the name the alerts use.
  std::function<std::string(const std::string& celex)> act_name;
};

struct SimilarAlert {
  std::string case_number, report_date, category, title, level, url;
  std::vector<std::string> risks;
  double score = 0;
};

struct Tally {
  std::string key;    // risk name, CELEX, standard id, defect phrase, measure
  std::string label;  // for display
  int count = 0;      // similar alerts citing it
  std::vector<std::string> cases;  // up to 5 example case numbers
};

struct ChecklistItem {
  std::string text;
  std::vector<std::string> cases;
  std::vector<std::string> urls;
};

struct Lessons {
  ProductQuery product;
  std::string query;          // the search text used
  std::string scope;          // how the alerts were chosen, in words
  int64_t matching = 0;       // alerts matching the search before the cut
  std::vector<SimilarAlert> alerts;
  std::vector<Tally> risks, standards, acts, defects, measures;
  std::vector<ChecklistItem> checklist;
};

// `searcher` must search `store`; pass a long-lived one to avoid reloading its facet table
// (~30 ms) on every call. The three-argument form makes its own.
Result<Lessons> LearnLessons(AlertStore& store, AlertSearcher& searcher,
                             const ProductQuery& product, const LessonsOptions& options);
Result<Lessons> LearnLessons(AlertStore& store, const ProductQuery& product,
                             const LessonsOptions& options);

nlohmann::json LessonsToJson(const Lessons& l);
std::string LessonsToText(const Lessons& l);

}  // namespace eucomply::alerts
