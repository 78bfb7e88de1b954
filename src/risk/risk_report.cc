// Risk results as JSON, and as a report (Markdown or plain text) in English or Chinese.
#include <fmt/format.h>

#include <cmath>

#include "eucomply/risk.h"
#include "risk/rational.h"

namespace eucomply::risk {

using nlohmann::json;

namespace {

constexpr const char* kAct = "Delegated Regulation (EU) 2024/3173";
constexpr const char* kActZh = "欧盟第 (EU) 2024/3173 号授权条例";

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

std::string UserText(const User& u, Lang lang) {
  const bool zh = lang == Lang::kZh;
  std::string s;
  switch (u.group) {
    case UserGroup::kChild: s = zh ? "儿童" : "child"; break;
    case UserGroup::kAdult: s = zh ? "成年人" : "adult"; break;
    case UserGroup::kOlderPerson: s = zh ? "老年人" : "older person"; break;
    case UserGroup::kDisabled: s = zh ? "残障人士" : "person with a disability"; break;
    case UserGroup::kUnknown: s = zh ? "未说明" : "not stated"; break;
  }
  if (u.age_months) {
    const int m = *u.age_months;
    if (m < 36 || m % 12 != 0) s += zh ? fmt::format("，{} 个月", m) : fmt::format(", {} months", m);
    else s += zh ? fmt::format("，{} 岁", m / 12) : fmt::format(", {} years", m / 12);
  }
  s += u.intended ? (zh ? "（预期使用者）" : " (intended user)")
                  : (zh ? "（可预见的其他使用者）" : " (foreseeable other user)");
  if (!u.description.empty()) s += (zh ? "：" : ": ") + u.description;
  return s;
}

std::string ChangeText(const Sensitivity& v, Lang lang) {
  const bool zh = lang == Lang::kZh;
  if (v.step >= 0) {
    if (zh) return fmt::format("第 {} 步概率{}", v.step + 1, v.change > 0 ? "×10" : "÷10");
    return fmt::format("step {} {}", v.step + 1, v.change > 0 ? "x10" : "/10");
  }
  if (zh) return fmt::format("严重程度{} 1 级", v.change > 0 ? "提高" : "降低");
  return fmt::format("severity {} one level", v.change > 0 ? "up" : "down");
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

// The facts a presumption may still need, as the user is asked for them.
struct MissingFact {
  const char* id;
  const char* en;
  const char* zh;
};

constexpr MissingFact kMissingFacts[] = {
    {"users_can_protect", "whether users can protect themselves (facts.users_can_protect)", "使用者能否自我防护"},
    {"users_informed", "whether users were told how to avoid the harm (facts.users_informed)", "经营者是否已充分告知如何避免风险"},
    {"operator_says_serious", "whether the operator or marketplace said the risk is serious (facts.operator_says_serious)",
     "经营者或在线市场是否已表明存在严重风险"},
    {"voluntary_measure", "whether there was a voluntary recall, withdrawal or removal (facts.voluntary_measure)",
     "是否已有自愿召回、撤市或下架"},
    {"banned_substance", "whether it contains a banned substance or one above its limit (facts.banned_substance)",
     "是否含有禁用物质或超过限值"},
    {"user: age_months", "the user's age in months (user.age_months)", "使用者年龄（月）"},
    {"user: child", "whether the product is for children (user.group)", "产品是否供儿童使用"},
    {"scenario: defective_component", "whether a component is defective (scenarios[].defective_component)", "是否有部件存在缺陷"},
};

std::string MissingText(const std::string& m, Lang lang) {
  for (const MissingFact& f : kMissingFacts) {
    if (m == f.id) return lang == Lang::kEn ? f.en : f.zh;
  }
  if (lang != Lang::kEn && m.starts_with("product kind: ")) return "产品类型：" + m.substr(14);
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
  const bool zh = lang == Lang::kZh;
  return {zh ? "概率区间的边界归入较高的区间（如恰好 1/1 000 属于 “> 1/1 000”），与英国 PRISM 工具相同；附件二 3.4.4 与 3.6.2 对恰好 1/1 000 000 的归属写法不一致。"
             : "A probability exactly on a band boundary falls in the higher band (exactly 1/1 000 is in \"> 1/1 000\"), as in the UK PRISM tool; Annex II 3.4.4 and 3.6.2 disagree on where exactly 1/1 000 000 belongs.",
          zh ? "敏感性分析和伤害类型表属于指南（第 (EU) 2019/417 号实施决定），不是法律要求。"
             : "The sensitivity analysis and the injury table are guidance (Implementing Decision (EU) 2019/417), not legal requirements."};
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
  const bool zh = lang == Lang::kZh;
  w.H1(zh ? "风险评估报告" : "Risk assessment");
  w.Para(zh ? fmt::format("方法：{}附件二（欧盟风险评估方法）。本报告可作为《通用产品安全法规》第 9(2) 条要求的内部风险分析，与技术文件一并保存。", kActZh)
            : fmt::format("Method: {}, Annex II (the EU risk assessment method). This report can serve as the internal risk analysis of GPSR Art. 9(2) and be kept with the technical documentation.", kAct));
  w.H2(zh ? "产品与使用者" : "Product and user");
  w.Item((zh ? "产品：" : "Product: ") + (in.product.name.empty() ? (zh ? "（未命名）" : "(unnamed)") : in.product.name));
  if (in.product.category >= 0) w.Item((zh ? "类别：" : "Category: ") + kb.categories()[in.product.category].name.Get(lang));
  w.Item((zh ? "使用者：" : "User: ") + UserText(in.user, lang));
  if (!in.assessor.empty()) w.Item((zh ? "评估人：" : "Assessor: ") + in.assessor);
  if (!in.date.empty()) w.Item((zh ? "日期：" : "Date: ") + in.date);
  w.Raw("\n");
}

void ResultSection(ReportWriter& w, const RiskResult& r, Lang lang) {
  const bool zh = lang == Lang::kZh;
  w.H2(zh ? "结论" : "Result");
  const Level outcome = r.presumed_serious ? Level::kSerious : r.level;
  w.Para(w.Bold((zh ? "风险等级：" : "Risk level: ") + LevelName(outcome, lang)));
  w.Para(zh ? fmt::format("按评估：{}，由第 {} 个场景决定（附件二 3.6.2、3.7.2：取最高等级）。", LevelName(r.level, lang), r.deciding_scenario + 1)
            : fmt::format("By the assessment: {}, decided by scenario {} (Annex II 3.6.2, 3.7.2: the highest level counts).", LevelName(r.level, lang), r.deciding_scenario + 1));
  bool any_possible = false;
  for (const PresumptionResult& p : r.presumptions) {
    if (p.applies) {
      w.Item((zh ? "推定为严重风险（附件二 " : "Presumed serious (Annex II ") + p.presumption->point + (zh ? "）：" : "): ") + p.presumption->summary.Get(lang));
    } else {
      any_possible = true;
    }
  }
  if (r.presumed_serious) {
    w.Raw("\n");
    w.Para(zh ? "适用严重风险推定时，主管机关可不经个别风险评估即通报（附件二 4.2）。" : "Where a presumption applies, authorities may notify without an individual risk assessment (Annex II 4.2).");
  }
  if (!any_possible) return;
  w.Para(zh ? "可能适用的推定（取决于尚未说明的事实）：" : "Presumptions that may apply (they depend on facts not stated):");
  for (const PresumptionResult& p : r.presumptions) {
    if (p.applies) continue;
    std::string m;
    for (const std::string& x : p.missing) m += (m.empty() ? "" : zh ? "、" : ", ") + MissingText(x, lang);
    w.Item(fmt::format("{} {}{}{}", p.presumption->point, p.presumption->summary.Get(lang), zh ? "。待确认：" : ". To state: ", m));
  }
  w.Raw("\n");
}

void ScenarioSection(ReportWriter& w, const HazardLibrary& lib, const Scenario& s, const ScenarioResult& sr,
                     size_t i, std::pair<double, double> margin, Lang lang) {
  const bool zh = lang == Lang::kZh;
  w.H2(fmt::format("{} {}: {}", zh ? "场景" : "Scenario", i + 1, HazardName(lib, s.hazard, lang)));
  if (!s.description.empty()) w.Para(s.description);
  if (s.user) w.Item((zh ? "使用者：" : "User: ") + UserText(*s.user, lang));
  if (w.md()) {
    w.Raw(zh ? "| 步骤 | 说明 | 概率 |\n|---|---|---|\n" : "| Step | What happens | Probability |\n|---|---|---|\n");
    for (size_t k = 0; k < s.steps.size(); ++k) {
      w.Raw(fmt::format("| {} | {} | {} |\n", k + 1, s.steps[k].text, FormatProbability(s.steps[k].probability)));
    }
  } else {
    for (size_t k = 0; k < s.steps.size(); ++k) {
      w.Raw(fmt::format("  {}. {}  [{}]\n", k + 1, s.steps[k].text, FormatProbability(s.steps[k].probability)));
    }
  }
  w.Raw("\n");
  std::string sev = zh ? fmt::format("严重程度 {}（{}）", s.severity, SeverityName(s.severity, lang))
                       : fmt::format("Severity {} ({})", s.severity, SeverityName(s.severity, lang));
  if (const Injury* inj = s.injury.empty() ? nullptr : lib.FindInjury(s.injury)) {
    sev += zh ? fmt::format("；伤害：{}（指南建议 {} 级）", inj->name.zh, inj->severity)
              : fmt::format("; injury: {} (guidance suggests level {})", inj->name.en, inj->severity);
  }
  w.Item(sev);
  w.Item(zh ? fmt::format("总概率 {} → 区间“{}”（{}）", FormatProbability(sr.probability), BandRange(sr.band), BandName(sr.band, lang))
            : fmt::format("Overall probability {} → band “{}” ({})", FormatProbability(sr.probability), BandRange(sr.band), BandName(sr.band, lang)));
  if (sr.on_boundary) w.Item(zh ? "总概率恰好位于区间边界：归入较高区间。" : "The overall probability is exactly on a band boundary: it falls in the higher band.");
  w.Item(w.Bold(fmt::format("{}{}", zh ? "风险等级：" : "Level: ", LevelName(sr.level, lang))) + (zh ? "（附件二 3.6.2）" : " (Annex II 3.6.2)"));
  const auto [up, down] = margin;
  if (up > 0) w.Item(zh ? fmt::format("概率提高到原来的 {} 倍以上时等级改变", FactorText(up)) : fmt::format("The level changes if the probability is {} times higher", FactorText(up)));
  if (down > 0) w.Item(zh ? fmt::format("概率降低到原来的 1/{} 以下时等级改变", FactorText(down)) : fmt::format("The level changes if the probability is more than {} times lower", FactorText(down)));
  w.Raw("\n");
}

void SensitivitySection(ReportWriter& w, const RiskResult& r, Lang lang) {
  const bool zh = lang == Lang::kZh;
  w.H2(zh ? "敏感性分析" : "Sensitivity analysis");
  w.Para(zh ? "每一步概率乘以或除以 10、严重程度升降一级时的风险等级（指南，非法律要求）。" : "The level when each step is ten times more or less likely, and when the severity is one level higher or lower (guidance, not a legal requirement).");
  if (w.md()) w.Raw(zh ? "| 场景 | 变化 | 概率 | 严重程度 | 等级 | 等级改变 |\n|---|---|---|---|---|---|\n" : "| Scenario | Change | Probability | Severity | Level | Changes |\n|---|---|---|---|---|---|\n");
  for (const Sensitivity& v : r.sensitivity) {
    const std::string changed = v.changes_level ? (zh ? "是" : "yes") : (zh ? "否" : "no");
    if (w.md()) {
      w.Raw(fmt::format("| {} | {} | {} | {} | {} | {} |\n", v.scenario + 1, ChangeText(v, lang), FormatProbability(v.probability), v.severity, LevelName(v.level, lang), changed));
    } else {
      w.Raw(fmt::format("  {} {}, {}: {} {}, {} {} → {}{}\n", zh ? "场景" : "Scenario", v.scenario + 1, ChangeText(v, lang),
                        zh ? "概率" : "probability", FormatProbability(v.probability), zh ? "严重程度" : "severity", v.severity,
                        LevelName(v.level, lang), v.changes_level ? (zh ? "（等级改变）" : " (level changes)") : ""));
    }
  }
  w.Raw("\n");
}

}  // namespace

json RiskToJson(const KnowledgeBase& kb, const HazardLibrary& lib, const RiskInput& in,
                const RiskResult& r, Lang lang) {
  json j;
  j["method"] = {{"act", kAct}, {"celex", "32024R3173"}, {"annex", "Annex II"},
                 {"title", lang == Lang::kZh ? "欧盟风险评估方法（第 (EU) 2024/3173 号授权条例附件二）"
                                             : "EU risk assessment method (Delegated Regulation (EU) 2024/3173, Annex II)"}};
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
  const bool zh = lang == Lang::kZh;
  ReportWriter w(md);
  ProductSection(w, kb, in, lang);
  ResultSection(w, r, lang);
  for (size_t i = 0; i < r.scenarios.size(); ++i) {
    ScenarioSection(w, lib, in.scenarios[i], r.scenarios[i], i, r.margins[i], lang);
  }
  SensitivitySection(w, r, lang);
  w.H2(zh ? "说明" : "Notes");
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
