// Risk results as JSON, and as a report (Markdown or plain text) in English or Chinese.
#include <fmt/format.h>

#include <cmath>

#include "eucomply/messages.h"
#include "eucomply/risk.h"
#include "risk/rational.h"

namespace eucomply::risk {

using nlohmann::json;

namespace {

constexpr const char* kAct = "Delegated Regulation (EU) 2024/3173";

const char* UserGroupId(UserGroup g) {
  switch (g) {
    case UserGroup::kChild: return "child";
    case UserGroup::kAdult: return "adult";
    case UserGroup::kOlderPerson: return "older_person";
    case UserGroup::kDisabled: return "person_with_disability";
    case UserGroup::kUnknown: return "unknown";
  }
  return "unknown";
}

const char* UserGroupName(UserGroup g) {
  switch (g) {
    case UserGroup::kChild: return "risk.user.child";
    case UserGroup::kAdult: return "risk.user.adult";
    case UserGroup::kOlderPerson: return "risk.user.older_person";
    case UserGroup::kDisabled: return "risk.user.disabled";
    case UserGroup::kUnknown: return "risk.user.unknown";
  }
  return "risk.user.unknown";
}

std::string UserText(const User& u, Lang lang) {
  std::string s = Msg(UserGroupName(u.group), lang);
  if (u.age_months) {
    const int m = *u.age_months;
    if (m < 36 || m % 12 != 0) s += MsgF("risk.user.age_months", lang, m);
    else s += MsgF("risk.user.age_years", lang, m / 12);
  }
  s += Msg(u.intended ? "risk.user.intended" : "risk.user.foreseeable", lang);
  if (!u.description.empty()) s += MsgF("risk.user.description", lang, u.description);
  return s;
}

std::string ChangeText(const Sensitivity& v, Lang lang) {
  if (v.step >= 0) {
    return MsgF(v.change > 0 ? "risk.change.step_up" : "risk.change.step_down", lang, v.step + 1);
  }
  return Msg(v.change > 0 ? "risk.change.severity_up" : "risk.change.severity_down", lang);
}

std::string FactorText(double f) {
  if (f <= 0) return "";
  // Three significant digits at most, no trailing zeros: 2, 5, 3.33, 12.5, 1 000.
  std::string t = f >= 100 ? fmt::format("{:.0f}", f) : f >= 10 ? fmt::format("{:.1f}", f) : fmt::format("{:.2f}", f);
  if (t.find('.') != std::string::npos) {
    while (t.back() == '0') t.pop_back();
    if (t.back() == '.') t.pop_back();
  }
  const size_t dot = t.find('.');
  return GroupDigits(t.substr(0, dot)) + (dot == std::string::npos ? "" : t.substr(dot));
}

std::string HazardName(const HazardLibrary& lib, const std::string& id, Lang lang) {
  const Hazard* h = lib.FindHazard(id);
  return h ? h->name.Get(lang) : id;
}

// The facts a presumption may still need, as the user is asked for them: the id the
// presumption names and the catalogue id of its wording.
struct MissingFact {
  const char* id;
  const char* text;
};

constexpr MissingFact kMissingFacts[] = {
    {"users_can_protect", "risk.missing.users_can_protect"},
    {"users_informed", "risk.missing.users_informed"},
    {"operator_says_serious", "risk.missing.operator_says_serious"},
    {"voluntary_measure", "risk.missing.voluntary_measure"},
    {"banned_substance", "risk.missing.banned_substance"},
    {"user: age_months", "risk.missing.user_age_months"},
    {"user: child", "risk.missing.user_child"},
    {"scenario: defective_component", "risk.missing.defective_component"},
};

std::string MissingText(const std::string& m, Lang lang) {
  for (const MissingFact& f : kMissingFacts) {
    if (m == f.id) return Msg(f.text, lang);
  }
  if (m.starts_with("product kind: ")) return MsgF("risk.missing.product_kind", lang, m.substr(14));
  return m;
}

json ProductJson(const KnowledgeBase& kb, const RiskInput& in, Lang lang) {
  json product = {{"name", in.product.name}};
  if (in.product.category >= 0) {
    const Category& c = kb.categories()[in.product.category];
    product["category"] = c.id;
    product["category_name"] = c.name.Get(lang);
  } else {
    product["category"] = nullptr;
  }
  product["kinds"] = in.product_kinds;
  return product;
}

json ScenarioJson(const HazardLibrary& lib, const Scenario& s, const ScenarioResult& sr,
                  std::pair<double, double> margin, Lang lang) {
  json sj;
  sj["hazard"] = s.hazard;
  sj["hazard_name"] = HazardName(lib, s.hazard, lang);
  if (const Hazard* h = lib.FindHazard(s.hazard)) {
    if (const HazardGroup* g = lib.FindGroup(h->group)) sj["hazard_group"] = g->name.Get(lang);
    sj["other_harm"] = h->other_harm;
  }
  if (!s.description.empty()) sj["description"] = s.description;
  sj["severity"] = s.severity;
  sj["severity_name"] = SeverityName(s.severity, lang);
  sj["severity_source"] = s.severity_from_injury ? "injury" : "given";
  if (!s.injury.empty()) {
    sj["injury"] = s.injury;
    if (const Injury* inj = lib.FindInjury(s.injury)) {
      sj["injury_name"] = inj->name.Get(lang);
      sj["injury_severity"] = inj->severity;
    }
  }
  if (s.user) sj["user"] = {{"group", UserGroupId(s.user->group)}, {"text", UserText(*s.user, lang)}};
  json steps = json::array();
  for (const Step& st : s.steps) {
    steps.push_back({{"text", st.text}, {"probability", FormatProbability(st.probability)},
                     {"probability_text", st.probability_text},
                     {"probability_value", st.probability.value}});
  }
  sj["steps"] = steps;
  sj["probability"] = FormatProbability(sr.probability);
  sj["probability_exact"] = sr.probability.num + "/" + sr.probability.den;
  sj["probability_value"] = sr.probability.value;
  sj["band"] = sr.band;
  sj["band_range"] = BandRange(sr.band);
  sj["band_name"] = BandName(sr.band, lang);
  sj["on_boundary"] = sr.on_boundary;
  sj["level"] = LevelId(sr.level);
  sj["level_name"] = LevelName(sr.level, lang);
  sj["cite"] = "Annex II 3.4.2, 3.4.4, 3.6.2";
  const auto [up, down] = margin;
  sj["margin"] = {{"up", up > 0 ? json(up) : json(nullptr)},
                  {"down", down > 0 ? json(down) : json(nullptr)}};
  return sj;
}

json PresumptionJson(const RiskResult& r, Lang lang) {
  json grounds = json::array(), possible = json::array();
  for (const PresumptionResult& p : r.presumptions) {
    json pj = {{"point", p.presumption->point},
               {"cite", "Annex II " + p.presumption->point},
               {"summary", p.presumption->summary.Get(lang)}, {"basis", "legal_text"}};
    if (p.scenario >= 0) pj["scenario"] = p.scenario;
    if (p.applies) {
      grounds.push_back(std::move(pj));
    } else {
      json m = json::array();
      for (const std::string& x : p.missing) m.push_back(MissingText(x, lang));
      pj["missing"] = m;
      pj["missing_ids"] = p.missing;
      possible.push_back(std::move(pj));
    }
  }
  return {{"applies", r.presumed_serious}, {"grounds", grounds},
          {"possible", possible}, {"cite", "Annex II 4.1-4.2"}};
}

json SensitivityJson(const RiskResult& r, Lang lang) {
  json sens = json::array();
  for (const Sensitivity& v : r.sensitivity) {
    json vj = {{"scenario", v.scenario},
               {"change", ChangeText(v, lang)},
               {"kind", v.step >= 0 ? "probability" : "severity"},
               {"direction", v.change > 0 ? "up" : "down"},
               {"probability", FormatProbability(v.probability)},
               {"probability_value", v.probability.value},
               {"band", v.band},
               {"severity", v.severity},
               {"level", LevelId(v.level)},
               {"level_name", LevelName(v.level, lang)},
               {"changes_level", v.changes_level}};
    if (v.step >= 0) vj["step"] = v.step;
    sens.push_back(std::move(vj));
  }
  return sens;
}

std::vector<std::string> Notes(Lang lang) {
  return {Msg("risk.note.boundary", lang), Msg("risk.note.guidance", lang)};
}

// Text or Markdown, appended to one string.
class ReportWriter {
 public:
  explicit ReportWriter(bool md) : md_(md) {}
  void H1(const std::string& t) { o_ += md_ ? "# " + t + "\n\n" : t + "\n" + std::string(std::min<size_t>(t.size(), 72), '=') + "\n\n"; }
  void H2(const std::string& t) { o_ += md_ ? "## " + t + "\n\n" : t + "\n" + std::string(std::min<size_t>(t.size(), 72), '-') + "\n\n"; }
  void Para(const std::string& t) { o_ += t + "\n\n"; }
  void Item(const std::string& t) { o_ += "- " + t + "\n"; }
  std::string Bold(const std::string& t) const { return md_ ? "**" + t + "**" : t; }
  void Raw(const std::string& t) { o_ += t; }
  bool md() const { return md_; }
  std::string Take() { return std::move(o_); }

