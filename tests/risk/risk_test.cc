// The risk module (src/risk) on the bundled knowledge base and hazard library: the grid of
// Delegated Regulation (EU) 2024/3173 Annex II 3.6.2, the band boundaries (3.4.4 and the rule
// of docs/risk-format.md), the presumptions of serious risk (point 4.1), the worked examples
// of the research note, the sensitivity analysis, and input errors with their places.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "eucomply/kb.h"
#include "eucomply/risk.h"

namespace eucomply::risk {
namespace {

namespace fs = std::filesystem;

class RiskTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = *kb;
    auto lib = LoadHazardLibrary(*kb_, std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/risk");
    ASSERT_TRUE(lib.ok()) << lib.status().ToString();
    lib_ = *lib;
  }
  static const KnowledgeBase& K() { return *kb_; }
  static const HazardLibrary& L() { return *lib_; }

  static RiskInput Parse(const std::string& yaml) {
    auto in = ParseRiskYaml(K(), L(), yaml, "test.yaml");
    EXPECT_TRUE(in.ok()) << in.status().ToString() << "\n" << yaml;
    return in.ok() ? *in : RiskInput{};
  }
  static RiskResult Run(const std::string& yaml) { return AssessRisk(K(), L(), Parse(yaml)); }
  // The messages of a YAML input that must fail.
  static std::string Errors(const std::string& yaml) {
    auto in = ParseRiskYaml(K(), L(), yaml, "in.yaml");
    EXPECT_FALSE(in.ok()) << yaml;
    if (in.ok()) return "";
    EXPECT_EQ(in.status().code(), StatusCode::kInvalidArgument);
    return in.status().ToString();
  }
  static std::string JsonErrors(const std::string& text) {
    auto in = ParseRiskJson(K(), L(), text, "in.json");
    EXPECT_FALSE(in.ok()) << text;
    return in.ok() ? "" : in.status().ToString();
  }

