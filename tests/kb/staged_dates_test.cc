// As-of dates across the staged acts (issue 3): the same product assessed on 2026-11-24 and
// on 2028-01-01 shows the Machinery Regulation, the CRA and the Batteries Regulation's
// milestones moving from upcoming to applies, and the Machinery Directive ending.
#include <gtest/gtest.h>

#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

class StagedDatesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = *kb;
    auto p = LoadProductFile(*kb_, std::string(EUCOMPLY_SOURCE_DIR) +
                                       "/tests/kb/data/robotic_lawn_mower.yaml");
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    product_ = *p;
  }
  Assessment On(const char* date) {
    AssessOptions o;
    o.as_of = *Date::Parse(date);
    return Assess(*kb_, product_, o);
  }
  const ActVerdict& V(const Assessment& a, const char* act) {
    int i = kb_->FindAct(act);
    EXPECT_GE(i, 0) << act;
    return a.acts[i];
  }
  std::string Dump(const Assessment& a, const char* act) {
    return AssessmentToJson(*kb_, product_, a, Lang::kEn, std::nullopt)["acts"][kb_->FindAct(act)]
        .dump(2);
  }
  std::shared_ptr<const KnowledgeBase> kb_;
  Product product_;
};

TEST_F(StagedDatesTest, MachineryRegulationReplacesTheDirective) {
  Assessment now = On("2026-11-24"), later = On("2028-01-01");
  EXPECT_EQ(V(now, "MR").status, VerdictStatus::kUpcoming) << Dump(now, "MR");
  EXPECT_EQ(V(later, "MR").status, VerdictStatus::kApplies) << Dump(later, "MR");
  EXPECT_EQ(V(now, "MD").status, VerdictStatus::kApplies) << Dump(now, "MD");
  EXPECT_EQ(V(later, "MD").status, VerdictStatus::kNoLongerApplies) << Dump(later, "MD");
}

TEST_F(StagedDatesTest, CyberResilienceActStartsToApply) {
  Assessment now = On("2026-11-24"), later = On("2028-01-01");
  EXPECT_EQ(V(now, "CRA").status, VerdictStatus::kUpcoming) << Dump(now, "CRA");
  EXPECT_EQ(V(later, "CRA").status, VerdictStatus::kApplies) << Dump(later, "CRA");
}

TEST_F(StagedDatesTest, BatteryObligationsMoveFromUpcomingToApplies) {
  Assessment now = On("2026-11-24"), later = On("2028-01-01");
  ASSERT_EQ(V(now, "BATT").status, VerdictStatus::kApplies) << Dump(now, "BATT");
  int moved = 0;
  for (const auto& o : V(now, "BATT").obligations) {
    if (o.status != VerdictStatus::kUpcoming) continue;
    ASSERT_TRUE(o.from);
    if (*o.from > *Date::Parse("2028-01-01")) continue;
    for (const auto& l : V(later, "BATT").obligations) {
      if (l.obligation == o.obligation) {
        EXPECT_EQ(l.status, VerdictStatus::kApplies) << o.obligation->id;
        ++moved;
      }
    }
  }
  EXPECT_GE(moved, 1) << Dump(now, "BATT");
}

}  // namespace
}  // namespace eucomply
