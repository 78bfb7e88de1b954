// Harmonised standards (src/standards): the decision parser on small hand-written decisions of
// the EUR-Lex form, the replay and its dates, and the committed lists of
// knowledge/standards/harmonised (generated from ../shared by `eucomply kb standards import`;
// tests/standards/regenerate.sh checks that they are exactly what the import writes).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <unistd.h>
#include <string>

#include "eucomply/harmonised.h"

namespace eucomply::standards {
namespace {

Date D(const char* s) { return *Date::Parse(s); }

// A decision of the new EUR-Lex form, with `annex` as its annex body.
std::string Html(const std::string& oj, const std::string& number, const std::string& title,
                 const std::string& articles, const std::string& annex) {
  return "<html><body><table><tr><td><p></p></td><td><p>" + number + "</p></td><td><p>" + oj +
         "</p></td></tr></table><p>COMMISSION IMPLEMENTING DECISION (EU) " + number + "</p><p>" + title +
         "</p><p>THE EUROPEAN COMMISSION,</p><p>HAS ADOPTED THIS DECISION:</p>" + articles +
         "<p>Done at Brussels, 1 January 2024.</p>" + annex + "</body></html>";
}

std::string Row(const std::string& n, const std::vector<std::string>& lines, const std::string& date = "") {
  std::string s = "<tr><td><p>" + n + "</p></td><td>";
  for (const std::string& l : lines) s += "<p>" + l + "</p>";
  s += "</td>";
  if (!date.empty()) s += "<td><p>" + date + "</p></td>";
  return s + "</tr>";
}

const char* kTitle = "of 1 December 2023 on harmonised standards for widgets drafted in support of Directive 2014/35/EU";

std::string Base() {
  return Html("13.12.2023", "2023/2723", kTitle,
              "<p>Article 1</p><p>The references listed in Annex I are published.</p>"
              "<p>Implementing Decision (EU) 2019/1956 is repealed.</p>",
              "<p>ANNEX I</p><table><tr><td><p>No</p></td><td><p>Reference of the standard</p></td></tr>" +
                  Row("1.", {"EN 60335-1:2012", "Household appliances – Safety – Part 1: General requirements",
                             "EN 60335-1:2012/A11:2014"}) +
                  Row("2.", {"EN 60335-2-15:2016", "Part 2-15: Appliances for heating liquids",
                             "Restriction: clause 22.2 does not confer a presumption", "of conformity."}) +
                  Row("3.", {"EN 62233:2008", "Measurement methods for electromagnetic fields"}) +
                  "</table><p>ANNEX II</p><table><tr><td><p>No</p></td><td><p>Reference of the standard</p></td><td><p>Date of withdrawal</p></td></tr>" +
                  Row("1.", {"EN 60335-2-15:2002", "Part 2-15: Appliances for heating liquids"}, "13.6.2025") +
                  "</table>");
}

std::string Amend() {
  return Html("31.10.2024", "2024/2764", "of 30 October 2024 amending Implementing Decision (EU) 2023/2723 as regards harmonised standards for widgets",
              "<p>Article 1</p><p>Annex I to Implementing Decision (EU) 2023/2723 is amended in accordance with the Annex to this Decision.</p>"
              "<p>Point (1) of the Annex shall apply from 30 April 2026.</p>",
              "<p>ANNEX</p><p>Annex I to Implementing Decision (EU) 2023/2723 is amended as follows:</p>"
              "<table><tr><td><p>(1)</p></td><td><p>rows 2 and 3 are deleted;</p></td></tr></table>"
              "<table><tr><td><p>(2)</p></td><td><p>the following rows are inserted in sequential order:</p><table>" +
                  Row("‘2a.", {"EN IEC 60335-2-15:2024", "Part 2-15: Appliances for heating liquids’"}) +
                  "</table></td></tr></table>"
                  "<table><tr><td><p>(3)</p></td><td><p>row 1 is replaced by the following:</p><table>" +
                  Row("‘1.", {"EN 60335-1:2012", "Household appliances – Safety – Part 1: General requirements",
                              "EN 60335-1:2012/A11:2014", "EN 60335-1:2012/A2:2019’"}) +
                  "</table></td></tr></table>");
}

TEST(DecisionParser, ReadsAFullList) {
  auto d = ParseDecision(Base(), "base.html");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_EQ(d->celex, "32023D2723");
  EXPECT_EQ(d->oj_date, D("2023-12-13"));
  EXPECT_EQ(d->act, "32014L0035");
  EXPECT_FALSE(d->amending);
  EXPECT_EQ(d->repeals, std::vector<std::string>{"32019D1956"});
  ASSERT_EQ(d->list.size(), 3u);
  EXPECT_EQ(d->list[0].ref, "EN 60335-1:2012");
  EXPECT_EQ(d->list[0].amendments, std::vector<std::string>{"EN 60335-1:2012/A11:2014"});
  EXPECT_EQ(d->list[1].notes.size(), 1u);
  EXPECT_EQ(d->list[1].notes[0], "Restriction: clause 22.2 does not confer a presumption of conformity");
  ASSERT_EQ(d->withdrawn.size(), 1u);
  EXPECT_EQ(d->withdrawn[0].withdrawal, D("2025-06-13"));
}

TEST(DecisionParser, ReadsAmendingInstructions) {
  auto d = ParseDecision(Amend(), "amend.html");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  EXPECT_TRUE(d->amending);
  EXPECT_EQ(d->amends, "32023D2723");
  EXPECT_TRUE(d->act.empty());  // named only through the decision it amends
  ASSERT_EQ(d->instructions.size(), 3u);
  EXPECT_EQ(d->instructions[0].kind, InstructionKind::kDelete);
  EXPECT_EQ(d->instructions[0].rows, (std::vector<std::string>{"2", "3"}));
  EXPECT_EQ(d->instructions[1].kind, InstructionKind::kInsert);
  ASSERT_EQ(d->instructions[1].new_rows.size(), 1u);
  EXPECT_EQ(d->instructions[1].new_rows[0].number, "2a");
  EXPECT_EQ(d->instructions[1].new_rows[0].title, "Part 2-15: Appliances for heating liquids");
  EXPECT_EQ(d->instructions[2].kind, InstructionKind::kReplace);
  EXPECT_EQ(d->deferred.at(":1"), D("2026-04-30"));
}

TEST(DecisionParser, OlderWordingsAndLayouts) {
  // "entry 9 is deleted" (lifts, 2021), a point that only prints rows (MID 2025/375 point (3)),
  // and a row whose lines are laid out as one small table each (MID 2025/1939).
  const std::string annex =
      "<p>ANNEX</p><p>Annex I to Implementing Decision (EU) 2023/2723 is amended as follows:</p>"
      "<table><tr><td><p>(1)</p></td><td><p>entry 9 is deleted;</p></td></tr></table>"
      "<table><tr><td><p>(2)</p></td><td><p>the following entry 9a is inserted:</p><table>" +
      Row("‘9a.", {"EN 81-72:2020", "Fire fighters lifts’"}) +
      "</table></td></tr></table><table><tr><td><p>(3)</p></td><td><table>" + Row("‘3a.", {"EN 12405-1:2021", "Gas meters’"}) +
      "</table></td></tr></table>"
      "<div><table><tr><td><p>‘13.</p></td><td><table><tr><td><p></p></td><td><p>EN 1434-6:2022</p></td></tr></table>"
      "<table><tr><td><p></p></td><td><p>Thermal energy meters – Part 6’</p></td></tr></table></td></tr></table></div>";
  auto d = ParseDecision(Html("1.3.2025", "2025/375", "amending Implementing Decision (EU) 2023/2723", "", annex), "old.html");
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->instructions.size(), 4u);
  EXPECT_EQ(d->instructions[0].kind, InstructionKind::kDelete);
  EXPECT_EQ(d->instructions[0].rows, std::vector<std::string>{"9"});
  EXPECT_EQ(d->instructions[2].kind, InstructionKind::kInsert);
  EXPECT_EQ(d->instructions[2].new_rows.at(0).number, "3a");
  ASSERT_EQ(d->instructions[3].new_rows.size(), 1u);
  EXPECT_EQ(d->instructions[3].new_rows[0].ref, "EN 1434-6:2022");
  EXPECT_EQ(d->instructions[3].new_rows[0].title, "Thermal energy meters – Part 6");
}

TEST(DecisionParser, RefusesWhatIsNotADecision) {
  EXPECT_FALSE(ParseDecision("", "x.html").ok());
  EXPECT_FALSE(ParseDecision("<html><body><p>hello</p></body></html>", "x.html").ok());
  auto r = ParseDecision("<p>1.1.2020</p><p>no title</p>", "x.html");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("x.html"), std::string::npos);
  // Broken markup is read as far as it goes, never a crash.
  auto b = ParseDecision(Base().substr(0, Base().size() / 2), "half.html");
  EXPECT_TRUE(b.ok()) << b.status().ToString();
}