  static std::shared_ptr<const KnowledgeBase> kb_;
  static std::shared_ptr<const HazardLibrary> lib_;
};

std::shared_ptr<const KnowledgeBase> RiskTest::kb_;
std::shared_ptr<const HazardLibrary> RiskTest::lib_;

// One scenario document; `extra` goes at the top level, `sc` inside the scenario.
std::string Doc(const std::string& product, const std::string& user, const std::string& hazard,
                int severity, const std::string& steps, const std::string& extra = "",
                const std::string& sc = "") {
  std::string d = "product: " + product + "\n";
  if (!user.empty()) d += "user: " + user + "\n";
  d += extra;
  d += "scenarios:\n  - hazard: " + hazard + "\n";
  if (severity > 0) d += "    severity: " + std::to_string(severity) + "\n";
  d += sc;
  d += "    steps:\n";
  for (const char* c = steps.c_str(); *c;) {
    const char* e = c;
    while (*e && *e != ',') ++e;
    d += "      - {text: \"step\", probability: \"" + std::string(c, e) + "\"}\n";
    c = *e ? e + 1 : e;
  }
  return d;
}

Probability P(const std::string& s) {
  auto p = ParseProbability(s);
  EXPECT_TRUE(p.ok()) << s << ": " << p.status().ToString();
  return p.ok() ? *p : Probability{};
}

// ---- the grid and the bands ----

TEST(RiskMatrix, AllThirtyTwoCellsAsInTheAct) {
  // Annex II 3.6.2, rows "> 50 %" ... "< 1/1 000 000", columns severity 1..4, as printed in
  // ../shared/research/risk-method.md section 4 (every cell tagged C24 there).
  const char* kRows[kBands] = {"HSSS", "MSSS", "MSSS", "LHSS", "LMHS", "LLMH", "LLLM", "LLLL"};
  for (int b = 0; b < kBands; ++b) {
    for (int s = 1; s <= 4; ++s) {
      const char want = kRows[b][s - 1];
      const Level l = MatrixLevel(b, s);
      const char got = l == Level::kSerious ? 'S' : l == Level::kHigh ? 'H' : l == Level::kMedium ? 'M' : 'L';
      EXPECT_EQ(got, want) << "band " << b << " severity " << s;
    }
  }
}

TEST(RiskMatrix, CellsFollowTheCompactRule) {
  // The research note's compact rule (a check derived from the table): for severity 2-4,
  // serious if band <= s, high if band = s+1, medium if band = s+2, else low; for severity 1,
  // high in the top band, medium in the next two, else low.
  for (int b = 0; b < kBands; ++b) {
    for (int s = 1; s <= 4; ++s) {
      Level want;
      if (s == 1) want = b == 0 ? Level::kHigh : b <= 2 ? Level::kMedium : Level::kLow;
      else want = b <= s ? Level::kSerious : b == s + 1 ? Level::kHigh : b == s + 2 ? Level::kMedium : Level::kLow;
      EXPECT_EQ(MatrixLevel(b, s), want) << "band " << b << " severity " << s;
    }
  }
}

TEST(RiskMatrix, BandBoundariesHoldTheirLowerBound) {
  const long dens[] = {2, 10, 100, 1000, 10000, 100000, 1000000};
  for (int b = 0; b < kBands - 1; ++b) {
    const std::string d = std::to_string(dens[b]);
    // Exactly on the bound: the band above it ("> 1/10" holds exactly 1/10).
    EXPECT_EQ(BandOf(P("1/" + d)), b) << "1/" << d;
    EXPECT_TRUE(OnBoundary(P("1/" + d))) << d;
    // Just above (by one part in a million) and just below.
    EXPECT_EQ(BandOf(P("1000001/" + d + "000000")), b) << "just above 1/" << d;
    EXPECT_FALSE(OnBoundary(P("1000001/" + d + "000000")));
    EXPECT_EQ(BandOf(P("999999/" + d + "000000")), b + 1) << "just below 1/" << d;
  }
  EXPECT_EQ(BandOf(P("1")), 0);
  EXPECT_EQ(BandOf(P("1/1000000000000")), kBands - 1);
}

TEST(RiskMatrix, DecimalsAreExact) {
  EXPECT_EQ(BandOf(P("0.1")), 1);
  EXPECT_EQ(BandOf(P("0.000001")), 6);
  EXPECT_EQ(BandOf(P("1e-6")), 6);
  EXPECT_EQ(BandOf(P("0.0000009999")), 7);
  // 1/10 x 1/10 x 1/10 is exactly 1/1 000 (in binary floating point it is not).
  Probability p = Multiply(Multiply(P("0.1"), P("0.1")), P("0.1"));
  EXPECT_EQ(p.num, "1");
  EXPECT_EQ(p.den, "1000");
  EXPECT_EQ(BandOf(p), 3);
  EXPECT_TRUE(OnBoundary(p));
}

TEST(RiskMatrix, ProbabilityForms) {
  for (const char* s : {"1/100", "0.01", "1e-2", "1 in 100", "1%", "1/100 ", "2/200"}) {
    Probability p = P(s);
    EXPECT_EQ(p.num, "1") << s;
    EXPECT_EQ(p.den, "100") << s;
  }
  EXPECT_EQ(P("50%").den, "2");
  // A band's name stands for a probability inside that band (docs/risk-format.md).
  for (int b = 0; b < kBands; ++b) {
    EXPECT_EQ(BandOf(P(BandName(b, Lang::kEn))), b) << BandName(b, Lang::kEn);
    EXPECT_EQ(BandOf(P(BandName(b, Lang::kZh))), b) << BandName(b, Lang::kZh);
  }
  for (const char* bad : {"0", "0/5", "1.5", "-0.1", "2/1", "1/0", "abc", "", "1 in 0", "150%", "1e999999"}) {
    auto p = ParseProbability(bad);
    EXPECT_FALSE(p.ok()) << "'" << bad << "' was read as " << (p.ok() ? FormatProbability(*p) : "");
  }
}

TEST(RiskMatrix, Formatting) {
  EXPECT_EQ(FormatProbability(P("1/500")), "1/500");
  EXPECT_EQ(FormatProbability(P("1/2000000")), "1/2 000 000");
  EXPECT_EQ(FormatProbability(P("3/10000")), "1/3 333.3");
  EXPECT_EQ(FormatProbability(P("1")), "1");
  EXPECT_EQ(FormatProbability(Scale(P("1/20"), 2)), "1");  // capped at 1
  EXPECT_EQ(FormatProbability(Scale(P("1/20"), -1)), "1/200");
}

// ---- worked examples ----

TEST_F(RiskTest, FoldingChairOfDecision2010_15) {
  // Decision 2010/15/EU, 6.1, scenario 1 (research note 6.2): 1 x 1/50 x 1/10 x 1 = 1/500,
  // severity 1 (minor pinching) -> band "> 1/1 000" -> low risk.
  RiskResult r = Run(Doc("{name: \"Folding chair\", category: chair}", "{group: adult}", "entrapment", 1,
                         "1,1/50,1/10,1"));
  ASSERT_EQ(r.scenarios.size(), 1u);
  EXPECT_EQ(FormatProbability(r.scenarios[0].probability), "1/500");
  EXPECT_EQ(r.scenarios[0].band, 3);
  EXPECT_EQ(r.scenarios[0].level, Level::kLow);
  EXPECT_EQ(r.level, Level::kLow);
  EXPECT_FALSE(r.presumed_serious);
}

TEST_F(RiskTest, KettleExampleAndItsSensitivity) {
  // Research note 6.2 (illustrative): 1/10 x 1/10 x 1/2 = 1/200, a scald of severity 2 -> high.
  RiskResult r = Run(Doc("{name: \"Kettle\", category: kettle}", "{group: adult}", "hot_surfaces", 2,
                         "1/10,1/10,1/2"));
  ASSERT_EQ(r.scenarios.size(), 1u);
  EXPECT_EQ(FormatProbability(r.scenarios[0].probability), "1/200");
  EXPECT_EQ(r.scenarios[0].band, 3);
  EXPECT_EQ(r.level, Level::kHigh);
  // Sensitivity: each of 3 steps x10 and /10, and the severity up and down.
  ASSERT_EQ(r.sensitivity.size(), 8u);
  bool step1_up = false, sev_up = false, sev_down = false;
  for (const Sensitivity& v : r.sensitivity) {
    if (v.step == 0 && v.change == 1) {
      step1_up = true;
      EXPECT_EQ(FormatProbability(v.probability), "1/20");
      EXPECT_EQ(v.level, Level::kSerious);
      EXPECT_TRUE(v.changes_level);
    }
    if (v.step == -1 && v.change == 1) {
      sev_up = true;  // a scald over 16-35 %: severity 3 -> serious even at 1/200
      EXPECT_EQ(v.severity, 3);
      EXPECT_EQ(v.level, Level::kSerious);
    }
    if (v.step == -1 && v.change == -1) {
      sev_down = true;
      EXPECT_EQ(v.severity, 1);
      EXPECT_EQ(v.level, Level::kLow);
    }
    if (v.step >= 0 && v.change == -1) {
      EXPECT_EQ(FormatProbability(v.probability), "1/2 000");
      EXPECT_EQ(v.level, Level::kMedium);
    }
  }
  EXPECT_TRUE(step1_up && sev_up && sev_down);
  // 1/200 stays high down to 1/1 000 (inclusive): the level changes below 5 times lower, and
  // above 1/100 (2 times higher).
  ASSERT_EQ(r.margins.size(), 1u);
  EXPECT_NEAR(r.margins[0].first, 2.0, 1e-9);
  EXPECT_NEAR(r.margins[0].second, 5.0, 1e-9);
}

TEST_F(RiskTest, TheHighestScenarioDecides) {
  RiskInput in = Parse(
      "product: {name: Kettle, category: kettle}\n"
      "user: {group: adult}\n"
      "scenarios:\n"
      "  - {hazard: hot_surfaces, severity: 1, steps: [{text: a, probability: 1/10}, {text: b, probability: 1/10}, {text: c, probability: 1/10}]}\n"
      "  - {hazard: electric_shock, severity: 4, steps: [{text: a, probability: 1/100}, {text: b, probability: 1/10}, {text: c, probability: 1/10}]}\n"
      "  - {hazard: sharp_edges_points, severity: 2, steps: [{text: a, probability: 1/10}, {text: b, probability: 1/10}, {text: c, probability: 1/1000}]}\n");
  RiskResult r = AssessRisk(K(), L(), in);
  ASSERT_EQ(r.scenarios.size(), 3u);
  EXPECT_EQ(r.scenarios[0].level, Level::kLow);
  EXPECT_EQ(r.scenarios[1].level, Level::kSerious);  // 1/10 000 at severity 4
  EXPECT_EQ(r.scenarios[2].level, Level::kLow);
  EXPECT_EQ(r.level, Level::kSerious);
  EXPECT_EQ(r.deciding_scenario, 1);
}

TEST_F(RiskTest, TheIssueExamplePlushRabbit) {
  RiskResult r = Run(
      "product: {name: \"Plush rabbit\", category: plush_toy}\n"
      "user: {group: child, age_months: 18}\n"
      "scenarios:\n"
      "  - hazard: small_parts\n"
      "    severity: 4\n"
      "    steps:\n"
      "      - {text: \"an eye comes off when pulled\", probability: 1/10}\n"
      "      - {text: \"the child puts it in the mouth\", probability: 0.5}\n"
      "      - {text: \"it blocks the airway\", probability: 1/100}\n");
  ASSERT_EQ(r.scenarios.size(), 1u);
  EXPECT_EQ(FormatProbability(r.scenarios[0].probability), "1/2 000");
  EXPECT_EQ(r.scenarios[0].band, 4);
  EXPECT_EQ(r.level, Level::kSerious);
  EXPECT_TRUE(r.presumed_serious);
  ASSERT_FALSE(r.presumptions.empty());
  EXPECT_EQ(r.presumptions[0].presumption->point, "4.1(e)(i)");
  EXPECT_TRUE(r.presumptions[0].applies);
}

TEST_F(RiskTest, SeverityFromAnInjuryType) {
  const Injury& inj = L().injuries().front();
  RiskInput in = Parse(Doc("{name: Chair, category: chair}", "{group: adult}", "entrapment", 0, "1,1/50,1/10",
                           "", "    injury: " + inj.id + "\n"));
  ASSERT_EQ(in.scenarios.size(), 1u);
  EXPECT_EQ(in.scenarios[0].severity, inj.severity);
  EXPECT_TRUE(in.scenarios[0].severity_from_injury);
  // A stated severity wins over the injury's suggestion.
  RiskInput in2 = Parse(Doc("{name: Chair, category: chair}", "{group: adult}", "entrapment", 4, "1,1/50,1/10",
                            "", "    injury: " + inj.id + "\n"));
  EXPECT_EQ(in2.scenarios[0].severity, 4);
}

// ---- presumptions of serious risk (Annex II 4.1) ----

// The result for presumption `point`: 'A' applies, 'P' possible, '-' not listed.
char Presumed(const RiskResult& r, const std::string& point) {
  for (const PresumptionResult& p : r.presumptions) {
    if (p.presumption->point == point) return p.applies ? 'A' : 'P';
  }
  return '-';
}

TEST_F(RiskTest, Presumption_a_HarmUsersCannotAvoid) {
  const std::string prod = "{name: Heater, category: kettle}";
  auto run = [&](const std::string& facts, int sev) {
    return Run(Doc(prod, "{group: adult}", "hot_surfaces", sev, "1/10,1/10,1/10", facts));
  };
  EXPECT_EQ(Presumed(run("facts: {users_can_protect: false, users_informed: true}\n", 3), "4.1(a)"), 'A');
  EXPECT_EQ(Presumed(run("facts: {users_can_protect: true, users_informed: false}\n", 4), "4.1(a)"), 'A');
  EXPECT_EQ(Presumed(run("facts: {users_can_protect: true, users_informed: true}\n", 4), "4.1(a)"), '-');
  EXPECT_EQ(Presumed(run("facts: {users_can_protect: true}\n", 3), "4.1(a)"), 'P');
  EXPECT_EQ(Presumed(run("facts: {users_can_protect: false}\n", 2), "4.1(a)"), '-');  // severity below 3
  RiskResult r = run("", 3);
  ASSERT_EQ(Presumed(r, "4.1(a)"), 'P');
  for (const PresumptionResult& p : r.presumptions) {
    if (p.presumption->point == "4.1(a)") {
      EXPECT_EQ(p.missing, (std::vector<std::string>{"users_can_protect", "users_informed"}));
    }
  }
  EXPECT_FALSE(r.presumed_serious);
}

TEST_F(RiskTest, Presumptions_b_c_d_StatedFacts) {
  const std::string prod = "{name: Lamp, category: kettle}";
  for (const auto& [fact, point] : std::vector<std::pair<std::string, std::string>>{
           {"operator_says_serious", "4.1(b)"}, {"voluntary_measure", "4.1(c)"}, {"banned_substance", "4.1(d)"}}) {
    RiskResult yes = Run(Doc(prod, "{group: adult}", "hot_surfaces", 1, "1/10,1/10,1/10", "facts: {" + fact + ": true}\n"));
    EXPECT_EQ(Presumed(yes, point), 'A') << fact;
    EXPECT_TRUE(yes.presumed_serious) << fact;
    EXPECT_EQ(yes.level, Level::kLow) << "the assessment's own level is kept";
    RiskResult no = Run(Doc(prod, "{group: adult}", "hot_surfaces", 1, "1/10,1/10,1/10", "facts: {" + fact + ": false}\n"));
    EXPECT_EQ(Presumed(no, point), '-') << fact;
    RiskResult open = Run(Doc(prod, "{group: adult}", "hot_surfaces", 1, "1/10,1/10,1/10"));
    EXPECT_EQ(Presumed(open, point), 'P') << fact;
  }
}

TEST_F(RiskTest, Presumption_e_i_SmallPartsUnder36Months) {
  const std::string toy = "{name: Rattle, category: baby_rattle}";
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child, age_months: 18}", "small_parts", 4, "1/10,1/2,1/100")), "4.1(e)(i)"), 'A');
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child, age_months: 35}", "small_parts", 4, "1/10,1/2,1/100")), "4.1(e)(i)"), 'A');
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child, age_months: 36}", "small_parts", 4, "1/10,1/2,1/100")), "4.1(e)(i)"), '-');
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child}", "small_parts", 4, "1/10,1/2,1/100")), "4.1(e)(i)"), 'P');
  // Not a toy or childcare article: an adult's kettle with a small part.
  EXPECT_EQ(Presumed(Run(Doc("{name: Kettle, category: kettle}", "{group: child, age_months: 18}", "small_parts", 4,
                             "1/10,1/2,1/100")), "4.1(e)(i)"), '-');
  // Another hazard of a toy: not this presumption.
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child, age_months: 18}", "sharp_edges_points", 2, "1/10,1/2,1/100")), "4.1(e)(i)"), '-');
  // A scenario's own user overrides the assessment's.
  EXPECT_EQ(Presumed(Run(Doc(toy, "{group: child, age_months: 60}", "small_parts", 4, "1/10,1/2,1/100", "",
                             "    user: {group: child, age_months: 12, intended: false}\n")), "4.1(e)(i)"), 'A');
}

