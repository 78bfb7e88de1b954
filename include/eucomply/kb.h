// The knowledge base: acts, attributes, taxonomy, standards and lexicon, loaded from the
// YAML files of docs/knowledge-format.md and validated as a whole.
//
// A KnowledgeBase is immutable once loaded; every const method is safe to call from many
// threads at once without locks. Conditions are compiled at load into flat expression trees
// (kb::Expr) that refer to attributes, categories and acts by index.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "eucomply/date.h"
#include "eucomply/harmonised.h"
#include "eucomply/status.h"
#include "eucomply/units.h"

namespace eucomply {

enum class Lang { kEn, kZh };
// "en" or "zh" (also "zh-CN", "zh-Hans"); nullopt otherwise.
std::optional<Lang> ParseLang(std::string_view s);

struct Text {
  std::string en;
  std::string zh;
  const std::string& Get(Lang lang) const { return lang == Lang::kZh ? zh : en; }
};

// "file:line:col" of the record in its source file, for messages.
struct SourcePos {
  std::string file;
  int line = 0;
  int column = 0;
  std::string ToString() const;
};

struct Citation {
  std::string celex;      // the cited act or document
  std::string reference;  // "Art. 1(1)", "Annex II"
  std::string ToString() const { return celex + " " + reference; }
};

// Shared by every record that states a legal fact.
struct Sourced {
  Citation cite;
  bool unconfirmed = false;
  std::string note;
  SourcePos pos;
};

enum class AttrType { kBool, kNumber, kEnum, kSet };
const char* AttrTypeName(AttrType t);

struct EnumValue {
  std::string id;
  Text label;
};

struct Attribute {
  std::string id;
  AttrType type = AttrType::kBool;
  Dimension dimension = Dimension::kNone;  // number only
  Text label, question, why;
  int priority = 50;
  std::vector<EnumValue> values;  // enum and set; at most 64
  // Number only: the constants conditions compare this attribute with (canonical unit),
  // sorted; the guided intake uses them to weigh a question.
  std::vector<double> thresholds;
  SourcePos pos;

