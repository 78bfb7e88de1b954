// The engine on tests/data/kb-mini: statuses by date, obligations, notes, missing attributes,
// the next question, and product documents with their errors.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

class EngineTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadKnowledgeBase(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/data/kb-mini");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    kb_ = *r;
  }
  static AssessOptions On(const char* date) {
    AssessOptions o;
    o.as_of = *Date::Parse(date);
    return o;
  }
  static Product Parse(const std::string& yaml) {
    auto p = ParseProductYaml(*kb_, yaml, "test.yaml");
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : Product::Empty(*kb_);
  }
  static const ActVerdict& V(const Assessment& a, const char* act) {
    return a.acts[kb_->FindAct(act)];
  }
  static std::shared_ptr<const KnowledgeBase> kb_;
};
std::shared_ptr<const KnowledgeBase> EngineTest::kb_;

TEST_F(EngineTest, UpcomingThenAppliesThenNoLongerApplies) {
  Product toy = Parse("category: plush_toy\nattributes: {age: 3 years}\n");
  Assessment before = Assess(*kb_, toy, On("2027-01-19"));
  EXPECT_EQ(V(before, "PLAY").status, VerdictStatus::kUpcoming);
  EXPECT_EQ(V(before, "OLD").status, VerdictStatus::kApplies);
  Assessment after = Assess(*kb_, toy, On("2027-01-20"));
  EXPECT_EQ(V(after, "PLAY").status, VerdictStatus::kApplies);
  EXPECT_EQ(V(after, "OLD").status, VerdictStatus::kNoLongerApplies);
  nlohmann::json j = AssessmentToJson(*kb_, toy, after, Lang::kEn, std::nullopt);
  const auto& old = j["acts"][kb_->FindAct("OLD")];
  EXPECT_EQ(old["successor"]["short_name"], "PLAY");
  EXPECT_EQ(old["applies_until"], "2027-01-19");
  const auto& play = before.acts[kb_->FindAct("PLAY")];
  ASSERT_FALSE(play.reasons.empty());
  EXPECT_EQ(play.reasons.back().kind, ReasonKind::kAppliesFrom);
}

TEST_F(EngineTest, ScopeBoundariesAreInclusive) {
  for (auto [volts, expected] : std::vector<std::pair<const char*, VerdictStatus>>{
           {"49 V", VerdictStatus::kNotApplicable},
           {"50 V", VerdictStatus::kApplies},
           {"1000 V", VerdictStatus::kApplies},
           {"1001 V", VerdictStatus::kNotApplicable},
           {"1.0005 kV", VerdictStatus::kNotApplicable}}) {
    Product p = Parse(std::string("attributes: {powered: true, radio: false, features: [], volts: ") +
                      volts + "}\n");
    EXPECT_EQ(V(Assess(*kb_, p, On("2026-11-24")), "VOLT").status, expected) << volts;
  }
}

TEST_F(EngineTest, ObligationsFollowTheirConditionsAndDates) {
  Product p = Parse("category: kettle\nattributes: {radio: false, features: []}\n");
  Assessment a = Assess(*kb_, p, On("2026-11-24"));
  const ActVerdict& v = V(a, "VOLT");
  ASSERT_EQ(v.status, VerdictStatus::kApplies);
  std::map<std::string, VerdictStatus> obs;
  for (const auto& o : v.obligations) obs[o.obligation->id] = o.status;
  EXPECT_EQ(obs.at("doc"), VerdictStatus::kApplies);
  EXPECT_EQ(obs.at("later"), VerdictStatus::kUpcoming);
  EXPECT_FALSE(obs.count("battery_only"));  // supply is mains by the kettle's default
  Assessment later = Assess(*kb_, p, On("2030-01-01"));
  for (const auto& o : V(later, "VOLT").obligations) {
    EXPECT_EQ(o.status, VerdictStatus::kApplies) << o.obligation->id;
  }
}

