// Risk assessment by the EU method: Commission Delegated Regulation (EU) 2024/3173, Annex II.
//
// A pure function of its input: a product (as `assess` reads it), the user, and one harm
// scenario per hazard, each of 3 to 5 steps with a probability, and a severity 1-4. The result
// is each scenario's overall probability, its band (Annex II 3.4.4) and level (the grid of
// 3.6.2), the product's level (the highest, 3.7.2), the presumptions of serious risk that
// apply (point 4.1), and a sensitivity analysis (guidance of Decision (EU) 2019/417, 6.3).
//
// Probabilities are exact rationals (boost::multiprecision): 1/10 x 1/100 is exactly 1/1 000,
// so a band boundary is never missed by rounding. Boundary rule (documented in
// docs/risk-format.md): a band holds its lower bound, "p >= 1/10" is the "> 1/10" row.
//
// Thread safety: a HazardLibrary is immutable after loading and may be shared.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "eucomply/engine.h"
#include "eucomply/kb.h"
#include "eucomply/status.h"

namespace eucomply::risk {

// An exact probability in (0, 1], as numerator / denominator (decimal strings, any size).
struct Probability {
  std::string num = "1";
  std::string den = "1";
  double value = 1.0;  // for display and charts only; decisions use the exact rational
};

// The eight probability bands of Annex II 3.4.4, 0 = "> 50 %" ... 7 = "< 1/1 000 000".
inline constexpr int kBands = 8;
enum class Level : int { kLow = 0, kMedium = 1, kHigh = 2, kSerious = 3 };

// The band of a probability (inclusive lower bounds: 1/2, 1/10, ..., 1/1 000 000).
int BandOf(const Probability& p);
// The grid of Annex II 3.6.2, written out cell by cell. severity 1-4, band 0-7.
Level MatrixLevel(int band, int severity);
const char* LevelId(Level l);                  // "serious", "high", "medium", "low"
std::string LevelName(Level l, Lang lang);      // "Serious risk" / "严重风险"
std::string BandName(int band, Lang lang);      // "Occasional" / "偶发"
std::string BandRange(int band);                // "> 1/1 000"
std::string SeverityName(int severity, Lang lang);  // "Life-threatening" / "危及生命"
// Is the probability exactly on a band's lower bound (1/2, 1/10 ... 1/1 000 000)?
bool OnBoundary(const Probability& p);

// Reads "0.5", "5e-3", "1/100", "1 in 100", "50%", or a band name ("occasional", "偶发"; it
// stands for the geometric middle of the band, see docs/risk-format.md). Must be in (0, 1].
Result<Probability> ParseProbability(std::string_view text);
Probability Multiply(const Probability& a, const Probability& b);
Probability Scale(const Probability& p, int times_ten);  // x10^k, capped at 1
std::string FormatProbability(const Probability& p);      // "1/500" or "1/3 333.3"

// ---- the hazard library (knowledge/risk/) ----

struct Injury {
  std::string id;
  int severity = 0;
  Text name;
};

struct Hazard {
  std::string id;
  std::string group;
  Text name;
  std::vector<std::string> safety_gate;  // Safety Gate risk types
  std::vector<std::string> cues;
  std::vector<std::string> default_for;
  int severity = 0;                      // suggested (guidance)
  std::vector<std::string> injuries;
  std::vector<Text> steps;               // the scenario template
  bool other_harm = false;               // a harm to another public interest (Annex II 2.2.2)
};

struct HazardGroup {
  std::string id;
  Text name;
};

// For a product category: the hazards its past Safety Gate alerts named, most frequent first.
struct Suggestion {
  std::string hazard;
  int alerts = 0;     // alerts of the category (before 2024) that named it
  double share = 0;   // of the category's alerts
  std::vector<std::string> examples;  // case numbers
};
struct CategorySuggestions {
  std::string category;
  int alerts = 0;
  std::vector<Suggestion> hazards;
};

struct Presumption {
  std::string point;  // "4.1(e)(i)"
  Text summary;
  // The condition (see knowledge/risk/presumptions.yaml).
  std::string fact;
  int min_severity = 0;
  std::vector<std::string> unless_all;
  std::vector<std::string> hazards;
  std::vector<std::string> product_any;
  bool children = false;
  int user_under_months = 0;
  std::string scenario_fact;
};

class HazardLibrary {
 public:
  const std::vector<HazardGroup>& groups() const { return groups_; }
  const std::vector<Hazard>& hazards() const { return hazards_; }
  const std::vector<Injury>& injuries() const { return injuries_; }
  const std::vector<Presumption>& presumptions() const { return presumptions_; }
  const Text& injury_source() const { return injury_source_; }
  const Hazard* FindHazard(std::string_view id) const;
  const Injury* FindInjury(std::string_view id) const;
  const HazardGroup* FindGroup(std::string_view id) const;
  // The categories that are product kind `kind` (toy, childcare, clothing, ...).
  const std::vector<std::string>* KindCategories(std::string_view kind) const;
  // For a kind the taxonomy does not hold (costume, nightwear): the categories it can only be
  // within; a product of another category is known not to be of that kind. Null when none.
  const std::vector<std::string>* KindWithin(std::string_view kind) const;
  // The suggestions for `category` (a kb category index): its own when it has enough alerts,
  // else the nearest ancestor's. Null when none.
  const CategorySuggestions* SuggestionsFor(const KnowledgeBase& kb, int category) const;
  const std::vector<CategorySuggestions>& suggestions() const { return suggestions_; }
  const std::string& suggestions_meta() const { return suggestions_meta_; }