 private:
  bool md_;
  std::string o_;
};

void ProductSection(ReportWriter& w, const KnowledgeBase& kb, const RiskInput& in, Lang lang) {
  w.H1(Msg("risk.report.title", lang));
  w.Para(Msg("risk.report.method", lang));
  w.H2(Msg("risk.report.product_and_user", lang));
  w.Item(MsgF("risk.report.product", lang, in.product.name.empty() ? Msg("risk.report.unnamed", lang) : in.product.name));
  if (in.product.category >= 0) w.Item(MsgF("risk.report.category", lang, kb.categories()[in.product.category].name.Get(lang)));
  w.Item(MsgF("risk.report.user", lang, UserText(in.user, lang)));
  if (!in.assessor.empty()) w.Item(MsgF("risk.report.assessor", lang, in.assessor));
  if (!in.date.empty()) w.Item(MsgF("risk.report.date", lang, in.date));
  w.Raw("\n");
}

void ResultSection(ReportWriter& w, const RiskResult& r, Lang lang) {
  w.H2(Msg("risk.report.result", lang));
  const Level outcome = r.presumed_serious ? Level::kSerious : r.level;
  w.Para(w.Bold(MsgF("risk.report.risk_level", lang, LevelName(outcome, lang))));
  w.Para(MsgF("risk.report.by_assessment", lang, LevelName(r.level, lang), r.deciding_scenario + 1));
  bool any_possible = false;
  for (const PresumptionResult& p : r.presumptions) {
    if (p.applies) {
      w.Item(MsgF("risk.report.presumed", lang, p.presumption->point, p.presumption->summary.Get(lang)));
    } else {
      any_possible = true;
    }
  }
  if (r.presumed_serious) {
    w.Raw("\n");
    w.Para(Msg("risk.report.presumption_notifies", lang));
  }
  if (!any_possible) return;
  w.Para(Msg("risk.report.possible", lang));
  for (const PresumptionResult& p : r.presumptions) {
    if (p.applies) continue;
    std::string m;
    for (const std::string& x : p.missing) m += (m.empty() ? "" : Msg("risk.report.list_separator", lang)) + MissingText(x, lang);
    w.Item(MsgF("risk.report.possible_item", lang, p.presumption->point, p.presumption->summary.Get(lang), m));
  }
  w.Raw("\n");
}

void ScenarioSection(ReportWriter& w, const HazardLibrary& lib, const Scenario& s, const ScenarioResult& sr,
                     size_t i, std::pair<double, double> margin, Lang lang) {
  w.H2(MsgF("risk.report.scenario", lang, i + 1, HazardName(lib, s.hazard, lang)));
  if (!s.description.empty()) w.Para(s.description);
  if (s.user) w.Item(MsgF("risk.report.user", lang, UserText(*s.user, lang)));
  if (w.md()) {
    w.Raw(Msg("risk.report.steps_table", lang));
    for (size_t k = 0; k < s.steps.size(); ++k) {
      w.Raw(fmt::format("| {} | {} | {} |\n", k + 1, s.steps[k].text, FormatProbability(s.steps[k].probability)));
    }
  } else {
    for (size_t k = 0; k < s.steps.size(); ++k) {
      w.Raw(fmt::format("  {}. {}  [{}]\n", k + 1, s.steps[k].text, FormatProbability(s.steps[k].probability)));
    }
  }
  w.Raw("\n");
  std::string sev = MsgF("risk.report.severity", lang, s.severity, SeverityName(s.severity, lang));
  if (const Injury* inj = s.injury.empty() ? nullptr : lib.FindInjury(s.injury)) {
    sev += MsgF("risk.report.injury", lang, inj->name.Get(lang), inj->severity);
  }
  w.Item(sev);
  w.Item(MsgF("risk.report.overall", lang, FormatProbability(sr.probability), BandRange(sr.band), BandName(sr.band, lang)));
  if (sr.on_boundary) w.Item(Msg("risk.report.on_boundary", lang));
  w.Item(w.Bold(MsgF("risk.report.level", lang, LevelName(sr.level, lang))) + Msg("risk.report.level_cite", lang));
  const auto [up, down] = margin;
  if (up > 0) w.Item(MsgF("risk.report.margin_up", lang, FactorText(up)));
  if (down > 0) w.Item(MsgF("risk.report.margin_down", lang, FactorText(down)));
  w.Raw("\n");
}

void SensitivitySection(ReportWriter& w, const RiskResult& r, Lang lang) {
  w.H2(Msg("risk.report.sensitivity", lang));
  w.Para(Msg("risk.report.sensitivity_intro", lang));
  if (w.md()) w.Raw(Msg("risk.report.sensitivity_table", lang));
  for (const Sensitivity& v : r.sensitivity) {
    if (w.md()) {
      const std::string& changed = Msg(v.changes_level ? "risk.report.changes_yes" : "risk.report.changes_no", lang);
      w.Raw(fmt::format("| {} | {} | {} | {} | {} | {} |\n", v.scenario + 1, ChangeText(v, lang), FormatProbability(v.probability), v.severity, LevelName(v.level, lang), changed));
    } else {
      const std::string changes = v.changes_level ? Msg("risk.report.level_changes", lang) : "";
      w.Raw(MsgF("risk.report.sensitivity_line", lang, v.scenario + 1, ChangeText(v, lang), FormatProbability(v.probability),
                 v.severity, LevelName(v.level, lang), changes) + "\n");
    }
  }
  w.Raw("\n");
}

}  // namespace

json RiskToJson(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                const RiskResult& r, Lang lang) {
  json j;
  j["method"] = {{"act", kAct}, {"celex", "32024R3173"}, {"annex", "Annex II"},
                 {"title", Msg("risk.method_title", lang)}};
  j["product"] = ProductJson(kb, in, lang);
  j["user"] = {{"group", UserGroupId(in.user.group)}, {"intended", in.user.intended},
               {"text", UserText(in.user, lang)}};
  if (in.user.age_months) j["user"]["age_months"] = *in.user.age_months;
  if (!in.assessor.empty()) j["assessor"] = in.assessor;
  if (!in.date.empty()) j["date"] = in.date;

  j["level"] = LevelId(r.level);
  j["level_name"] = LevelName(r.level, lang);
  j["level_cite"] = "Annex II 3.6.2, 3.7.2";
  j["deciding_scenario"] = r.deciding_scenario;
  j["outcome"] = r.presumed_serious ? "serious" : LevelId(r.level);
  j["outcome_name"] = LevelName(r.presumed_serious ? Level::kSerious : r.level, lang);

  json scen = json::array();
  for (size_t i = 0; i < r.scenarios.size(); ++i) {
    scen.push_back(ScenarioJson(lib, in.scenarios[i], r.scenarios[i], r.margins[i], lang));
  }
  j["scenarios"] = scen;
  j["presumption"] = PresumptionJson(r, lang);
  j["sensitivity"] = SensitivityJson(r, lang);
  j["notes"] = Notes(lang);
  return j;
}

std::string RiskReport(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                       const RiskResult& r, Lang lang, bool md) {
  ReportWriter w(md);
  ProductSection(w, kb, in, lang);
  ResultSection(w, r, lang);
  for (size_t i = 0; i < r.scenarios.size(); ++i) {
    ScenarioSection(w, lib, in.scenarios[i], r.scenarios[i], i, r.margins[i], lang);
  }
  SensitivitySection(w, r, lang);
  w.H2(Msg("risk.report.notes", lang));
  for (const std::string& n : Notes(lang)) w.Item(n);
  if (!in.scenarios.empty()) {
    bool any_injury = false;
    for (const Scenario& s : in.scenarios) any_injury = any_injury || !s.injury.empty();
    if (any_injury) w.Item(lib.injury_source().Get(lang));
  }
  return w.Take();
}

json HazardsToJson(const KnowledgeBase& kb, const HazardLibrary& lib, int category, Lang lang) {
  json j;
  json hazards = json::array();
  for (const Hazard& h : lib.hazards()) {
    json hj = {{"id", h.id}, {"name", h.name.Get(lang)}, {"group", h.group},
               {"severity", h.severity}, {"safety_gate", h.safety_gate},
               {"injuries", h.injuries}, {"other_harm", h.other_harm}, {"basis", "guidance"}};
    if (const HazardGroup* g = lib.FindGroup(h.group)) hj["group_name"] = g->name.Get(lang);
    json steps = json::array();
    for (const Text& t : h.steps) steps.push_back(t.Get(lang));
    hj["steps"] = steps;
    hazards.push_back(std::move(hj));
  }
  j["hazards"] = hazards;
  json inj = json::array();
  for (const Injury& i : lib.injuries()) {
    inj.push_back({{"id", i.id}, {"severity", i.severity}, {"name", i.name.Get(lang)}, {"basis", "guidance"}, {"confirmed", false}});
  }
  j["injuries"] = inj;
  j["injury_source"] = lib.injury_source().Get(lang);
  json sugg = json::array();
  const CategorySuggestions* cs = category >= 0 ? lib.SuggestionsFor(kb, category) : nullptr;
  if (cs) {
    for (const Suggestion& s : cs->hazards) {
      sugg.push_back({{"hazard", s.hazard}, {"name", HazardName(lib, s.hazard, lang)},
                      {"alerts", s.alerts}, {"share", s.share}, {"examples", s.examples},
                      {"basis", "safety_gate_history"}});
    }
    j["suggested_from"] = {{"category", cs->category},
                           {"category_name", kb.categories()[kb.FindCategory(cs->category)].name.Get(lang)},
                           {"alerts", cs->alerts},
                           {"split", "Safety Gate alerts published before 2024"}};
  }
  if (category >= 0) j["category"] = kb.categories()[category].id;
  j["suggested"] = sugg;
  json bands = json::array();
  for (int b = 0; b < kBands; ++b) bands.push_back({{"band", b}, {"range", BandRange(b)}, {"name", BandName(b, lang)}});
  j["bands"] = bands;
  json sev = json::array();
  for (int s = 1; s <= 4; ++s) sev.push_back({{"severity", s}, {"name", SeverityName(s, lang)}});
  j["severities"] = sev;
  // The grid of Annex II 3.6.2, rows = bands, columns = severity 1-4 (for drawing it).
  json grid = json::array();
  for (int b = 0; b < kBands; ++b) {
    json row = json::array();
    for (int s = 1; s <= 4; ++s) row.push_back(LevelId(MatrixLevel(b, s)));
    grid.push_back(row);
  }
  j["matrix"] = grid;
  j["matrix_cite"] = "Delegated Regulation (EU) 2024/3173, Annex II 3.6.2";
  return j;
}

}  // namespace eucomply::risk
