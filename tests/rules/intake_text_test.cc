// The intake's text helpers without a knowledge base (src/rules/internal/intake_text.h and
// intake_quantities.h): folding, negation and its evidence, clauses, whole words, and the
// quantities read from a text. InferFromText's cases are in intake_test.cc.
#include "rules/internal/intake_text.h"

#include <gtest/gtest.h>

#include <string>

#include "rules/internal/intake_quantities.h"

namespace eucomply::intake {
namespace {

TEST(IntakeText, NormaliseFoldsAndKeepsOffsets) {
  // Full-width letters, an ideographic space (U+3000) and an em dash (U+2014).
  const std::string text = "ＵＳＢ　Charger—5V";
  const Normalised n = Normalise(text);
  EXPECT_EQ(n.s, "usb charger-5v");
  ASSERT_EQ(n.orig.size(), n.s.size() + 1);
  EXPECT_EQ(n.orig[1], 3u);  // "Ｓ" starts at byte 3 of the text
  EXPECT_EQ(n.orig.back(), text.size());
}

TEST(IntakeText, QuoteGivesTheWordsAsWritten) {
  const Listing listing("ＵＳＢ Charger");
  EXPECT_EQ(listing.Quote(0, 3), "ＵＳＢ");
  EXPECT_EQ(listing.Quote(4, 11), "Charger");
}

TEST(IntakeText, NegationAndWhereItStarts) {
  struct Case {
    std::string s;  // normalised; the term is "battery" (or 电池) at its end
    bool negated;
    std::string evidence_from;  // the text from NegationStart
  };
  const Case cases[] = {
      {"no battery", true, "no battery"},
      {"without  battery", true, "without  battery"},
      {"non-battery", true, "non-battery"},
      {"w/o battery", true, "w/o battery"},
      {"with battery", false, "with battery"},
      {"无电池", true, "无电池"},
      {"不含电池", true, "不含电池"},
      {"无 电池", true, " 电池"},  // a joiner between: the evidence starts after the negation
      {"有电池", false, "电池"},
  };
  for (const Case& c : cases) {
    const size_t term = c.s.ends_with("battery") ? c.s.size() - 7 : c.s.size() - 6;
    EXPECT_EQ(NegatedAt(c.s, term), c.negated) << c.s;
    EXPECT_EQ(c.s.substr(NegationStart(c.s, term)), c.evidence_from) << c.s;
  }
}

TEST(IntakeText, ClauseStopsAtPunctuationNotAtADecimalPoint) {
  const std::string s = "input 100-240v, output 3.7v. size m";
  const size_t at = s.find("3.7v");
  auto [b, e] = ClauseAround(s, at, at + 4);
  EXPECT_EQ(s.substr(b, e - b), " output 3.7v");
}

TEST(IntakeText, WholeWordsOnlyForAscii) {
  EXPECT_TRUE(ContainsWord("for kids 3+", "kids"));
  EXPECT_FALSE(ContainsWord("kidswear", "kids"));
  EXPECT_TRUE(ContainsWord("适合儿童", "儿童"));
  EXPECT_EQ(Singular("batteries"), "battery");
  EXPECT_EQ(Singular("bus"), "bus");
}

TEST(IntakeQuantities, FindsAmountsRangesAndBounds) {
  struct Case {
    std::string s;
    double lo, hi;
    std::string symbol;
    bool plus, under;
  };
  const Case cases[] = {
      {"charger 5v 2a", 5, 5, "V", false, false},
      {"input 100-240v ac", 100, 240, "V", false, false},
      {"3 to 6 years", 3, 6, "years", false, false},
      {"3岁以上", 3, 3, "years", true, false},
      {"under 3 years", 3, 3, "years", false, true},
      {"ages 3+", 3, 3, "years", true, false},
      {"baby 6m+", 6, 6, "months", true, false},
      {"1,000 mah", 1000, 1000, "Ah", false, false},
  };
  for (const Case& c : cases) {
    const std::vector<Amount> found = FindQuantities(c.s);
    ASSERT_FALSE(found.empty()) << c.s;
    EXPECT_EQ(found[0].lo, c.lo) << c.s;
    EXPECT_EQ(found[0].hi, c.hi) << c.s;
    EXPECT_EQ(found[0].unit->symbol, c.symbol) << c.s;
    EXPECT_EQ(found[0].plus, c.plus) << c.s;
    EXPECT_EQ(found[0].under, c.under) << c.s;
  }
  EXPECT_TRUE(FindQuantities("model 3+ pack").empty());  // "3+" without an age word
  EXPECT_EQ(FindQuantities("5v 3a").size(), 2u);
}

}  // namespace
}  // namespace eucomply::intake