TEST_F(RiskTest, Presumptions_e_ii_iii_FlammableCostumesAndNightwear) {
  const std::string costume = "{name: \"Witch costume\", category: children_clothing, kinds: [costume]}";
  EXPECT_EQ(Presumed(Run(Doc(costume, "{group: child, age_months: 60}", "flammable_material", 3, "1/10,1/10,1/10")), "4.1(e)(ii)"), 'A');
  EXPECT_EQ(Presumed(Run(Doc(costume, "{group: child, age_months: 60}", "flammable_material", 3, "1/10,1/10,1/10")), "4.1(e)(iii)"), 'P');
  const std::string pyjamas = "{name: Pyjamas, category: children_clothing, kinds: [nightwear]}";
  EXPECT_EQ(Presumed(Run(Doc(pyjamas, "{group: child, age_months: 60}", "flammable_material", 3, "1/10,1/10,1/10")), "4.1(e)(iii)"), 'A');
  // An adult's nightwear: not for children.
  EXPECT_EQ(Presumed(Run(Doc("{name: Pyjamas, category: adult_clothing, kinds: [nightwear]}", "{group: adult}",
                             "flammable_material", 3, "1/10,1/10,1/10")), "4.1(e)(iii)"), '-');
  // Children's clothing of no stated kind: costume or nightwear is open.
  EXPECT_EQ(Presumed(Run(Doc("{name: Dress, category: children_clothing}", "{group: child, age_months: 60}",
                             "flammable_material", 3, "1/10,1/10,1/10")), "4.1(e)(ii)"), 'P');
  // A kettle is neither a costume nor nightwear.
  RiskResult k = Run(Doc("{name: Kettle, category: kettle}", "{group: adult}", "flammable_material", 3, "1/10,1/10,1/10"));
  EXPECT_EQ(Presumed(k, "4.1(e)(ii)"), '-');
  EXPECT_EQ(Presumed(k, "4.1(e)(iii)"), '-');
}

