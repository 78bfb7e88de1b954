#include "alerts/normalise.h"

#include <gtest/gtest.h>

namespace eucomply::alerts {
namespace {

TEST(GtinTest, CheckDigits) {
  struct Case {
    const char* digits;
    bool valid;
  } cases[] = {
      {"8434077187999", true},    // EAN-13 from SR/02275/26
      {"8434077187998", false},   // same, wrong check digit
      {"96385074", true},         // EAN-8
      {"036000291452", true},     // UPC-A (GTIN-12)
      {"10036000291458", false},  // GTIN-14 with a wrong check digit
      {"00036000291452", true},   // GTIN-14 form of the UPC-A
      {"1234567", false},         // no GTIN length
      {"", false},
      {"84340771879a9", false},
  };
  for (const Case& c : cases) EXPECT_EQ(IsValidGtin(c.digits), c.valid) << c.digits;
}

TEST(BarcodeTest, SplitsAndFlags) {
  std::vector<Barcode> b = ParseBarcodes("EAN: 4 006381 333931");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_EQ(b[0].digits, "4006381333931");
  EXPECT_TRUE(b[0].valid);

  b = ParseBarcodes("8434077187999, 8434077187998");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_TRUE(b[0].valid);
  EXPECT_FALSE(b[1].valid);  // kept, but flagged

  // Two EAN-13s run together.
  b = ParseBarcodes("84340771879994006381333931");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_EQ(b[1].digits, "4006381333931");

  b = ParseBarcodes("8434077187999 4006381333931.");
  ASSERT_EQ(b.size(), 2u);
  EXPECT_TRUE(b[1].valid);

  EXPECT_TRUE(ParseBarcodes("").empty());
  EXPECT_TRUE(ParseBarcodes("Unknown").empty());
  EXPECT_TRUE(ParseBarcodes(" - ").empty());

  b = ParseBarcodes("B0123456789");
  ASSERT_EQ(b.size(), 1u);
  EXPECT_FALSE(b[0].valid);
}

TEST(BarcodeTest, KeyPadsGtinLengths) {
  EXPECT_EQ(BarcodeKey("036000291452"), "00036000291452");
  EXPECT_EQ(BarcodeKey("8434077187999"), "08434077187999");
  EXPECT_EQ(BarcodeKey("123"), "123");
}

TEST(RiskTypesTest, SplitTrimCanonical) {
  EXPECT_EQ(SplitRiskTypes("Injuries, Strangulation"),
            (std::vector<std::string>{"Injuries", "Strangulation"}));
  EXPECT_EQ(SplitRiskTypes("chemical,  Chemical ,-,"), (std::vector<std::string>{"Chemical"}));
  EXPECT_EQ(SplitRiskTypes("Health risk / other"),
            (std::vector<std::string>{"Health risk / other"}));
  EXPECT_TRUE(SplitRiskTypes("").empty());
  EXPECT_EQ(SplitRiskTypes("fractures, internal injuries."),
            (std::vector<std::string>{"fractures", "internal injuries"}));
}

TEST(DateTest, DayMonthYear) {
  EXPECT_EQ(ParseDmyDate("24/04/2026")->ToString(), "2026-04-24");
  EXPECT_EQ(ParseDmyDate("1.2.2010")->ToString(), "2010-02-01");
  EXPECT_FALSE(ParseDmyDate("31/02/2020"));
  EXPECT_FALSE(ParseDmyDate("Unknown"));
  EXPECT_FALSE(ParseDmyDate("2020/02/01"));
  EXPECT_FALSE(ParseDmyDate("01/02/2020/03"));
  EXPECT_FALSE(ParseDmyDate("01/02-2020"));
}

TEST(MeasuresTest, RunTogetherTriples) {
  std::vector<std::string> problems;
  std::vector<Measure> m = ParseMeasures(
      "Type of economic operator to whom the measure(s) were ordered: DistributorCategory of "
      "measure(s): Withdrawal of the product from the marketDate of entry into force: "
      "24/04/2026Type of economic operator taking notified measure(s): OtherCategory of "
      "measure(s): Placing on the market prohibited by the authorities.Date of entry into "
      "force: Unknown",
      &problems);
  ASSERT_EQ(m.size(), 2u);
  EXPECT_TRUE(m[0].ordered);
  EXPECT_EQ(m[0].operator_type, "Distributor");
  EXPECT_EQ(m[0].category, "Withdrawal of the product from the market");
  ASSERT_TRUE(m[0].date);
  EXPECT_EQ(m[0].date->ToString(), "2026-04-24");
  EXPECT_FALSE(m[1].ordered);
  EXPECT_EQ(m[1].operator_type, "Other");
  EXPECT_EQ(m[1].category, "Placing on the market prohibited by the authorities");
  EXPECT_FALSE(m[1].date);
  EXPECT_EQ(m[1].date_text, "Unknown");
  EXPECT_TRUE(problems.empty());
}

TEST(MeasuresTest, OddDateIsReportedAndKept) {
  std::vector<std::string> problems;
  std::vector<Measure> m = ParseMeasures(
      "Type of economic operator taking notified measure(s): ImporterCategory of measure(s): "
      "Stop of salesDate of entry into force: 32/13/2020",
      &problems);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_FALSE(m[0].date);
  EXPECT_EQ(m[0].date_text, "32/13/2020");
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("32/13/2020"), std::string::npos);
}

TEST(MeasuresTest, UnlabelledTextKept) {
  std::vector<Measure> m = ParseMeasures("Recall from consumers", nullptr);
  ASSERT_EQ(m.size(), 1u);
  EXPECT_EQ(m[0].category, "Recall from consumers");
  EXPECT_TRUE(ParseMeasures("", nullptr).empty());
}

TEST(StandardsTest, Normalised) {
  struct Case {
    const char* text;
    std::vector<std::string> want;
  } cases[] = {
      {"does not comply with the European standard EN 71-1.", {"EN 71-1"}},
      {"standards EN 16732 and EN 14682.", {"EN 16732", "EN 14682"}},
      {"standard EN71-1:2014+A1:2018 and EN\xc2\xa0" "71-3", {"EN 71-1", "EN 71-3"}},
      {"EN 60598-2-20 and EN 60598-2-20", {"EN 60598-2-20"}},
      {"EN ISO 20345 and EN IEC 62368-1 and IEC 60884-1", {"EN ISO 20345", "EN IEC 62368-1", "IEC 60884-1"}},
      {"TOKEN 12345, OPEN 71-1, EN 7, EN 123456789", {}},
      {"standard EN 60335-1:2012.", {"EN 60335-1"}},
  };
  for (const Case& c : cases) EXPECT_EQ(FindStandards(c.text), c.want) << c.text;
}

TEST(ActsTest, NamesAndVersions) {
  auto celex = [](std::string_view text, const char* date) {
    std::vector<std::string> out;
    for (const ActReference& a : FindActs(text, ParseDmyDate(date))) out.push_back(a.celex);
    return out;
  };
  using V = std::vector<std::string>;
  // The toy act named the same way before and after the 2009 recast.
  EXPECT_EQ(celex("does not comply with the Toys Directive", "04/02/2005"), V{"31988L0378"});
  EXPECT_EQ(celex("does not comply with the Toy Safety Directive", "19/07/2013"), V{"32009L0048"});
  EXPECT_EQ(celex("the Low Voltage Directive", "15/01/2010"), V{"32006L0095"});
  EXPECT_EQ(celex("the Low Voltage Directive", "11/06/2021"), V{"32014L0035"});
  EXPECT_EQ(celex("the LVD Directive", "11/06/2021"), V{"32014L0035"});
  EXPECT_EQ(celex("does not comply with the REACH Regulation.", "10/05/2024"), V{"32006R1907"});
  EXPECT_EQ(celex("the product does not comply with REACH.", "10/05/2024"), V{"32006R1907"});
  EXPECT_EQ(celex("keep out of reach of children", "10/05/2024"), V{});
  EXPECT_EQ(celex("Persistent Organic Pollutants (POP) Regulation", "10/05/2024"), V{"32019R1021"});
  EXPECT_EQ(celex("the Cosmetic Products Regulation and the General Product Safety Regulation",
                  "10/05/2024"),
            (V{"32009R1223", "32023R0988"}));
  EXPECT_EQ(celex("Directive 2009/48/EC and Regulation (EC) No 1907/2006", "10/05/2024"),
            (V{"32009L0048", "32006R1907"}));
  EXPECT_EQ(celex("Regulation (EU) 2019/1021 on persistent organic pollutants", "10/05/2024"),
            V{"32019R1021"});
  EXPECT_EQ(celex("Directive 88/378/EEC", "10/05/2005"), V{"31988L0378"});
  EXPECT_EQ(celex("the Directive and the Regulation", "10/05/2024"), V{});
  std::vector<ActReference> named = FindActs("Toy Safety Directive", std::nullopt);
  ASSERT_EQ(named.size(), 1u);
  EXPECT_EQ(named[0].name, "Toy Safety Directive");
  EXPECT_EQ(named[0].celex, "32009L0048");  // no date: the current version
}

}  // namespace
}  // namespace eucomply::alerts