TEST(Replay, DatesOfDeletionsInsertionsAndReplacements) {
  std::vector<Decision> ds;
  for (const auto& [html, name] : {std::pair{Amend(), "a.html"}, std::pair{Base(), "b.html"}}) {  // any order
    auto d = ParseDecision(html, name);
    ASSERT_TRUE(d.ok());
    ds.push_back(*d);
  }
  ImportResult r = Replay(ds);
  ASSERT_EQ(r.acts.count("32014L0035"), 1u);
  const ActList& L = r.acts.at("32014L0035");
  EXPECT_EQ(L.current, "32023D2723");
  std::map<std::string, const ListedStandard*> by;
  for (const ListedStandard& s : L.rows) by[s.ref + "#" + s.printed_by] = &s;
  const ListedStandard* old15 = by.at("EN 60335-2-15:2016#32023D2723");
  const ListedStandard* new15 = by.at("EN IEC 60335-2-15:2024#32024D2764");
  // Deleted by point (1), deferred to 30 April 2026: in force until then, superseded meanwhile.
  EXPECT_EQ(old15->until, D("2026-04-30"));
  EXPECT_EQ(old15->until_by, "32024D2764");
  EXPECT_EQ(old15->superseded_by, "EN IEC 60335-2-15:2024");
  EXPECT_EQ(new15->supersedes, "EN 60335-2-15:2016");
  EXPECT_EQ(new15->from, D("2024-10-31"));
  std::map<std::string, ActList> lists = r.acts;
  EXPECT_EQ(StateOn(lists, *old15, D("2024-01-01")), "in_force");
  EXPECT_EQ(StateOn(lists, *old15, D("2025-06-01")), "superseded");
  EXPECT_EQ(StateOn(lists, *old15, D("2026-04-30")), "ended");
  EXPECT_EQ(StateOn(lists, *new15, D("2024-10-30")), "not_yet");
  // Row 3 deleted with no successor; row 1 replaced (a new amendment), from the point's date.
  EXPECT_EQ(by.at("EN 62233:2008#32023D2723")->until, D("2026-04-30"));
  const ListedStandard* r1 = by.at("EN 60335-1:2012#32024D2764");
  EXPECT_EQ(r1->amendments.size(), 2u);
  EXPECT_EQ(by.at("EN 60335-1:2012#32023D2723")->until, r1->from);
  // The withdrawal annex keeps EN 60335-2-15:2002 until 13 June 2025.
  const ListedStandard* kept = by.at("EN 60335-2-15:2002#");
  EXPECT_EQ(kept->until, D("2025-06-13"));
  EXPECT_FALSE(kept->from.has_value());
  EXPECT_EQ(kept->superseded_by, "EN 60335-2-15:2016");
  // Queries.
  EXPECT_EQ(Query(lists, "32014L0035", D("2025-01-01"), "heating liquids").size(), 3u);  // 2002, 2016 and 2024
  EXPECT_EQ(Query(lists, "32014L0035", D("2026-05-01"), "heating liquids").size(), 1u);  // 2024 only
  EXPECT_EQ(FindReference(lists, "EN 60335-1:2012/A2:2019").size(), 1u);
  EXPECT_EQ(FindReference(lists, "EN 60335-2-15").size(), 3u);  // by number: every edition
}