  int ValueIndex(std::string_view value_id) const;  // -1 when absent
};

// One value of an attribute: unknown, or a bool / number / enum index / set bitmask.
struct Value {
  enum class Kind : uint8_t { kUnknown, kBool, kNumber, kEnum, kSet } kind = Kind::kUnknown;
  bool b = false;
  double num = 0;
  uint64_t bits = 0;  // kEnum: 1 << index; kSet: one bit per member
  bool known() const { return kind != Kind::kUnknown; }
  static Value Bool(bool v) { Value x; x.kind = Kind::kBool; x.b = v; return x; }
  static Value Number(double v) { Value x; x.kind = Kind::kNumber; x.num = v; return x; }
  static Value Enum(int index) { Value x; x.kind = Kind::kEnum; x.bits = uint64_t{1} << index; return x; }
  static Value Set(uint64_t bits) { Value x; x.kind = Kind::kSet; x.bits = bits; return x; }
};

struct Category {
  std::string id;
  std::vector<std::string> parent_ids;
  Text name;
  std::vector<std::string> safety_gate;
  // attribute index -> value, own defaults only (see KnowledgeBase::Defaults for inherited).
  std::vector<std::pair<int, Value>> defaults;
  SourcePos pos;
};

namespace kb {

// A compiled condition: nodes in a flat array, children by index.
enum class Op : uint8_t {
  kTrue, kFalse,
  kAnd, kOr, kNot,
  kBoolAttr,          // attr
  kCmp,               // attr cmp num (number) / enum or bool equality
  kIn,                // attr bits intersects mask (enum: one of; set: shares any)
  kHas,               // set attr contains bits
  kCategoryIn,        // category is-a any of `categories`
  kKnown,             // attr known
  kApplies,           // act index
  kHarmonised,
  kCeMarking,         // some act with ce_marking: true applies
};
enum class Cmp : uint8_t { kEq, kNe, kLt, kLe, kGt, kGe };

struct Node {
  Op op = Op::kTrue;
  Cmp cmp = Cmp::kEq;
  int attr = -1;
  int act = -1;
  double num = 0;
  uint64_t mask = 0;
  bool bool_value = false;
  std::vector<int> children;    // kAnd/kOr/kNot
  std::vector<int> categories;  // kCategoryIn
};

struct Expr {
  std::vector<Node> nodes;  // nodes[root] is the root
  int root = -1;
  std::string source;       // the condition as written
  bool empty() const { return root < 0; }
};

}  // namespace kb

struct Rule : Sourced {
  std::string id;
  kb::Expr when;
  Text text;
};

enum class NotifiedBody { kUnspecified, kRequired, kOptional, kNotRequired, kDepends };
const char* NotifiedBodyName(NotifiedBody nb);

struct Obligation : Sourced {
  std::string id;
  std::string kind;
  std::string role;
  Text text;
  kb::Expr when;                 // empty: always
  std::optional<Date> from;
  std::optional<Date> until;
  std::vector<std::string> modules;
  NotifiedBody notified_body = NotifiedBody::kUnspecified;
  std::vector<int> standards;    // indexes into KnowledgeBase::standards()
  std::optional<Text> languages;
};

struct DatedFact : Sourced {
  Date date;
  std::string successor;  // applies_until only: CELEX of the successor act
};

struct Milestone : Sourced {
  std::string id;
  Date date;
  Text text;
};

struct Act {
  std::string celex;
  std::string short_name;
  std::string number;
  std::string kind;
  Text title, summary;
  bool harmonised = false;
  bool ce_marking = false;
  std::optional<Citation> ce_marking_cite;
  std::optional<DatedFact> entry_into_force, applies_from, applies_until;
  std::vector<Milestone> milestones;
  std::vector<Rule> scope, exclusions, notes;
  std::vector<Obligation> obligations;
  SourcePos pos;
  // Derived on load: the attributes that scope or exclusion rules test with known(), here
  // or in an act this one refers to (applies(), harmonised(), ce_marking()); sorted. Learning
  // the value of any other attribute that was unknown cannot change a status that is
  // already settled, since Kleene logic without known() is monotone.
  std::vector<int> known_attributes;
};

struct Standard : Sourced {
  std::string id;
  std::string ref;
  Text title;
  std::vector<std::string> acts;  // CELEX
  std::optional<Date> oj_date;
  std::string superseded_by;
  std::optional<Date> presumption_until;
};

// Which standards fit which products (knowledge/standards/fit/*.yaml, issue 13): a standard
// number (any edition) read from the Official Journal list of `act`, or a standard of
// standards/*.yaml, or a customary test that is no harmonised standard; for products of
// `categories` (or below) for which `when` holds.
struct StandardFit : Sourced {
  std::string number;       // "EN 60335-2-15" (harmonised: matched by StandardNumber)
  int act = -1;             // the act whose list (or obligations) it serves
  std::string role;         // product | general | horizontal | customary
  std::vector<int> categories;
  kb::Expr when;
  Text why;
  int standard = -1;        // a standard of standards/*.yaml, instead of the OJ list
  std::string ref;          // customary: the reference as written ("UN 38.3")
  Text title;               // customary: its title
  std::string source;       // where the fit is read from (the title, a guide ...)
  // Derived on load: the rows of the act's OJ list of this number (every edition, all dates).
  std::vector<const standards::ListedStandard*> rows;
};

struct Role : Sourced {
  std::string id;
  Text name, definition;
};

struct SourceDoc {
  std::string id;
  Text title;
  std::string url;
  SourcePos pos;
};

struct LexiconEntry {
  std::vector<std::string> terms;  // lower-cased
  int category = -1;
  std::vector<std::pair<int, Value>> set;
  SourcePos pos;
};

struct UnitMapping {
  Dimension dimension = Dimension::kNone;
  int attribute = -1;     // the attribute a bare quantity of this dimension sets
  int attribute_ac = -1;  // voltage only: when the text says AC
  int attribute_dc = -1;  // voltage only: when the text says DC
};

// The product recogniser (knowledge/recogniser/model.tsv, built by scripts/train-recogniser
// from Safety Gate reports published before 2024): a multinomial logistic regression from the
// features of a listing text (src/rules/intake.cc, RecogniserFeatures) to taxonomy categories.
struct RecogniserModel {
  std::vector<int> classes;                 // category index per class
  std::vector<float> bias;                  // per class
  // Weights of each feature, sparse: (class, weight), classes ascending.
  std::unordered_map<std::string, std::vector<std::pair<uint16_t, float>>> weights;
  double temperature = 1.0;  // logits are divided by it (calibrated on held-out reports)
  double threshold = 0.5;    // below it the category is asked, not inferred
  // How often the lexicon's category is on the line of the true one (held-out reports).
  double lexicon_precision = 0.0;
  std::vector<std::pair<std::string, std::string>> meta;  // the model's own record (split, counts)
  std::string sha256;        // of model.tsv, as verified against model.sha256
};

// Built by the text intake (src/rules/intake.cc) from the lexicon, once per knowledge base.
struct IntakeIndex;

class KnowledgeBase {
 public:
  const std::vector<Attribute>& attributes() const { return attributes_; }
  const std::vector<Category>& categories() const { return categories_; }
  const std::vector<Act>& acts() const { return acts_; }
  const std::vector<Standard>& standards() const { return standards_; }
  const std::vector<StandardFit>& standard_fits() const { return standard_fits_; }
  // The Official Journal lists (standards/harmonised, by act CELEX); null when none.
  const std::map<std::string, standards::ActList>* harmonised_lists() const { return harmonised_.get(); }
  const std::vector<Role>& roles() const { return roles_; }
  const std::vector<SourceDoc>& sources() const { return sources_; }
  const std::vector<LexiconEntry>& lexicon() const { return lexicon_; }
  const std::vector<UnitMapping>& unit_mappings() const { return unit_mappings_; }
  // The product recogniser, or null when knowledge/recogniser/ holds no model.
  const RecogniserModel* recogniser() const { return recogniser_.get(); }
  // Acts in an order where every act comes after the acts its conditions refer to.
  const std::vector<int>& evaluation_order() const { return evaluation_order_; }

