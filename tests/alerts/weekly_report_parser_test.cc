#include "alerts/weekly_report_parser.h"

#include <gtest/gtest.h>

#include <string>

namespace eucomply::alerts {
namespace {

std::string Notification(int order, const std::string& case_number, const std::string& extra = "") {
  return "<notifications xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:type=\"webReportXmlWeeklyReportDetailContentDto\"><order>" +
         std::to_string(order) + "</order><caseNumber>" + case_number +
         "</caseNumber><reference><![CDATA[https://example.test/alert/" + std::to_string(order) +
         "]]></reference><category><![CDATA[Toys]]></category><product><![CDATA[Doll ]]></product>"
         "<brand/><name><![CDATA[]]></name><type_numberOfModel>A-1</type_numberOfModel>"
         "<batchNumber/><barcode><![CDATA[8434077187999]]></barcode>"
         "<riskType><![CDATA[Chemical, Choking]]></riskType>"
         "<danger><![CDATA[Small parts detach. The doll contains DEHP. It does not comply with "
         "the Toy Safety Directive and the standard EN 71-1.]]></danger>"
         "<measures><![CDATA[Type of economic operator taking notified measure(s): ImporterCategory "
         "of measure(s): Recall of the product from end usersDate of entry into force: "
         "02/03/2021]]></measures><URLrecall/><description><![CDATA[Plastic doll &amp; "
         "comb]]></description><notifyingCountry>Germany</notifyingCountry>"
         "<countryOfOrigin>People's Republic of China</countryOfOrigin><type>Consumer</type>"
         "<level>Serious risk</level><pictures><picture><![CDATA[https://example.test/p/1]]>"
         "</picture><picture><![CDATA[https://example.test/p/2]]></picture></pictures>"
         "<onlineTrader><![CDATA[]]></onlineTrader>" +
         extra + "</notifications>";
}

std::string Report(const std::string& body, const std::string& date = "05/03/2021") {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Safety-Gate><report_language>en"
         "</report_language><report_date>" +
         date +
         "</report_date><report_year>2021</report_year><report_week>9</report_week>"
         "<report_addendum><![CDATA[]]></report_addendum>" +
         body + "</Safety-Gate>";
}

TEST(WeeklyReportParserTest, ParsesHeaderAndAlerts) {
  Result<WeeklyReport> r =
      ParseWeeklyReport(Report(Notification(1, "A12/00001/21") + Notification(2, "A12/00002/21")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->header.date->ToString(), "2021-03-05");
  EXPECT_EQ(r->header.year, 2021);
  EXPECT_EQ(r->header.week, 9);
  EXPECT_EQ(r->header.language, "en");
  ASSERT_EQ(r->alerts.size(), 2u);
  EXPECT_TRUE(r->warnings.empty()) << r->warnings[0];
  const Alert& a = r->alerts[0];
  EXPECT_EQ(a.order, 1);
  EXPECT_EQ(a.case_number, "A12/00001/21");
  EXPECT_EQ(a.product, "Doll");  // trimmed
  EXPECT_EQ(a.brand, "");
  EXPECT_EQ(a.model, "A-1");
  EXPECT_EQ(a.description, "Plastic doll & comb");  // the escaping inside CDATA is undone (issue 14)
  EXPECT_EQ(a.xsi_type, "webReportXmlWeeklyReportDetailContentDto");
  EXPECT_EQ(a.risks, (std::vector<std::string>{"Chemical", "Choking"}));
  EXPECT_EQ(a.standards, (std::vector<std::string>{"EN 71-1"}));
  ASSERT_EQ(a.acts.size(), 1u);
  EXPECT_EQ(a.acts[0].celex, "32009L0048");
  ASSERT_EQ(a.measures.size(), 1u);
  EXPECT_EQ(a.measures[0].operator_type, "Importer");
  EXPECT_EQ(a.measures[0].date->ToString(), "2021-03-02");
  ASSERT_EQ(a.barcodes.size(), 1u);
  EXPECT_TRUE(a.barcodes[0].valid);
  EXPECT_EQ(a.pictures.size(), 2u);
  EXPECT_EQ(a.country_of_origin, "People's Republic of China");
}

TEST(WeeklyReportParserTest, MalformedXmlNamesTheAlert) {
  std::string xml = Report(Notification(1, "A12/00001/21") + Notification(2, "A12/00002/21"));
  // Break the second alert: an unclosed element.
  size_t p = xml.find("<level>", xml.find("A12/00002/21"));
  xml.replace(p, 7, "<level><oops>");
  Result<WeeklyReport> r = ParseWeeklyReport(xml);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kCorruption);
  EXPECT_NE(r.status().message().find("alert 2 (case A12/00002/21)"), std::string::npos)
      << r.status().message();
  EXPECT_NE(r.status().message().find("malformed XML"), std::string::npos);
}

TEST(WeeklyReportParserTest, TruncatedDocument) {
  std::string xml = Report(Notification(1, "A12/00001/21") + Notification(2, "A12/00002/21"));
  Result<WeeklyReport> r = ParseWeeklyReport(std::string_view(xml).substr(0, xml.size() / 2));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("alert 1"), std::string::npos) << r.status().message();
}

TEST(WeeklyReportParserTest, WrongRootAndEmptyInput) {
  EXPECT_FALSE(ParseWeeklyReport("<html><body/></html>").ok());
  EXPECT_NE(ParseWeeklyReport("<html/>").status().message().find("<html>"), std::string::npos);
  EXPECT_FALSE(ParseWeeklyReport("").ok());
}

TEST(WeeklyReportParserTest, UndatedReportIsRejected) {
  Result<WeeklyReport> r = ParseWeeklyReport(Report(Notification(1, "X"), "2021-03-05"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("report_date"), std::string::npos);
}

TEST(WeeklyReportParserTest, UnknownElementsAndOddValuesAreWarnings) {
  std::string bad_date = Notification(1, "A12/00001/21", "<newField>x</newField>");
  size_t p = bad_date.find("02/03/2021");
  bad_date.replace(p, 10, "sometime in 2021");
  std::string no_order = Notification(7, "");
  no_order.replace(no_order.find("<order>7</order>"), 16, "<order>seven</order>");
  Result<WeeklyReport> r = ParseWeeklyReport(
      Report("<surprise/>" + bad_date + no_order + Notification(1, "A12/00003/21")));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->alerts.size(), 3u);
  auto has = [&](const std::string& needle) {
    for (const std::string& w : r->warnings) {
      if (w.find(needle) != std::string::npos) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("report header: unknown element <surprise>"));
  EXPECT_TRUE(has("alert 1 (case A12/00001/21): unknown element <newField>"));
  EXPECT_TRUE(has("alert 1 (case A12/00001/21): odd measure date 'sometime in 2021'"));
  EXPECT_TRUE(has("alert 2: missing or unreadable <order>"));
  EXPECT_TRUE(has("alert 2: empty caseNumber"));
  EXPECT_TRUE(has("alert 3 (case A12/00003/21): order 1 repeats"));
  // Orders stay unique, so no alert is lost to the (report, order) key.
  EXPECT_EQ(r->alerts[1].order, 2);
  EXPECT_NE(r->alerts[2].order, r->alerts[0].order);
  EXPECT_EQ(r->alerts[0].measures[0].date_text, "sometime in 2021");
}

}  // namespace
}  // namespace eucomply::alerts