TEST(Replay, FoldersTakeNewerFilesOfTheSameForm) {
  // A folder of decisions, then a newer amending decision dropped in: the import takes it.
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("hs-import-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  std::ofstream(dir / "32023D2723.html") << Base();
  std::ofstream(dir / "notes.txt") << "not a decision";
  auto before = ImportFolders({dir.string()});
  ASSERT_TRUE(before.ok()) << before.status().ToString();
  EXPECT_EQ(before->acts.at("32014L0035").rows.size(), 4u);  // 3 rows and 1 kept reference
  std::ofstream(dir / "32024D2764.html") << Amend();
  std::ofstream(dir / "broken.html") << "<html><p>nothing here";
  auto after = ImportFolders({dir.string()});
  fs::remove_all(dir);
  ASSERT_TRUE(after.ok());
  EXPECT_EQ(after->acts.at("32014L0035").rows.size(), 6u);  // + 2a and the replaced row 1
  ASSERT_EQ(after->skipped.size(), 1u);
  EXPECT_NE(after->skipped[0].find("broken.html"), std::string::npos);
  EXPECT_FALSE(ImportFolders({"/nonexistent-folder"}).ok());
}

TEST(StandardNumber, DropsPrefixesAndEdition) {
  EXPECT_EQ(StandardNumber("EN IEC 60335-2-51:2023"), "EN 60335-2-51");
  EXPECT_EQ(StandardNumber("EN 60335-2-51:2003"), "EN 60335-2-51");
  EXPECT_EQ(StandardNumber("EN ISO 12100:2010"), "EN 12100");
  EXPECT_EQ(StandardNumber("HD 308 S2:2001"), "HD 308 S2");
}

// ---- the committed lists ----

class CommittedLists : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto l = LoadLists(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/standards/harmonised");
    ASSERT_TRUE(l.ok()) << l.status().ToString();
    lists_ = new std::map<std::string, ActList>(std::move(*l));
  }
  static void TearDownTestSuite() { delete lists_; }
  static std::map<std::string, ActList>* lists_;
};
std::map<std::string, ActList>* CommittedLists::lists_ = nullptr;