TEST_F(RiskTest, Presumption_e_iv_DrowningInChildcare) {
  EXPECT_EQ(Presumed(Run(Doc("{name: \"Bath seat\", category: childcare_article}", "{group: child, age_months: 9}",
                             "drowning", 4, "1/10,1/10,1/10")), "4.1(e)(iv)"), 'A');
  EXPECT_EQ(Presumed(Run(Doc("{name: \"Bath toy\", category: plush_toy}", "{group: child, age_months: 9}",
                             "drowning", 4, "1/10,1/10,1/10")), "4.1(e)(iv)"), '-');
}

TEST_F(RiskTest, Presumption_e_v_DrawstringsOfChildrenClothing) {
  const std::string hoodie = "{name: Hoodie, category: children_hoodie}";
  EXPECT_EQ(Presumed(Run(Doc(hoodie, "{group: child, age_months: 60}", "drawstrings_head_neck", 4, "1,1/10,1/100")), "4.1(e)(v)"), 'A');
  EXPECT_EQ(Presumed(Run(Doc(hoodie, "{group: child, age_years: 12}", "drawstrings_head_neck", 4, "1,1/10,1/100")), "4.1(e)(v)"), '-');
  EXPECT_EQ(Presumed(Run(Doc(hoodie, "", "drawstrings_head_neck", 4, "1,1/10,1/100")), "4.1(e)(v)"), 'P');
  EXPECT_EQ(Presumed(Run(Doc("{name: Kettle, category: kettle}", "{group: child, age_months: 60}", "drawstrings_head_neck",
                             4, "1,1/10,1/100")), "4.1(e)(v)"), '-');
}

