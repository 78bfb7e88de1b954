// The assessment itself: Delegated Regulation (EU) 2024/3173, Annex II points 3 and 4.
#include <algorithm>
#include <cmath>
#include <optional>

#include "eucomply/risk.h"
#include "risk/rational.h"

namespace eucomply::risk {

namespace {

enum class Tri { kFalse, kUnknown, kTrue };

Tri And(Tri a, Tri b) {
  if (a == Tri::kFalse || b == Tri::kFalse) return Tri::kFalse;
  if (a == Tri::kUnknown || b == Tri::kUnknown) return Tri::kUnknown;
  return Tri::kTrue;
}

Tri FromOpt(const std::optional<bool>& b) {
  if (!b) return Tri::kUnknown;
  return *b ? Tri::kTrue : Tri::kFalse;
}

Probability Overall(const std::vector<Step>& steps) {
  Probability p;  // 1
  for (const Step& s : steps) p = Multiply(p, s.probability);
  return p;
}

// Is the product of kind `kind`? Stated kinds win; then the category; "electrical" also reads
// the product's is_electrical fact.
Tri IsKind(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
           const std::string& kind) {
  if (std::find(in.product_kinds.begin(), in.product_kinds.end(), kind) != in.product_kinds.end()) {
    return Tri::kTrue;
  }
  const int cat = in.product.category;
  if (kind == "electrical") {
    const int a = kb.FindAttribute("is_electrical");
    if (a >= 0 && a < static_cast<int>(in.product.values.size()) &&
        in.product.values[a].kind == Value::Kind::kBool) {
      return in.product.values[a].b ? Tri::kTrue : Tri::kFalse;
    }
  }
  const std::vector<std::string>* cats = lib.KindCategories(kind);
  if (cats) {
    for (const std::string& id : *cats) {
      const int c = kb.FindCategory(id);
      if (cat >= 0 && c >= 0 && kb.IsA(cat, c)) return Tri::kTrue;
    }
  }
  // A kind the taxonomy does not hold (costume, nightwear) is known only when stated, and is
  // excluded when the category is outside every category it can be within.
  if (cat < 0) return Tri::kUnknown;
  if (!cats || cats->empty()) {
    const std::vector<std::string>* within = lib.KindWithin(kind);
    if (!within) return Tri::kUnknown;
    for (const std::string& id : *within) {
      const int c = kb.FindCategory(id);
      if (c >= 0 && (kb.IsA(cat, c) || kb.IsA(c, cat))) return Tri::kUnknown;
    }
    return Tri::kFalse;
  }
  return Tri::kFalse;
}

Tri ForChildren(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                const User& user) {
  if (user.group == UserGroup::kChild) return Tri::kTrue;
  Tri any = Tri::kFalse;
  for (const char* k : {"toy", "childcare", "children_clothing"}) {
    Tri t = IsKind(kb, lib, in, k);
    if (t == Tri::kTrue) return Tri::kTrue;
    if (t == Tri::kUnknown) any = Tri::kUnknown;
  }
  if (user.group == UserGroup::kUnknown) return Tri::kUnknown;
  return any;
}

Tri UserUnder(const User& u, int months) {
  if (u.age_months) return *u.age_months < months ? Tri::kTrue : Tri::kFalse;
  if (u.group == UserGroup::kAdult || u.group == UserGroup::kOlderPerson) return Tri::kFalse;
  return Tri::kUnknown;
}

void Presumptions(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                  RiskResult* r) {
  auto fact = [&](const std::string& f) -> std::optional<bool> {
    if (f == "operator_says_serious") return in.operator_says_serious;
    if (f == "voluntary_measure") return in.voluntary_measure;
    if (f == "banned_substance") return in.banned_substance;
    if (f == "users_can_protect") return in.users_can_protect;
    if (f == "users_informed") return in.users_informed;
    return std::nullopt;
  };
  std::vector<PresumptionResult> applies, possible;
  for (const Presumption& p : lib.presumptions()) {
    if (!p.fact.empty()) {
      Tri t = FromOpt(fact(p.fact));
      if (t == Tri::kTrue) applies.push_back({&p, true, {}, -1});
      else if (t == Tri::kUnknown) possible.push_back({&p, false, {p.fact}, -1});
      continue;
    }
    if (p.min_severity > 0) {
      int worst = -1;
      for (size_t i = 0; i < in.scenarios.size(); ++i) {
        if (in.scenarios[i].severity >= p.min_severity) {
          worst = static_cast<int>(i);
          break;
        }
      }
      if (worst < 0) continue;
      // Presumed unless users can protect themselves AND are informed.
      Tri all = Tri::kTrue;
      std::vector<std::string> missing;
      for (const std::string& f : p.unless_all) {
        Tri t = FromOpt(fact(f));
        if (t == Tri::kUnknown) missing.push_back(f);
        all = And(all, t);
      }
      if (all == Tri::kFalse) applies.push_back({&p, true, {}, worst});
      else if (all == Tri::kUnknown) possible.push_back({&p, false, missing, worst});
      continue;
    }
    std::optional<PresumptionResult> maybe;
    for (size_t i = 0; i < in.scenarios.size(); ++i) {
      const Scenario& s = in.scenarios[i];
      if (std::find(p.hazards.begin(), p.hazards.end(), s.hazard) == p.hazards.end()) continue;
      const User& user = s.user ? *s.user : in.user;
      Tri t = Tri::kTrue;
      std::vector<std::string> missing;
      if (!p.product_any.empty()) {
        Tri any = Tri::kFalse;
        for (const std::string& k : p.product_any) {
          Tri kt = IsKind(kb, lib, in, k);
          if (kt == Tri::kTrue) any = Tri::kTrue;
          else if (kt == Tri::kUnknown && any == Tri::kFalse) any = Tri::kUnknown;
        }
        if (any == Tri::kUnknown) {
          std::string m = "product kind: ";
          for (size_t k = 0; k < p.product_any.size(); ++k) m += (k ? " or " : "") + p.product_any[k];
          missing.push_back(m);
        }
        t = And(t, any);
      }
      if (p.children) {
        Tri c = ForChildren(kb, lib, in, user);
        if (c == Tri::kUnknown) missing.push_back("user: child");
        t = And(t, c);
      }
      if (p.user_under_months > 0) {
        Tri u = UserUnder(user, p.user_under_months);
        if (u == Tri::kUnknown) missing.push_back("user: age_months");
        t = And(t, u);
      }
      if (!p.scenario_fact.empty()) {
        Tri f = FromOpt(s.defective_component);
        if (f == Tri::kUnknown) missing.push_back("scenario: " + p.scenario_fact);
        t = And(t, f);
      }
      if (t == Tri::kTrue) {
        applies.push_back({&p, true, {}, static_cast<int>(i)});
        maybe.reset();
        break;
      }
      // A later scenario may make it apply: keep the first that leaves it open.
      if (t == Tri::kUnknown && !maybe) maybe = PresumptionResult{&p, false, missing, static_cast<int>(i)};
    }
    if (maybe) possible.push_back(*maybe);
  }
  r->presumed_serious = !applies.empty();
  r->presumptions = std::move(applies);
  r->presumptions.insert(r->presumptions.end(), possible.begin(), possible.end());
}

// By what factor the probability may be multiplied (up) or divided (down) before the level
// of the cell changes; 0 when no probability can change it.
std::pair<double, double> Margins(const Probability& p, int band, int severity) {
  static constexpr double kBound[kBands - 1] = {0.5, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6};
  const Level here = MatrixLevel(band, severity);
  double up = 0, down = 0;
  for (int b = band - 1; b >= 0; --b) {
    if (MatrixLevel(b, severity) != here) {
      up = kBound[b] / p.value;
      break;
    }
  }
  for (int b = band + 1; b < kBands; ++b) {
    if (MatrixLevel(b, severity) != here) {
      down = p.value / kBound[b - 1];
      break;
    }
  }
  return {up, down};
}

}  // namespace

RiskResult AssessRisk(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in) {
  RiskResult r;
  for (size_t i = 0; i < in.scenarios.size(); ++i) {
    const Scenario& s = in.scenarios[i];
    ScenarioResult sr;
    sr.probability = Overall(s.steps);              // Annex II 3.4.2-3.4.3
    sr.band = BandOf(sr.probability);               // 3.4.4
    sr.on_boundary = OnBoundary(sr.probability);
    sr.level = MatrixLevel(sr.band, s.severity);    // 3.6.2
    if (i == 0 || sr.level > r.level) {             // 3.7.2: the highest level counts
      r.level = sr.level;
      r.deciding_scenario = static_cast<int>(i);
    }
    r.margins.push_back(Margins(sr.probability, sr.band, s.severity));
    r.scenarios.push_back(std::move(sr));

    // Sensitivity (guidance: Decision (EU) 2019/417, Annex, 6.3): each step ten times more or
    // less likely, and the severity one level up or down.
    const Level here = r.scenarios.back().level;
    for (size_t k = 0; k < s.steps.size(); ++k) {
      for (int change : {+1, -1}) {
        std::vector<Step> steps = s.steps;
        steps[k].probability = Scale(steps[k].probability, change);
        if (change > 0 && steps[k].probability.value == s.steps[k].probability.value) continue;
        Sensitivity v;
        v.scenario = static_cast<int>(i);
        v.step = static_cast<int>(k);
        v.change = change;
        v.probability = Overall(steps);
        v.band = BandOf(v.probability);
        v.severity = s.severity;
        v.level = MatrixLevel(v.band, s.severity);
        v.changes_level = v.level != here;
        r.sensitivity.push_back(std::move(v));
      }
    }
    for (int change : {+1, -1}) {
      const int sev = s.severity + change;
      if (sev < 1 || sev > 4) continue;
      Sensitivity v;
      v.scenario = static_cast<int>(i);
      v.change = change;
      v.probability = r.scenarios.back().probability;
      v.band = r.scenarios.back().band;
      v.severity = sev;
      v.level = MatrixLevel(v.band, sev);
      v.changes_level = v.level != here;
      r.sensitivity.push_back(std::move(v));
    }
  }
  Presumptions(kb, lib, in, &r);
  return r;
}

std::vector<const Suggestion*> SuggestHazards(const KnowledgeBase& kb, const HazardLibrary& lib,
                                              int category) {
  std::vector<const Suggestion*> out;
  if (const CategorySuggestions* cs = lib.SuggestionsFor(kb, category)) {
    for (const Suggestion& s : cs->hazards) out.push_back(&s);
  }
  return out;
}

}  // namespace eucomply::risk
