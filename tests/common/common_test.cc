#include <gtest/gtest.h>

#include "eucomply/date.h"
#include "eucomply/status.h"
#include "eucomply/text.h"
#include "eucomply/units.h"

namespace eucomply {
namespace {

TEST(DateTest, ParsesValidDatesAndRejectsOthers) {
  auto d = Date::Parse("2026-11-24");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->ToString(), "2026-11-24");
  EXPECT_EQ(d->year(), 2026);
  EXPECT_TRUE(Date::Parse("2024-02-29"));
  for (const char* bad : {"2026-02-29", "2026-13-01", "2026-1-01", "26-11-24", "2026/11/24",
                          "", "2026-11-24x", "abcd-ef-gh"}) {
    EXPECT_FALSE(Date::Parse(bad)) << bad;
  }
}

TEST(DateTest, OrdersByDay) {
  EXPECT_LT(*Date::Parse("2027-01-19"), *Date::Parse("2027-01-20"));
  EXPECT_EQ(Date::Parse("2027-01-20")->days() - Date::Parse("2027-01-19")->days(), 1);
}

TEST(UnitsTest, ConvertsToCanonical) {
  struct Case {
    const char* text;
    Dimension dim;
    double canonical;
  } cases[] = {{"230 V", Dimension::kVoltage, 230},  {"5000mV", Dimension::kVoltage, 5},
               {"1.5 kV", Dimension::kVoltage, 1500}, {"500 mA", Dimension::kCurrent, 0.5},
               {"18 months", Dimension::kTime, 1.5},  {"2 kW", Dimension::kPower, 2000},
               {"250 g", Dimension::kMass, 0.25},     {"25 km/h", Dimension::kSpeed, 25},
               {"2.4 GHz", Dimension::kFrequency, 2.4e9}};
  for (const auto& c : cases) {
    auto q = ParseQuantity(c.text);
    ASSERT_TRUE(q) << c.text;
    auto u = LookupUnit(q->unit);
    ASSERT_TRUE(u) << c.text;
    EXPECT_EQ(u->dimension, c.dim) << c.text;
    EXPECT_NEAR(q->value * u->to_canonical, c.canonical, 1e-9 * c.canonical) << c.text;
  }
}

TEST(UnitsTest, RejectsNonQuantities) {
  for (const char* bad : {"", "V", "abc", "12 34 V", "--5"}) {
    EXPECT_FALSE(ParseQuantity(bad)) << bad;
  }
  EXPECT_FALSE(LookupUnit("furlong"));
}

TEST(TextTest, LineColumnCountsFromOne) {
  int l = 0, c = 0;
  LineColumn("ab\ncd", 4, &l, &c);
  EXPECT_EQ(l, 2);
  EXPECT_EQ(c, 2);
}

TEST(StatusTest, CarriesAllMessages) {
  Status s(StatusCode::kCorruption, std::vector<std::string>{"a:1:1: x", "b:2:3: y"});
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString(), "a:1:1: x\nb:2:3: y");
  Result<int> r = 5;
  EXPECT_TRUE(r.ok());
  EXPECT_EQ(*r, 5);
}

}  // namespace
}  // namespace eucomply