TEST_F(RiskTest, Presumption_e_vi_DefectiveElectricalProducts) {
  const std::string kettle = "{name: Kettle, category: kettle}";
  auto run = [&](const std::string& sc, const std::string& hazard = "electric_shock") {
    return Run(Doc(kettle, "{group: adult}", hazard, 4, "1/100,1/10,1/10", "", sc));
  };
  EXPECT_EQ(Presumed(run("    defective_component: true\n"), "4.1(e)(vi)"), 'A');
  EXPECT_EQ(Presumed(run("    defective_component: true\n", "overheating_fire"), "4.1(e)(vi)"), 'A');
  EXPECT_EQ(Presumed(run("    defective_component: false\n"), "4.1(e)(vi)"), '-');
  EXPECT_EQ(Presumed(run(""), "4.1(e)(vi)"), 'P');
  // Not electrical: a chair.
  EXPECT_EQ(Presumed(Run(Doc("{name: Chair, category: chair}", "{group: adult}", "electric_shock", 4, "1/100,1/10,1/10",
                             "", "    defective_component: true\n")), "4.1(e)(vi)"), '-');
  // A stated kind makes it electrical.
  EXPECT_EQ(Presumed(Run(Doc("{name: Chair, category: chair, kinds: [electrical]}", "{group: adult}", "electric_shock", 4,
                             "1/100,1/10,1/10", "", "    defective_component: true\n")), "4.1(e)(vi)"), 'A');
}

