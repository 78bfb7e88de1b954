// Guided intake on the bundled knowledge base: a product with partial attributes gets
// undetermined verdicts and a next question whose answer changes the verdicts; answering
// question after question ends with nothing undetermined.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>

#include "eucomply/engine.h"
#include "eucomply/intake.h"

namespace eucomply {
namespace {

Value AnswerFor(const Attribute& a, int variant) {
  switch (a.type) {
    case AttrType::kBool: return Value::Bool(variant % 2 == 0);
    case AttrType::kEnum: return Value::Enum(variant % static_cast<int>(a.values.size()));
    case AttrType::kSet: return Value::Set(variant % 2 == 0 ? 0 : 1);
    case AttrType::kNumber:
      return Value::Number(a.thresholds.empty() ? 0 : a.thresholds[variant % a.thresholds.size()]);
  }
  return Value{};
}

int Undetermined(const Assessment& a) {
  int n = 0;
  for (const auto& v : a.acts) n += v.status == VerdictStatus::kUndetermined;
  return n;
}

class GuidedTest : public ::testing::TestWithParam<std::string> {};

TEST_P(GuidedTest, QuestionsSettleEveryUndeterminedAct) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  auto parsed = ParseProductYaml(**kb, GetParam(), "partial.yaml");
  ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
  Product p = *parsed;
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(**kb, p, opts);
  ASSERT_GT(Undetermined(a), 0);
  auto q = NextQuestion(**kb, p, opts, a);
  ASSERT_TRUE(q);
  EXPECT_FALSE(q->acts.empty());
  EXPECT_GT(q->settles, 0) << "the first question should settle something";

  for (int step = 0; step < 200; ++step) {
    q = NextQuestion(**kb, p, opts, a);
    if (!q) break;
    std::vector<VerdictStatus> before;
    for (const auto& v : a.acts) before.push_back(v.status);
    if (q->attribute == kCategoryAttr) {
      p.category = kb.value()->FindCategory("electrical_appliance");
      ApplyCategoryDefaults(**kb, &p);
    } else {
      const Attribute& attr = (*kb)->attributes()[q->attribute];
      ASSERT_FALSE(p.values[q->attribute].known()) << attr.id << " asked twice";
      p.Set(q->attribute, AnswerFor(attr, step), ValueSource::kGiven);
    }
    a = Assess(**kb, p, opts);
  }
  EXPECT_EQ(Undetermined(a), 0);
  EXPECT_FALSE(NextQuestion(**kb, p, opts, a));
}

// The obligations step (issue 11): once every act is decided, the next questions are the
// facts that decide duties of the acts that apply, and they are marked so; a hoodie for
// children is asked the enterprise size that decides the ESPR ban on destroying unsold goods.
TEST(GuidedTest, ObligationStepAfterEveryActIsDecided) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  const KnowledgeBase& K = **kb;
  Product p = Product::Empty(K);
  ApplyTextIntake(K, "Children's hoodie, size 122/128, 100% cotton, hood with drawstring", &p);
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(K, p, opts);
  const int enterprise = K.FindAttribute("enterprise_size");
  ASSERT_GE(enterprise, 0);
  bool asked_enterprise = false;
  int duty_questions = 0;
  for (int step = 0; step < 60; ++step) {
    auto q = NextQuestion(K, p, opts, a);
    if (!q) break;
    ASSERT_NE(q->attribute, kCategoryAttr);
    EXPECT_EQ(q->for_obligations, Undetermined(a) == 0) << K.attributes()[q->attribute].id;
    if (q->for_obligations) {
      ++duty_questions;
      EXPECT_FALSE(q->acts.empty());
      for (int act : q->acts) {
        EXPECT_TRUE(a.acts[act].status == VerdictStatus::kApplies || a.acts[act].status == VerdictStatus::kUpcoming);
      }
    }
    asked_enterprise = asked_enterprise || q->attribute == enterprise;
    const Attribute& attr = K.attributes()[q->attribute];
    p.Set(q->attribute, AnswerFor(attr, 1), ValueSource::kGiven);
    a = Assess(K, p, opts);
  }
  EXPECT_GT(duty_questions, 0);
  EXPECT_TRUE(asked_enterprise);
  for (const auto& v : a.acts) {
    for (const auto& o : v.obligations) EXPECT_NE(o.status, VerdictStatus::kUndetermined) << o.obligation->id;
  }
  // A skipped duty question is not asked again, and the flow ends.
  Product q0 = Product::Empty(K);
  ApplyTextIntake(K, "Children's hoodie, size 122/128, 100% cotton, hood with drawstring", &q0);
  std::set<int> skip;
  Assessment b = Assess(K, q0, opts);
  for (int step = 0; step < 80; ++step) {
    auto q = NextQuestion(K, q0, opts, b, skip);
    if (!q) break;
    ASSERT_EQ(skip.count(q->attribute), 0u);
    if (q->for_obligations) {
      skip.insert(q->attribute);
    } else {
      q0.Set(q->attribute, AnswerFor(K.attributes()[q->attribute], 1), ValueSource::kGiven);
      b = Assess(K, q0, opts);
    }
  }
  EXPECT_FALSE(NextQuestion(K, q0, opts, b, skip));
}

// NextQuestion's shortcut (AssessOptions::settled): for every golden product with each open
// attribute set to each of several answers, the statuses with settled acts copied equal
// those of a full assessment.
TEST(TrialAssessmentTest, CopyingSettledActsChangesNoStatus) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  namespace fs = std::filesystem;
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  int trials = 0, copied_acts = 0;
  for (const auto& e : fs::directory_iterator(fs::path(EUCOMPLY_SOURCE_DIR) / "tests/golden")) {
    if (!e.path().string().ends_with(".product.yaml")) continue;
    auto product = LoadProductFile(**kb, e.path().string());
    ASSERT_TRUE(product.ok()) << product.status().ToString();
    // Forget the given attributes too, so that more acts are open.
    for (Product p : {*product, [&] {
                        Product bare = *product;
                        for (size_t i = 0; i < bare.values.size(); ++i) {
                          if (bare.sources[i] == ValueSource::kGiven) bare.values[i] = Value{};
                        }
                        return bare;
                      }()}) {
      Assessment base = Assess(**kb, p, opts);
      for (size_t attr = 0; attr < p.values.size(); ++attr) {
        if (p.values[attr].known()) continue;
        const Attribute& a = (*kb)->attributes()[attr];
        for (int variant = 0; variant < 3; ++variant) {
          Product trial = p;
          trial.values[attr] = AnswerFor(a, variant);
          AssessOptions quick = opts;
          quick.explain = false;
          quick.settled = &base;
          quick.trial_attribute = static_cast<int>(attr);
          Assessment fast = Assess(**kb, trial, quick);
          Assessment full = Assess(**kb, trial, opts);
          ++trials;
          for (size_t i = 0; i < full.acts.size(); ++i) {
            copied_acts += base.acts[i].status != VerdictStatus::kUndetermined;
            ASSERT_EQ(fast.acts[i].status, full.acts[i].status)
                << e.path().filename() << ": " << (*kb)->acts()[i].short_name << " with " << a.id
                << " answered (variant " << variant << ")";
          }
        }
      }
    }
  }
  EXPECT_GT(trials, 1000);
  EXPECT_GT(copied_acts, trials * 10);
}

INSTANTIATE_TEST_SUITE_P(
    Partial, GuidedTest,
    ::testing::Values(std::string("name: something\n"),
                      std::string("category: electrical_appliance\n"),
                      std::string("category: toy\nattributes: {has_battery: true}\n")));

}  // namespace
}  // namespace eucomply