// Regression: an obligation dated before its act's application date was shown as upcoming
// from the act's date (the CRA's reporting duty applies from 2026-09-11, the act from 2027).
TEST_F(EngineTest, EarlyObligationOfAnUpcomingActApplies) {
  Product toy = Parse("category: plush_toy\nattributes: {age: 3 years}\n");
  Assessment a = Assess(*kb_, toy, On("2026-06-01"));
  const ActVerdict& play = V(a, "PLAY");
  ASSERT_EQ(play.status, VerdictStatus::kUpcoming);
  std::map<std::string, ObligationVerdict> obs;
  for (const auto& o : play.obligations) obs[o.obligation->id] = o;
  EXPECT_EQ(obs.at("early").status, VerdictStatus::kApplies);
  EXPECT_EQ(obs.at("main").status, VerdictStatus::kUpcoming);
  EXPECT_EQ(obs.at("main").from->ToString(), "2027-01-20");
  Assessment before = Assess(*kb_, toy, On("2025-12-31"));
  std::map<std::string, ObligationVerdict> obs2;
  for (const auto& o : V(before, "PLAY").obligations) obs2[o.obligation->id] = o;
  EXPECT_EQ(obs2.at("early").status, VerdictStatus::kUpcoming);
  EXPECT_EQ(obs2.at("early").from->ToString(), "2026-01-01");
}

TEST_F(EngineTest, NotesExplainHarmonisedContext) {
  Product p = Parse("category: plush_toy\nattributes: {age: 3 years, radio: true}\n");
  Assessment a = Assess(*kb_, p, On("2027-06-01"));
  const ActVerdict& play = V(a, "PLAY");
  ASSERT_EQ(play.status, VerdictStatus::kApplies);
  bool note = false;
  for (const auto& r : play.reasons) note = note || (r.kind == ReasonKind::kNote && r.rule->id == "harm");
  EXPECT_TRUE(note);
}

TEST_F(EngineTest, PartialProductIsUndeterminedAndTheQuestionSettlesIt) {
  Product p = Parse("name: gadget\ncategory: appliance\n");
  AssessOptions opts = On("2026-11-24");
  Assessment a = Assess(*kb_, p, opts);
  const ActVerdict& volt = V(a, "VOLT");
  ASSERT_EQ(volt.status, VerdictStatus::kUndetermined);
  // powered comes from the category; volts and the radio inputs are missing.
  std::vector<std::string> missing;
  for (int m : volt.missing) missing.push_back(kb_->attributes()[m].id);
  EXPECT_EQ(missing, (std::vector<std::string>{"radio", "volts", "features"}));
  auto q = NextQuestion(*kb_, p, opts, a);
  ASSERT_TRUE(q);
  // "radio" settles RADIO and, through the exclusion, VOLT when true: it is worth more than
  // volts, which can only settle VOLT.
  EXPECT_EQ(kb_->attributes()[q->attribute].id, "radio");
  p.Set(q->attribute, Value::Bool(true), ValueSource::kGiven);
  Assessment b = Assess(*kb_, p, opts);
  EXPECT_EQ(V(b, "RADIO").status, VerdictStatus::kApplies);
  EXPECT_EQ(V(b, "VOLT").status, VerdictStatus::kNotApplicable);
  EXPECT_FALSE(NextQuestion(*kb_, p, opts, b).has_value());
}

TEST_F(EngineTest, UnknownCategoryIsAskedFirst) {
  Product p = Parse("attributes: {age: 5 years}\n");
  AssessOptions opts = On("2026-11-24");
  Assessment a = Assess(*kb_, p, opts);
  auto q = NextQuestion(*kb_, p, opts, a);
  ASSERT_TRUE(q);
  EXPECT_EQ(q->attribute, kCategoryAttr);
  EXPECT_FALSE(NextQuestion(*kb_, p, opts, a, {kCategoryAttr})->attribute == kCategoryAttr);
}