TEST_F(RiskTest, EveryPresumptionOfTheActIsInTheLibrary) {
  std::vector<std::string> points;
  for (const Presumption& p : L().presumptions()) {
    points.push_back(p.point);
    EXPECT_FALSE(p.summary.en.empty());
    EXPECT_FALSE(p.summary.zh.empty());
  }
  EXPECT_EQ(points, (std::vector<std::string>{"4.1(a)", "4.1(b)", "4.1(c)", "4.1(d)", "4.1(e)(i)", "4.1(e)(ii)",
                                              "4.1(e)(iii)", "4.1(e)(iv)", "4.1(e)(v)", "4.1(e)(vi)"}));
}

// ---- input errors ----

TEST_F(RiskTest, ErrorsNameTheLineAndColumn) {
  const std::string base =
      "product: {name: Rabbit, category: plush_toy}\n"   // line 1
      "user: {group: child, age_months: 18}\n"            // line 2
      "scenarios:\n"                                      // line 3
      "  - hazard: small_parts\n"                         // line 4
      "    severity: 4\n"                                 // line 5
      "    steps:\n"                                      // line 6
      "      - {text: a, probability: 1/10}\n"            // line 7
      "      - {text: b, probability: 0.5}\n"             // line 8
      "      - {text: c, probability: 1/100}\n";          // line 9
  ASSERT_TRUE(ParseRiskYaml(K(), L(), base, "in.yaml").ok());
  auto replace = [&](const std::string& from, const std::string& to) {
    std::string s = base;
    s.replace(s.find(from), from.size(), to);
    return s;
  };
  std::string e = Errors(replace("probability: 0.5", "probability: 0"));
  EXPECT_NE(e.find("in.yaml:8:"), std::string::npos) << e;
  EXPECT_NE(e.find("must be above 0 and at most 1"), std::string::npos) << e;
  e = Errors(replace("probability: 0.5", "probability: 1.5"));
  EXPECT_NE(e.find("in.yaml:8:"), std::string::npos) << e;
  e = Errors(replace("probability: 0.5", "probability: often"));
  EXPECT_NE(e.find("in.yaml:8:"), std::string::npos) << e;
  e = Errors(replace("severity: 4", "severity: 5"));
  EXPECT_NE(e.find("in.yaml:5:15"), std::string::npos) << e;
  e = Errors(replace("hazard: small_parts", "hazard: gremlins"));
  EXPECT_NE(e.find("in.yaml:4:13"), std::string::npos) << e;
  EXPECT_NE(e.find("unknown hazard 'gremlins'"), std::string::npos) << e;
  e = Errors(replace("      - {text: c, probability: 1/100}\n", ""));
  EXPECT_NE(e.find("in.yaml:7:"), std::string::npos) << e;
  EXPECT_NE(e.find("at least 3 steps"), std::string::npos) << e;
  e = Errors(base + "      - {text: d, probability: 1}\n      - {text: e, probability: 1}\n      - {text: f, probability: 1}\n");
  EXPECT_NE(e.find("at most 5 steps"), std::string::npos) << e;
  e = Errors(replace("severity: 4", "sevrity: 4"));
  EXPECT_NE(e.find("in.yaml:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("sevrity"), std::string::npos) << e;
  e = Errors(replace("category: plush_toy", "category: unicorn"));
  EXPECT_NE(e.find("in.yaml:1:"), std::string::npos) << e;
  e = Errors(replace("age_months: 18", "age_months: many"));
  EXPECT_NE(e.find("in.yaml:2:"), std::string::npos) << e;
  // Several problems are reported at once.
  e = Errors(replace("severity: 4", "severity: 0").replace(base.find("1/100"), 5, "2    "));
  EXPECT_NE(e.find("in.yaml:5:"), std::string::npos) << e;
  EXPECT_NE(e.find("in.yaml:9:"), std::string::npos) << e;
  // Not YAML at all.
  e = Errors("scenarios: [\n");
  EXPECT_NE(e.find("in.yaml:"), std::string::npos) << e;
  EXPECT_FALSE(Errors("").empty());
}

TEST_F(RiskTest, JsonErrorsNameThePointer) {
  const std::string ok =
      R"({"product": {"name": "Rabbit", "category": "plush_toy"}, "scenarios": [{"hazard": "small_parts", "severity": 4,
          "steps": [{"text": "a", "probability": "1/10"}, {"text": "b", "probability": 0.5}, {"text": "c", "probability": 0.01}]}]})";
  ASSERT_TRUE(ParseRiskJson(K(), L(), ok, "in.json").ok());
  std::string s = ok;
  s.replace(s.find("0.5"), 3, "0  ");
  std::string e = JsonErrors(s);
  EXPECT_NE(e.find("in.json: /scenarios/0/steps/1/probability"), std::string::npos) << e;
  s = ok;
  s.replace(s.find("\"severity\": 4"), 13, "\"severity\": 9");
  e = JsonErrors(s);
  EXPECT_NE(e.find("/scenarios/0/severity"), std::string::npos) << e;
  e = JsonErrors(R"({"scenarios": [{"hazard": "small_parts", "severity": 4, "steps": []}]})");
  EXPECT_NE(e.find("/scenarios/0/steps"), std::string::npos) << e;
  e = JsonErrors("{\"scenarios\": [");
  EXPECT_NE(e.find("in.json"), std::string::npos) << e;
  e = JsonErrors(std::string(100000, '['));
  EXPECT_NE(e.find("in.json"), std::string::npos) << e;
}