TEST_F(CommittedLists, CountsPerActOnTheResearchDate) {
  // Rows in force on 2026-12-02, per act (the research note's date). Differences from the
  // note's counts are explained in docs/standards.md.
  const std::map<std::string, size_t> want = {
      {"32014L0035", 577},  // LVD (note: 575)
      {"32006L0042", 843},  // machinery (841)
      {"32014L0068", 210},  // PED
      {"32016R0425", 209},  // PPE: 204 + 5 transitional
      {"32014L0053", 192},  // RED
      {"32014L0034", 96},   // ATEX
      {"32013L0053", 62},   // recreational craft
      {"32017R0745", 69},   // MDR
      {"32017R0746", 23},   // IVDR
      {"32013L0029", 16},   // pyrotechnics
      {"32011R0305", 16},   // CPR (L-series part)
      {"32014L0030", 12},   // EMC (L-series part)
      {"32016R0424", 16},   // cableways
  };
  size_t total = 0;
  for (const auto& [act, L] : *lists_) {
    total += Query(*lists_, act, D("2026-12-02"), "").size();
  }
  for (const auto& [act, n] : want) {
    ASSERT_EQ(lists_->count(act), 1u) << act;
    EXPECT_EQ(Query(*lists_, act, D("2026-12-02"), "").size(), n) << act;
  }
  EXPECT_GE(total, 2300u);
}

struct Expected {
  const char *act, *list, *part, *row, *ref, *title, *by, *from, *until;
};