TEST_F(EngineTest, YamlProductErrorsNameTheirPlace) {
  struct Case {
    const char* yaml;
    const char* expected;
  } cases[] = {
      {"category: kettle\nattributes:\n  colour: red\n", "test.yaml:3:3: unknown attribute 'colour'"},
      {"attributes:\n  volts: 5 kg\n", "test.yaml:2:10: 'volts': 'kg' is a unit of mass"},
      {"attributes:\n  powered: maybe\n", "test.yaml:2:12: 'powered' is a yes/no attribute"},
      {"attributes:\n  supply: solar\n", "test.yaml:2:11: 'solar' is not a value of 'supply'"},
      {"category: spaceship\n", "test.yaml:1:11: unknown category 'spaceship'"},
      {"colour: red\n", "test.yaml:1:1: unknown key 'colour'"},
      {"attributes: [1, 2\n", "test.yaml:2:1: malformed YAML"},
      {"- a\n- b\n", "test.yaml:1:1: a product document must be a map"},
  };
  for (const auto& c : cases) {
    auto p = ParseProductYaml(*kb_, c.yaml, "test.yaml");
    ASSERT_FALSE(p.ok()) << c.yaml;
    EXPECT_EQ(p.status().message().rfind(c.expected, 0), 0u)
        << c.yaml << " -> " << p.status().message();
  }
  // Every problem is reported, not just the first.
  auto p = ParseProductYaml(*kb_, "attributes:\n  colour: red\n  volts: x\n", "t.yaml");
  ASSERT_FALSE(p.ok());
  EXPECT_EQ(p.status().messages().size(), 2u);
}

TEST_F(EngineTest, JsonProductErrorsUseJsonPointers) {
  struct Case {
    const char* json;
    const char* expected;
  } cases[] = {
      {R"({"attributes": {"colour": "red"}})", "p.json: /attributes/colour: unknown attribute"},
      {R"({"attributes": {"volts": true}})", "p.json: /attributes/volts: 'volts' must be a number"},
      {R"({"attributes": {"features": ["wifi", 3]}})", "p.json: /attributes/features/1: set members"},
      {R"({"category": 5})", "p.json: /category: 'category' must be a string"},
      {R"({"name": "x",})", "p.json:1:14: malformed JSON"},
      {R"([1])", "p.json: /: a product document must be an object"},
  };
  for (const auto& c : cases) {
    auto p = ParseProductJsonText(*kb_, c.json, "p.json");
    ASSERT_FALSE(p.ok()) << c.json;
    EXPECT_EQ(p.status().message().rfind(c.expected, 0), 0u)
        << c.json << " -> " << p.status().message();
  }
  auto ok = ParseProductJsonText(
      *kb_, R"({"category": "kettle", "attributes": {"volts": "0.23 kV", "features": ["wifi"]}})",
      "p.json");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_DOUBLE_EQ(ok->values[kb_->FindAttribute("volts")].num, 230);
}

TEST_F(EngineTest, ReportsInBothLanguagesCarryCitations) {
  Product p = Parse("name: Kettle\ncategory: kettle\nattributes: {radio: false, features: []}\n");
  Assessment a = Assess(*kb_, p, On("2026-11-24"));
  std::string en = AssessmentToText(*kb_, p, a, Lang::kEn, std::nullopt);
  std::string zh = AssessmentToText(*kb_, p, a, Lang::kZh, std::nullopt);
  EXPECT_NE(en.find("Voltage act"), std::string::npos) << en;
  EXPECT_NE(en.find("39999L0001 Art. 1"), std::string::npos) << en;
  EXPECT_NE(zh.find("电压法"), std::string::npos) << zh;
  EXPECT_NE(zh.find("适用"), std::string::npos) << zh;
  EXPECT_EQ(VerdictSummary(*kb_, a), "VOLT applies\n");
}

}  // namespace
}  // namespace eucomply
