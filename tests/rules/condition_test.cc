// The condition language: parsing, type errors with positions, three-valued truth tables,
// units and taxonomy membership, on the small knowledge base in tests/data/kb-mini.
#include <gtest/gtest.h>

#include "eucomply/engine.h"
#include "kb/condition_parser.h"

namespace eucomply {
namespace {

class ConditionTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto r = LoadKnowledgeBase(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/data/kb-mini");
    ASSERT_TRUE(r.ok()) << r.status().ToString();
    kb_ = *r;
  }
  static kb::ConditionEnv Env() {
    kb::ConditionEnv env;
    env.attributes = &kb_->attributes();
    env.find_attribute = [](std::string_view s) { return kb_->FindAttribute(s); };
    env.find_category = [](std::string_view s) { return kb_->FindCategory(s); };
    env.find_act = [](std::string_view s) { return kb_->FindAct(s); };
    return env;
  }
  // Parses `text`; returns the first error "offset: message" or "" on success.
  static std::string FirstError(const std::string& text) {
    kb::Expr e;
    std::vector<kb::ConditionError> errs;
    if (kb::ParseCondition(text, Env(), &e, &errs)) return "";
    return std::to_string(errs.at(0).offset) + ": " + errs.at(0).message;
  }
  static std::shared_ptr<const KnowledgeBase> kb_;
};
std::shared_ptr<const KnowledgeBase> ConditionTest::kb_;

TEST_F(ConditionTest, ParseErrorsPointAtTheOffendingCharacter) {
  struct Case {
    const char* text;
    const char* error_prefix;
  } cases[] = {
      {"powered and", "11: expected a condition"},
      {"powered and (volts > 5 V", "24: expected ')'"},
      {"colour == red", "0: unknown attribute 'colour'"},
      {"volts >= 50 kg", "12: unit 'kg' is not a unit of voltage"},
      {"volts >= 50", "9: 'volts' needs a unit of voltage"},
      {"supply == solar", "10: 'solar' is not a value of 'supply'"},
      {"features == wifi", "9: 'features' is a set"},
      {"volts", "0: 'volts' is a number, not a bool"},
      {"category is spaceship", "12: unknown category 'spaceship'"},
      {"applies(NOPE)", "8: unknown act 'NOPE'"},
      {"powered $ radio", "8: unexpected '$'"},
      {"supply < mains", "7: 'supply' is an enum: use == or !="},
  };
  for (const auto& c : cases) {
    std::string err = FirstError(c.text);
    EXPECT_EQ(err.rfind(c.error_prefix, 0), 0u) << c.text << " -> " << err;
  }
  EXPECT_EQ(FirstError("powered and (volts > 5 V or not radio)"), "");
  EXPECT_EQ(FirstError("features has wifi and supply in [mains, battery]"), "");
  EXPECT_EQ(FirstError("category in [toy, appliance] and known(age) and harmonised()"), "");
}

TEST_F(ConditionTest, KleeneTruthTablesThroughTheEngine) {
  // VOLT scope is "powered and volts >= 50 V and volts <= 1000 V"; RADIO is
  // "radio or features in [wifi, bt]". Each row sets inputs and expects the act status.
  struct Row {
    std::optional<bool> powered;
    std::optional<double> volts;
    std::optional<bool> radio;
    VerdictStatus volt;
    VerdictStatus radio_status;
  } rows[] = {
      // and: false dominates unknown
      {false, std::nullopt, false, VerdictStatus::kNotApplicable, VerdictStatus::kNotApplicable},
      // and: true and unknown -> unknown
      {true, std::nullopt, false, VerdictStatus::kUndetermined, VerdictStatus::kNotApplicable},
      {true, 230, false, VerdictStatus::kApplies, VerdictStatus::kNotApplicable},
      // exclusion via applies(RADIO): true excludes
      {true, 230, true, VerdictStatus::kNotApplicable, VerdictStatus::kApplies},
      // or: unknown radio with unknown features -> RADIO unknown -> VOLT unknown (not excluded)
      {true, 230, std::nullopt, VerdictStatus::kUndetermined, VerdictStatus::kUndetermined},
      // scope false wins over an unknown exclusion
      {true, 12, std::nullopt, VerdictStatus::kNotApplicable, VerdictStatus::kUndetermined},
      {std::nullopt, std::nullopt, std::nullopt, VerdictStatus::kUndetermined,
       VerdictStatus::kUndetermined},
  };
  const int powered = kb_->FindAttribute("powered");
  const int volts = kb_->FindAttribute("volts");
  const int radio = kb_->FindAttribute("radio");
  const int features = kb_->FindAttribute("features");
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  for (size_t i = 0; i < std::size(rows); ++i) {
    const Row& r = rows[i];
    Product p = Product::Empty(*kb_);
    if (r.powered) p.Set(powered, Value::Bool(*r.powered), ValueSource::kGiven);
    if (r.volts) p.Set(volts, Value::Number(*r.volts), ValueSource::kGiven);
    if (r.radio) {
      p.Set(radio, Value::Bool(*r.radio), ValueSource::kGiven);
      if (!*r.radio) p.Set(features, Value::Set(0), ValueSource::kGiven);
    }
    Assessment a = Assess(*kb_, p, opts);
    EXPECT_EQ(a.acts[kb_->FindAct("VOLT")].status, r.volt) << "row " << i;
    EXPECT_EQ(a.acts[kb_->FindAct("RADIO")].status, r.radio_status) << "row " << i;
  }
}

TEST_F(ConditionTest, OrIsTrueIfAnyMemberIsTrueEvenWithUnknowns) {
  Product p = Product::Empty(*kb_);
  p.Set(kb_->FindAttribute("features"), Value::Set(uint64_t{1} << 1), ValueSource::kGiven);  // bt
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(*kb_, p, opts);
  EXPECT_EQ(a.acts[kb_->FindAct("RADIO")].status, VerdictStatus::kApplies);
}

TEST_F(ConditionTest, UnitsConvertBeforeComparing) {
  const Attribute& volts = kb_->attributes()[kb_->FindAttribute("volts")];
  auto v = ParseAttributeValue(volts, "0.05 kV");
  ASSERT_TRUE(v.ok());
  EXPECT_DOUBLE_EQ(v->num, 50);
  EXPECT_FALSE(ParseAttributeValue(volts, "5 kg").ok());
  EXPECT_FALSE(ParseAttributeValue(volts, "five").ok());
  const Attribute& age = kb_->attributes()[kb_->FindAttribute("age")];
  auto months = ParseAttributeValue(age, "36 months");
  ASSERT_TRUE(months.ok());
  EXPECT_DOUBLE_EQ(months->num, 3);
}

TEST_F(ConditionTest, TaxonomyMembershipIsTransitive) {
  int plush = kb_->FindCategory("plush_toy");
  int toy = kb_->FindCategory("toy");
  int thing = kb_->FindCategory("thing");
  int kettle = kb_->FindCategory("kettle");
  EXPECT_TRUE(kb_->IsA(plush, toy));
  EXPECT_TRUE(kb_->IsA(plush, thing));
  EXPECT_TRUE(kb_->IsA(toy, toy));
  EXPECT_FALSE(kb_->IsA(toy, plush));
  EXPECT_FALSE(kb_->IsA(kettle, toy));
  EXPECT_EQ(kb_->CategoryForSafetyGate("Toys"), toy);
}

TEST_F(ConditionTest, CategoryDefaultsAreInheritedAndGivenValuesWin) {
  Product p = Product::Empty(*kb_);
  p.category = kb_->FindCategory("kettle");
  p.Set(kb_->FindAttribute("volts"), Value::Number(120), ValueSource::kGiven);
  ApplyCategoryDefaults(*kb_, &p);
  int powered = kb_->FindAttribute("powered");
  EXPECT_TRUE(p.values[powered].known());
  EXPECT_TRUE(p.values[powered].b);  // inherited from appliance
  EXPECT_EQ(p.sources[powered], ValueSource::kCategoryDefault);
  EXPECT_DOUBLE_EQ(p.values[kb_->FindAttribute("volts")].num, 120);  // given wins
}

}  // namespace
}  // namespace eucomply