 private:
  friend Result<std::shared_ptr<const HazardLibrary>> LoadHazardLibrary(const KnowledgeBase&,
                                                                        const std::string&);
  std::vector<HazardGroup> groups_;
  std::vector<Hazard> hazards_;
  std::vector<Injury> injuries_;
  Text injury_source_;
  std::vector<Presumption> presumptions_;
  std::vector<std::pair<std::string, std::vector<std::string>>> kinds_;
  std::vector<std::pair<std::string, std::vector<std::string>>> kinds_within_;
  std::vector<CategorySuggestions> suggestions_;
  std::string suggestions_meta_;
};

// Loads hazards.yaml, injuries.yaml, presumptions.yaml and suggestions.yaml from `dir`
// (knowledge/risk). Every problem at once, as "file:line:col: message" (kCorruption).
Result<std::shared_ptr<const HazardLibrary>> LoadHazardLibrary(const KnowledgeBase& kb,
                                                               const std::string& dir);

// ---- input ----

enum class UserGroup { kUnknown, kChild, kAdult, kOlderPerson, kDisabled };

struct User {
  UserGroup group = UserGroup::kUnknown;
  std::optional<int> age_months;
  bool intended = true;  // intended user (Annex II 3.2.1) or a foreseeable other one
  std::string description;
};

struct Step {
  std::string text;
  Probability probability;
  std::string probability_text;  // as written
};

struct Scenario {
  std::string hazard;  // a HazardLibrary id
  std::string description;
  int severity = 0;
  std::string injury;  // an injury id, when given
  bool severity_from_injury = false;
  std::optional<User> user;  // overrides the assessment's user
  std::vector<Step> steps;
  std::optional<bool> defective_component;
};

struct RiskInput {
  Product product;
  std::vector<std::string> product_kinds;  // stated kinds (costume, nightwear, ...)
  User user;
  std::optional<bool> operator_says_serious, voluntary_measure, banned_substance,
      users_can_protect, users_informed;
  std::string assessor;
  std::string date;  // YYYY-MM-DD, as written
  std::vector<Scenario> scenarios;
};

// Reads a risk document (docs/risk-format.md) from YAML or JSON text. Every problem at once:
// for YAML "<source>:line:col: message", for JSON "<source>: <JSON pointer>: message".
Result<RiskInput> ParseRiskYaml(const KnowledgeBase& kb, const HazardLibrary& lib,
                                std::string_view text, std::string_view source);
Result<RiskInput> ParseRiskJson(const KnowledgeBase& kb, const HazardLibrary& lib,
                                std::string_view text, std::string_view source);
Result<RiskInput> LoadRiskFile(const KnowledgeBase& kb, const HazardLibrary& lib,
                               const std::string& path);

// ---- result ----

struct ScenarioResult {
  Probability probability;
  int band = 0;
  bool on_boundary = false;
  Level level = Level::kLow;
};

struct PresumptionResult {
  const Presumption* presumption = nullptr;
  bool applies = false;           // false: possible, one fact missing
  std::vector<std::string> missing;  // the facts that would decide it
  int scenario = -1;              // the scenario it concerns, -1 for the product
};

struct Sensitivity {
  int scenario = 0;
  int step = -1;        // -1: the severity changes
  int change = 0;       // step: x10 (+1) or /10 (-1); severity: +1 / -1
  Probability probability;
  int band = 0;
  int severity = 0;
  Level level = Level::kLow;
  bool changes_level = false;
};

struct RiskResult {
  std::vector<ScenarioResult> scenarios;
  Level level = Level::kLow;  // the highest (Annex II 3.7.2)
  int deciding_scenario = 0;
  std::vector<PresumptionResult> presumptions;  // applying first, then possible
  bool presumed_serious = false;
  std::vector<Sensitivity> sensitivity;
  // For each scenario: by what factor its probability may grow (up) or shrink (down) before
  // its level changes; 0 when no change of probability can change it.
  std::vector<std::pair<double, double>> margins;
};

RiskResult AssessRisk(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in);

// The hazards to suggest for a product: its category's from the library, then those whose
// template fits the product's kinds. Best first.
std::vector<const Suggestion*> SuggestHazards(const KnowledgeBase& kb, const HazardLibrary& lib,
                                              int category);

// ---- output ----
nlohmann::json RiskToJson(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                          const RiskResult& r, Lang lang);
// A report fit to keep with the technical documentation (GPSR Art. 9(2)); markdown or text.
std::string RiskReport(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                       const RiskResult& r, Lang lang, bool markdown);
// The hazard library's view for one product category (GET /api/v1/risk/hazards).
nlohmann::json HazardsToJson(const KnowledgeBase& kb, const HazardLibrary& lib, int category,
                             Lang lang);

}  // namespace eucomply::risk