TEST_F(CommittedLists, RowsAsPrintedInTheDecisions) {
  // Rows picked across acts and years, each checked against its decision's HTML (reference
  // and title as printed; from = that decision's OJ date, until = the date that ends it).
  const Expected rows[] = {
#include "rows.inc"
      // A deferred deletion (LVD 2025/1488 point (1), from 23 January 2027) with its successor.
      {"32014L0035", "32023D2723", "", "31", "EN 50214:2006", "Flat polyvinyl chloride sheathed flexible", "32023D2723", "2023-12-13", "2027-01-23"},
      // A restriction published with the reference.
      {"32014L0035", "32023D2723", "", "163", "EN 60335-2-9:2003", "Household and similar electrical applian", "32023D2723", "2023-12-13", ""},
      // An inserted row replacing a deleted one (LVD 2024/2764: 198 -> 198a).
      {"32014L0035", "32023D2723", "", "198a", "EN IEC 60335-2-51:2023", "Household and similar electrical applian", "32024D2764", "2024-10-31", ""},
      // A replaced row (PPE 2025/895 point (3): row 189.I is replaced).
      {"32016R0425", "32023D0941", "", "189.I", "EN 50365:2023", "Live Working – Electrically insulating h", "32025D0895", "2025-05-16", "2026-06-16"},
  };
  EXPECT_GE(std::size(rows), 30u);
  for (const Expected& e : rows) {
    SCOPED_TRACE(std::string(e.act) + " row " + e.row + " " + e.ref);
    const ActList& L = lists_->at(e.act);
    const ListedStandard* hit = nullptr;
    for (const ListedStandard& s : L.rows) {
      if (s.list == e.list && s.part == e.part && s.number == e.row && s.printed_by == e.by) hit = &s;
    }
    ASSERT_NE(hit, nullptr);
    EXPECT_EQ(hit->ref, e.ref);
    EXPECT_EQ(hit->title.substr(0, std::string(e.title).size()), e.title);
    EXPECT_EQ(hit->from ? hit->from->ToString() : "", e.from);
    EXPECT_EQ(hit->until ? hit->until->ToString() : "", e.until);
  }
  // The restriction's text and the pairing of 198 / 198a.
  for (const ListedStandard& s : lists_->at("32014L0035").rows) {
    if (s.list == "32023D2723" && s.number == "163") {
      ASSERT_FALSE(s.notes.empty());
      EXPECT_EQ(s.notes[0].rfind("Restriction", 0), 0u);
    }
    if (s.list == "32023D2723" && s.number == "198") {
      EXPECT_EQ(s.until, D("2026-04-30"));
      EXPECT_EQ(s.superseded_by, "EN IEC 60335-2-51:2023");
    }
  }
}

TEST_F(CommittedLists, AsOfAStandardSupersededIn2025) {
  // EN 60335-2-24:2010 (refrigerators) kept by 2023/2723's withdrawal annex until 13 June
  // 2025, superseded by EN IEC 60335-2-24:2022.
  auto rows = FindReference(*lists_, "EN 60335-2-24:2010");
  ASSERT_FALSE(rows.empty());
  const ListedStandard* old = nullptr;
  for (const ListedStandard* s : rows) {
    if (s->act == "32014L0035" && s->until == D("2025-06-13")) old = s;
  }
  ASSERT_NE(old, nullptr);
  EXPECT_EQ(old->superseded_by, "EN IEC 60335-2-24:2022");
  EXPECT_EQ(StateOn(*lists_, *old, D("2023-06-01")), "in_force");   // before the new list
  EXPECT_EQ(StateOn(*lists_, *old, D("2025-01-01")), "superseded");  // successor in force
  EXPECT_EQ(StateOn(*lists_, *old, D("2025-06-13")), "ended");
  auto q = Query(*lists_, "32014L0035", D("2025-01-01"), "60335-2-24");
  auto q2 = Query(*lists_, "32014L0035", D("2025-07-01"), "60335-2-24");
  EXPECT_EQ(q.size(), q2.size() + 1);
}

}  // namespace
}  // namespace eucomply::standards
