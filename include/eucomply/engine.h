// The applicability engine: which acts apply to a product on a date, why, what they require,
// and which question to ask next.
//
// All functions are pure functions of their arguments and safe to call concurrently on a
// shared KnowledgeBase. Verdicts point into the KnowledgeBase (rules, obligations), which
// must outlive them.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "eucomply/date.h"
#include "eucomply/kb.h"
#include "eucomply/status.h"

namespace eucomply {

enum class Tri : uint8_t { kFalse, kTrue, kUnknown };

// Where a product's attribute value came from.
enum class ValueSource : uint8_t { kNone, kGiven, kCategoryDefault, kText };

// A product to assess: a category and attribute values, indexed like kb.attributes().
struct Product {
  std::string name;
  std::string description;
  int category = -1;  // -1: unknown
  std::vector<Value> values;
  std::vector<ValueSource> sources;
  // Free-text intake: for each value taken from text, the words it came from.
  std::vector<std::string> evidence;
  std::string category_evidence;
  double category_confidence = 1.0;  // of a category read from text (1 when given)
  // Read from text without enough confidence: the likeliest categories, best first.
  std::vector<std::pair<int, double>> category_candidates;
  ValueSource category_source = ValueSource::kNone;

  // An empty product sized for `kb`.
  static Product Empty(const KnowledgeBase& kb);
  void Set(int attr, Value v, ValueSource src) {
    values[attr] = v;
    sources[attr] = src;
  }
};

// Fills every unknown value that the product's category (or an ancestor) implies.
void ApplyCategoryDefaults(const KnowledgeBase& kb, Product* p);

// Reads a product document (docs/product-format.md) from YAML or JSON text. Every problem is
// reported: for YAML as "<source>:line:col: message", for JSON as "<source>: <JSON pointer>:
// message". Category defaults are applied.
Result<Product> ParseProductYaml(const KnowledgeBase& kb, std::string_view text,
                                 std::string_view source_name);
Result<Product> ParseProductJson(const KnowledgeBase& kb, const nlohmann::json& doc,
                                 std::string_view source_name);
Result<Product> ParseProductJsonText(const KnowledgeBase& kb, std::string_view text,
                                     std::string_view source_name);
// Reads a file: .json as JSON, anything else as YAML.
Result<Product> LoadProductFile(const KnowledgeBase& kb, const std::string& path);

enum class VerdictStatus : uint8_t {
  kApplies,
  kNotApplicable,
  kUndetermined,
  kUpcoming,
  kNoLongerApplies,
};
const char* VerdictStatusName(VerdictStatus s);  // "applies", "not_applicable", ...

enum class ReasonKind : uint8_t { kScope, kExclusion, kNote, kAppliesFrom, kAppliesUntil };
const char* ReasonKindName(ReasonKind k);

struct Reason {
  ReasonKind kind = ReasonKind::kScope;
  Tri outcome = Tri::kTrue;       // scope/exclusion/note: how the rule evaluated
  const Rule* rule = nullptr;     // scope, exclusion, note
  const DatedFact* date = nullptr;  // applies_from / applies_until
};

struct ObligationVerdict {
  const Obligation* obligation = nullptr;
  VerdictStatus status = VerdictStatus::kApplies;  // applies | upcoming | undetermined
  std::optional<Date> from;  // when upcoming: the date it starts to apply
  std::vector<int> missing;  // when undetermined: the unknown attributes its condition reads
};

// The pseudo-attribute index that stands for the product's category in missing lists.
inline constexpr int kCategoryAttr = -2;

// A standard that fits the product under an applying act: the fit, and the rows of the act's
// Official Journal list of that number in force on the assessment date (two during a
// transition), none for a customary test or a standard of standards/*.yaml.
struct FitVerdict {
  const StandardFit* fit = nullptr;
  std::vector<const standards::ListedStandard*> rows;
};

struct ActVerdict {
  int act = -1;
  VerdictStatus status = VerdictStatus::kNotApplicable;
  Tri scope = Tri::kFalse;
  std::vector<Reason> reasons;
  std::vector<int> missing;  // attribute indexes (or kCategoryAttr), sorted, unique
  std::vector<ObligationVerdict> obligations;
  std::vector<FitVerdict> fits;  // product-specific first, then general, horizontal, customary
};

struct AssessOptions {
  Date as_of;
  bool obligations = true;  // false: statuses and reasons only
  // false: statuses only, without reasons, notes or missing attributes (NextQuestion's
  // trial answers); implies no obligations. The statuses are the same either way.
  bool explain = true;
  // NextQuestion's trials: an assessment of the same product before `trial_attribute`
  // (unknown there) was given a value. Its settled acts (all but the undetermined) are
  // copied instead of evaluated, unless they test that attribute with known() (Act::
  // known_attributes): a three-valued result that is already true or false cannot change
  // when an unknown becomes known.
  const struct Assessment* settled = nullptr;
  int trial_attribute = -1;
};

struct Assessment {
  Date as_of;
  std::vector<ActVerdict> acts;  // in kb.acts() order
};

// Assesses `product`, reusing `out`'s storage (no allocation once warmed up).
void Assess(const KnowledgeBase& kb, const Product& product, const AssessOptions& opts,
            Assessment* out);
Assessment Assess(const KnowledgeBase& kb, const Product& product, const AssessOptions& opts);

struct Question {
  int attribute = -1;  // an attribute index, or kCategoryAttr
  // Undetermined acts the answer settles, on average over the answers; for a question of
  // the obligations step, the undetermined obligations that read it.
  double settles = 0;
  // The undetermined acts that depend on it; for the obligations step, the acts that apply
  // whose obligations depend on it.
  std::vector<int> acts;
  // Asked once no act is undetermined: it decides whether a duty of an act that applies
  // (or will) binds this product, not whether an act applies.
  bool for_obligations = false;
};

// The attribute whose answer settles the most undetermined acts (ties: the data's priority,
// then the id). Once no act is undetermined, the obligations step: the attribute that the
// most undetermined obligations of applying (or upcoming) acts read. `skip` holds attributes
// the user declined to answer. nullopt when nothing is undetermined or every candidate is
// skipped.
std::optional<Question> NextQuestion(const KnowledgeBase& kb, const Product& product,
                                     const AssessOptions& opts, const Assessment& assessment,
                                     const std::set<int>& skip = {});

}  // namespace eucomply