  int FindAttribute(std::string_view id) const;  // -1 when absent
  int FindCategory(std::string_view id) const;
  int FindAct(std::string_view celex_or_short_name) const;
  int FindStandard(std::string_view id) const;
  const Role* FindRole(std::string_view id) const;
  // Is category `c` the category `ancestor` or below it?
  bool IsA(int c, int ancestor) const {
    return (ancestors_[c][ancestor >> 6] >> (ancestor & 63)) & 1;
  }
  // Defaults of category `c`, inherited (nearest ancestor wins), by attribute index.
  const std::vector<std::pair<int, Value>>& Defaults(int c) const { return defaults_[c]; }
  // The category a Safety Gate category name maps to, or -1.
  int CategoryForSafetyGate(std::string_view name) const;
  // The folder the knowledge base was loaded from; empty when it was loaded from memory.
  const std::string& dir() const { return dir_; }

 private:
  friend class KnowledgeBaseLoader;
  std::string dir_;
  std::vector<Attribute> attributes_;
  std::vector<Category> categories_;
  std::vector<Act> acts_;
  std::vector<Standard> standards_;
  std::vector<StandardFit> standard_fits_;
  std::shared_ptr<const std::map<std::string, standards::ActList>> harmonised_;
  std::vector<Role> roles_;
  std::vector<SourceDoc> sources_;
  std::vector<LexiconEntry> lexicon_;
  std::vector<UnitMapping> unit_mappings_;
  std::vector<int> evaluation_order_;
  std::unordered_map<std::string, int> attribute_index_, category_index_, act_index_,
      standard_index_, role_index_, safety_gate_index_;
  std::vector<std::vector<uint64_t>> ancestors_;
  std::vector<std::vector<std::pair<int, Value>>> defaults_;
  std::shared_ptr<const RecogniserModel> recogniser_;
  // The compiled lexicon of the text intake, built on first use (thread-safe).
  friend const IntakeIndex& GetIntakeIndex(const KnowledgeBase& kb);
  mutable std::once_flag intake_once_;
  mutable std::shared_ptr<const IntakeIndex> intake_index_;
};

// Loads and validates every file under `dir`. On failure the Status (kCorruption) holds one
// message per problem, each "file:line:col: message", in file order.
Result<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBase(const std::string& dir);

// One file of a knowledge base held in memory.
struct SourceFile {
  std::string path;     // below the knowledge-base folder: "acts/lvd.yaml", "roles.yaml"
  std::string content;
};

// Loads and validates a knowledge base from files in memory, as LoadKnowledgeBase would from a
// folder `name` holding them: the files of a folder are read by path, messages name each file
// "<name>/<path>", and recogniser/model.tsv is checked against recogniser/model.sha256. Two
// differences: a required folder without files is reported "<name>/<folder>: missing
// (required)", and there are no Official Journal lists (standards/harmonised).
Result<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBaseFromSources(
    const std::vector<SourceFile>& files, const std::string& name = "knowledge");

// Parses one attribute value written as text: "true"/"false" (also yes/no, 是/否) for bools,
// "230 V" or "230" (canonical unit) for numbers, a value id for enums, and for sets one id or
// several separated by commas ("" is the empty set). Errors say what was expected.
Result<Value> ParseAttributeValue(const Attribute& attr, std::string_view text);
// A set value from member ids.
Result<Value> MakeSetValue(const Attribute& attr, const std::vector<std::string>& ids);
// A value as text for people: "230 V", "yes", the enum label in `lang`.
std::string FormatValue(const Attribute& attr, const Value& v, Lang lang);
// A value as JSON-friendly text: "230 V", "true", "mains", "usb,battery".
std::string ValueToString(const Attribute& attr, const Value& v);

// Counts for `kb stats`.
struct KnowledgeStats {
  int acts = 0, rules = 0, obligations = 0, standards = 0, categories = 0, attributes = 0,
      lexicon_entries = 0, lexicon_terms = 0, milestones = 0;
  // Every record marked unconfirmed: "file:line:col: <what>".
  std::vector<std::string> unconfirmed;
};
KnowledgeStats ComputeStats(const KnowledgeBase& kb);

}  // namespace eucomply