// ---- the hazard library ----

TEST_F(RiskTest, LibraryCrossReferences) {
  EXPECT_GE(L().hazards().size(), 20u);
  for (const Hazard& h : L().hazards()) {
    EXPECT_NE(L().FindGroup(h.group), nullptr) << h.id;
    EXPECT_GE(h.severity, 1) << h.id;
    EXPECT_LE(h.severity, 4) << h.id;
    EXPECT_GE(h.steps.size(), 3u) << h.id;
    EXPECT_FALSE(h.name.zh.empty()) << h.id;
    for (const std::string& i : h.injuries) EXPECT_NE(L().FindInjury(i), nullptr) << h.id << " " << i;
  }
  for (const CategorySuggestions& c : L().suggestions()) {
    EXPECT_GE(K().FindCategory(c.category), 0) << c.category;
    for (const Suggestion& s : c.hazards) {
      EXPECT_NE(L().FindHazard(s.hazard), nullptr) << s.hazard;
      EXPECT_FALSE(s.examples.empty()) << c.category << " " << s.hazard;
      EXPECT_LE(s.examples.size(), 3u);
    }
  }
}

TEST_F(RiskTest, SuggestionsFollowTheAlertHistory) {
  auto ids = [&](const char* cat) {
    std::vector<std::string> out;
    for (const Suggestion* s : SuggestHazards(K(), L(), K().FindCategory(cat))) out.push_back(s->hazard);
    return out;
  };
  auto has = [](const std::vector<std::string>& v, const char* h) { return std::find(v.begin(), v.end(), h) != v.end(); };
  EXPECT_TRUE(has(ids("plush_toy"), "small_parts"));
  EXPECT_TRUE(has(ids("children_hoodie"), "drawstrings_head_neck"));
  EXPECT_TRUE(has(ids("kettle"), "electric_shock"));
  // Most frequent first.
  const CategorySuggestions* c = L().SuggestionsFor(K(), K().FindCategory("plush_toy"));
  ASSERT_NE(c, nullptr);
  for (size_t i = 1; i < c->hazards.size(); ++i) EXPECT_GE(c->hazards[i - 1].alerts, c->hazards[i].alerts);
  EXPECT_TRUE(SuggestHazards(K(), L(), -1).empty());
}

TEST_F(RiskTest, BrokenLibraryFilesNameTheirPlace) {
  const fs::path dir = fs::temp_directory_path() / ("risk-lib-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  for (const char* f : {"hazards.yaml", "injuries.yaml", "presumptions.yaml", "suggestions.yaml"}) {
    fs::copy_file(fs::path(EUCOMPLY_KNOWLEDGE_DIR) / "risk" / f, dir / f, fs::copy_options::overwrite_existing);
  }
  {
    std::ifstream in(dir / "hazards.yaml");
    std::string s((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const size_t at = s.find("group: size_shape");
    ASSERT_NE(at, std::string::npos);
    s.replace(at, 17, "group: nowhere   ");
    std::ofstream(dir / "hazards.yaml") << s;
  }
  auto lib = LoadHazardLibrary(K(), dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(lib.ok());
  EXPECT_NE(lib.status().ToString().find("hazards.yaml:"), std::string::npos) << lib.status().ToString();
  EXPECT_NE(lib.status().ToString().find("nowhere"), std::string::npos) << lib.status().ToString();
}

// ---- output ----

TEST_F(RiskTest, JsonAnswerCarriesTheIssueFields) {
  RiskInput in = Parse(Doc("{name: Kettle, category: kettle}", "{group: adult}", "hot_surfaces", 2, "1/10,1/10,1/2"));
  RiskResult r = AssessRisk(K(), L(), in);
  nlohmann::json j = RiskToJson(K(), L(), in, r, Lang::kEn);
  EXPECT_EQ(j["level"], "high");
  ASSERT_EQ(j["scenarios"].size(), 1u);
  EXPECT_EQ(j["scenarios"][0]["probability"], "1/200");
  EXPECT_EQ(j["scenarios"][0]["probability_exact"], "1/200");
  EXPECT_EQ(j["scenarios"][0]["band"], 3);
  EXPECT_EQ(j["scenarios"][0]["band_range"], "> 1/1 000");
  EXPECT_EQ(j["scenarios"][0]["level"], "high");
  EXPECT_EQ(j["presumption"]["applies"], false);
  EXPECT_EQ(j["sensitivity"].size(), 8u);
  nlohmann::json zh = RiskToJson(K(), L(), in, r, Lang::kZh);
  EXPECT_EQ(zh["level"], "high");
  EXPECT_NE(zh["level_name"], j["level_name"]);
}

}  // namespace
}  // namespace eucomply::risk
