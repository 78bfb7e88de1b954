// Tests on the real Safety Gate files in EUCOMPLY_SHARED_DIR: the whole history is imported
// once for the suite (a few seconds), then counted, searched and sampled.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <zlib.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "alerts/importer.h"
#include "alerts/lessons.h"
#include "alerts/normalise.h"
#include "alerts/report_reader.h"
#include "alerts/search.h"
#include "alerts/internal/sqlite_util.h"
#include "alerts/store.h"
#include "alerts/vocabulary.h"
#include "eucomply/text.h"

namespace eucomply::alerts {
namespace {
namespace fs = std::filesystem;

const std::string kReports = std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports";
const std::string kSample = std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/sample";

struct IndexRow {
  int64_t id;
  std::string date;  // DD/MM/YYYY
  int year, week, notifications;
};

std::vector<IndexRow> ReadIndex() {
  std::ifstream in(kReports + "/INDEX.csv");
  std::string line;
  std::getline(in, line);  // header
  std::vector<IndexRow> rows;
  while (std::getline(in, line)) {
    std::vector<std::string_view> f = Split(line, ',');
    if (f.size() != 6) continue;
    rows.push_back(IndexRow{std::stoll(std::string(f[1])), std::string(f[2]),
                            std::stoi(std::string(f[3])), std::stoi(std::string(f[4])),
                            std::stoi(std::string(f[5]))});
  }
  return rows;
}

int64_t QueryInt(AlertStore& store, const char* sql) {
  Stmt s;
  EXPECT_TRUE(s.Prepare(store.handle(), sql).ok());
  return s.Step() == SQLITE_ROW ? s.Int(0) : -1;
}

class RealFilesTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto opened = AlertStore::Open(":memory:");
    ASSERT_TRUE(opened.ok()) << opened.status().ToString();
    store_ = std::move(opened).value().release();
    auto s = ImportPaths(*store_, {kReports}, ImportOptions{});
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    summary_ = new ImportSummary(*s);
    searcher_ = new AlertSearcher(store_);
  }
  static void TearDownTestSuite() {
    delete searcher_;
    delete store_;
    delete summary_;
  }

  std::vector<std::string> Cases(const SearchRequest& req) {
    Result<SearchResponse> r = searcher_->Search(req);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    std::vector<std::string> out;
    if (r.ok()) {
      for (const SearchHit& h : r->hits) out.push_back(h.case_number);
    }
    return out;
  }
  StoredAlert One(const std::string& case_number) {
    Result<std::vector<StoredAlert>> found = store_->FindByCase(case_number);
    EXPECT_TRUE(found.ok());
    EXPECT_EQ(found->size(), 1u) << case_number;
    return found->empty() ? StoredAlert{} : found->front();
  }

  static AlertStore* store_;
  static ImportSummary* summary_;
  static AlertSearcher* searcher_;  // one facet table for the suite
};

AlertStore* RealFilesTest::store_ = nullptr;
ImportSummary* RealFilesTest::summary_ = nullptr;
AlertSearcher* RealFilesTest::searcher_ = nullptr;

TEST_F(RealFilesTest, ImportsEveryNotification) {
  EXPECT_EQ(summary_->files, 763);
  EXPECT_EQ(summary_->imported, 763);
  EXPECT_EQ(summary_->failed, 0);
  EXPECT_TRUE(summary_->errors.empty());
  EXPECT_EQ(summary_->alerts_added, 32566);
  EXPECT_EQ(*store_->AlertCount(), 32566);
  EXPECT_EQ(QueryInt(*store_, "SELECT count(DISTINCT case_number) FROM alerts"), 32564);
  EXPECT_EQ(QueryInt(*store_, "SELECT count(*) FROM reports"), 763);
}

// SOURCE.md: 0259/06 occurs twice in report 169, 0145/07 in reports 106 and 210. Both are
// kept as separate alerts, keyed by (report, order).
TEST_F(RealFilesTest, RepeatedCaseNumbersAreKept) {
  Result<std::vector<StoredAlert>> a = store_->FindByCase("0259/06");
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->size(), 2u);
  EXPECT_EQ((*a)[0].report_official_id, 169);
  EXPECT_EQ((*a)[1].report_official_id, 169);
  EXPECT_NE((*a)[0].alert.order, (*a)[1].alert.order);
  EXPECT_NE((*a)[0].alert.reference, (*a)[1].alert.reference);

  Result<std::vector<StoredAlert>> b = store_->FindByCase("0145/07");
  ASSERT_TRUE(b.ok());
  ASSERT_EQ(b->size(), 2u);
  std::set<int64_t> reports = {*(*b)[0].report_official_id, *(*b)[1].report_official_id};
  EXPECT_EQ(reports, (std::set<int64_t>{106, 210}));
}

// "year" is the year of the report's report_date. report_year/report_week are kept as
// published; they disagree with the date for 9 legacy reports (e.g. report 149).
TEST_F(RealFilesTest, CountsPerYearMatchIndex) {
  std::map<std::string, int64_t> by_date_year, by_report_year;
  for (const IndexRow& r : ReadIndex()) {
    by_date_year[r.date.substr(6)] += r.notifications;
    by_report_year[std::to_string(r.year)] += r.notifications;
  }
  ASSERT_EQ(by_date_year.size(), 16u);
  SearchRequest req;
  req.limit = 0;
  AlertSearcher& searcher = *searcher_;
  Result<SearchResponse> r = searcher.Search(req);
  ASSERT_TRUE(r.ok());
  std::map<std::string, int64_t> got;
  for (const FacetCount& c : r->facets[static_cast<size_t>(Facet::kYear)]) {
    if (c.count > 0) got[c.value] = c.count;
  }
  EXPECT_EQ(got, by_date_year);

  std::map<std::string, int64_t> got_report_year;
  Stmt s;
  ASSERT_TRUE(s.Prepare(store_->handle(),
                        "SELECT r.report_year, count(*) FROM alerts a JOIN reports r "
                        "ON r.id = a.report GROUP BY 1")
                  .ok());
  while (s.Step() == SQLITE_ROW) got_report_year[s.Text(0)] = s.Int(1);
  EXPECT_EQ(got_report_year, by_report_year);
}

TEST_F(RealFilesTest, CountsPerReportMatchIndex) {
  Stmt s;
  ASSERT_TRUE(s.Prepare(store_->handle(),
                        "SELECT official_id, alerts, report_year, report_week FROM reports")
                  .ok());
  std::map<int64_t, std::tuple<int64_t, int64_t, int64_t>> got;
  while (s.Step() == SQLITE_ROW) got[s.Int(0)] = {s.Int(1), s.Int(2), s.Int(3)};
  std::vector<IndexRow> index = ReadIndex();
  ASSERT_EQ(index.size(), 763u);
  for (const IndexRow& r : index) {
    auto it = got.find(r.id);
    ASSERT_NE(it, got.end()) << r.id;
    EXPECT_EQ(std::get<0>(it->second), r.notifications) << "report " << r.id;
    EXPECT_EQ(std::get<1>(it->second), r.year) << "report " << r.id;
    EXPECT_EQ(std::get<2>(it->second), r.week) << "report " << r.id;
  }
}

TEST_F(RealFilesTest, FindsAlertsByDescriptionWords) {
  struct Case {
    const char* query;
    const char* case_number;
  } cases[] = {
      {"citronella lamp oil", "A12/01167/24"},
      {"corbata lentejuelas", "SR/02275/26"},
      {"sequins tie", "SR/02275/26"},  // stemmed: the description says "sequined tie"
      {"\"flashing nursing bottle\"", "0259/06"},
      {"air sport gun CYMA", "0044/05"},
  };
  for (const Case& c : cases) {
    SearchRequest req;
    req.text = c.query;
    req.limit = 5;
    std::vector<std::string> hits = Cases(req);
    EXPECT_NE(std::find(hits.begin(), hits.end(), c.case_number), hits.end())
        << c.query << " did not find " << c.case_number;
  }
}

TEST_F(RealFilesTest, FindsAlertsByBarcode) {
  struct Case {
    const char* query;
    const char* digits;
    const char* case_number;
  } cases[] = {
      {"8434077187999", "8434077187999", "SR/02275/26"},
      {"8412129943182", "8412129943182", "A12/01167/24"},
      {"2000000 256559", "2000000256559", "A12/01192/23"},  // written in groups in the report
      {"8713142412120", "8713142412120", "A12/00809/21"},
  };
  for (const Case& c : cases) {
    SearchRequest req;
    req.text = c.query;
    req.limit = 3;
    std::vector<std::string> hits = Cases(req);
    // An exact barcode ranks first; an in-store code (prefix 2) can be shared by a few.
    ASSERT_FALSE(hits.empty()) << c.query;
    EXPECT_NE(std::find(hits.begin(), hits.end(), c.case_number), hits.end()) << c.query;
    StoredAlert first = One(hits[0]);
    bool has_code = false;
    for (const Barcode& b : first.alert.barcodes) {
      has_code = has_code || BarcodeKey(b.digits) == BarcodeKey(c.digits);
    }
    EXPECT_TRUE(has_code) << c.query << " ranked " << hits[0] << " first";
  }
}

// A sample across both formats (2005-2013 legacy numbering, 2020-2026 A12/ and SR/ cases):
// risk types, referenced acts and standards, and measures, checked against the reports.
TEST_F(RealFilesTest, SampledAlertsParsedRight) {
  struct MeasureWant {
    const char* operator_type;
    bool ordered;
    const char* category;
    const char* date;  // "" for Unknown
  };
  struct Case {
    const char* case_number;
    std::vector<std::string> risks;
    std::vector<std::string> acts;
    std::vector<std::string> standards;
    std::vector<MeasureWant> measures;
  } cases[] = {
      {"0044/05",
       {"Injuries"},
       {"31988L0378"},
       {},
       {{"Other", true, "Placing on the market prohibited by the authorities", ""}}},
      {"1294/08",
       {"Strangulation", "Suffocation"},
       {},
       {"EN 14682"},
       {{"Other", false, "Voluntary withdrawal from the market by the supplier", ""}}},
      {"0036/10", {}, {"32006L0095"}, {}, {}},
      {"A11/0046/13",
       {"Choking"},
       {"32009L0048"},
       {"EN 71-1"},
       {{"Other", false, "Withdrawal of the product from the market", "2013-03-21"}}},
      {"A12/00809/21",
       {"Electric shock"},
       {"32014L0035"},
       {"EN 60598-2-20"},
       {{"Retailer", true, "Withdrawal of the product from the market", ""}}},
      {"A12/01192/23",
       {"Injuries", "Strangulation"},
       {"32001L0095"},
       {"EN 14682"},
       {{"Retailer", true, "Withdrawal of the product from the market", "2023-02-28"}}},
      {"A12/01167/24",
       {"Chemical"},
       {"32006R1907"},
       {},
       {{"Distributor", false, "Withdrawal of the product from the market", "2024-02-13"},
        {"Distributor", false, "Recall of the product from end users", "2024-02-13"}}},
      {"SR/02275/26",
       {"Strangulation"},
       {"32023R0988"},
       {"EN 16732", "EN 14682"},
       {{"Distributor", true, "Withdrawal of the product from the market", "2026-04-24"},
        {"Retailer", true, "Withdrawal of the product from the market", "2026-04-24"}}},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.case_number);
    StoredAlert s = One(c.case_number);
    const Alert& a = s.alert;
    if (!c.risks.empty()) {
      EXPECT_EQ(a.risks, c.risks);
    }
    std::vector<std::string> acts;
    for (const ActReference& r : a.acts) acts.push_back(r.celex);
    EXPECT_EQ(acts, c.acts);
    if (!c.standards.empty() || !c.measures.empty()) {
      EXPECT_EQ(a.standards, c.standards);
    }
    if (c.measures.empty()) continue;
    ASSERT_EQ(a.measures.size(), c.measures.size());
    for (size_t i = 0; i < c.measures.size(); ++i) {
      EXPECT_EQ(a.measures[i].operator_type, c.measures[i].operator_type);
      EXPECT_EQ(a.measures[i].ordered, c.measures[i].ordered);
      EXPECT_EQ(a.measures[i].category, c.measures[i].category);
      EXPECT_EQ(a.measures[i].date ? a.measures[i].date->ToString() : "", c.measures[i].date);
    }
  }
  StoredAlert tie = One("SR/02275/26");
  ASSERT_EQ(tie.alert.barcodes.size(), 1u);
  EXPECT_TRUE(tie.alert.barcodes[0].valid);
  EXPECT_EQ(tie.report_official_id, 10000319);
  EXPECT_EQ(tie.report_date, "2026-08-21");
  EXPECT_EQ(tie.alert.pictures.size(), 6u);
}

TEST_F(RealFilesTest, InvalidBarcodesAreKeptAndFlagged) {
  EXPECT_GT(QueryInt(*store_, "SELECT count(*) FROM alert_barcodes WHERE valid = 0"), 100);
  EXPECT_GT(QueryInt(*store_, "SELECT count(*) FROM alert_barcodes WHERE valid = 1"), 10000);
  EXPECT_EQ(QueryInt(*store_, "SELECT count(*) FROM alerts WHERE barcode_valid = 0 AND barcode = ''"), 0);
}

TEST_F(RealFilesTest, FacetsComeFromTheFilteredSet) {
  SearchRequest req;
  req.text = "nickel";
  req.filters[static_cast<size_t>(Facet::kOrigin)] = {"china"};
  req.filters[static_cast<size_t>(Facet::kLevel)] = {"serious"};
  req.year_from = 2020;
  req.year_to = 2024;
  req.limit = 1000;
  req.facet_limit = 0;
  AlertSearcher& searcher = *searcher_;
  Result<SearchResponse> r = searcher.Search(req);
  ASSERT_TRUE(r.ok());
  ASSERT_GT(r->total, 10);
  EXPECT_EQ(static_cast<int64_t>(r->hits.size()), r->total);
  for (const SearchHit& h : r->hits) {
    EXPECT_EQ(h.country_of_origin, "People's Republic of China");
    EXPECT_EQ(h.level, "Serious risk");
    int year = std::stoi(h.report_date.substr(0, 4));
    EXPECT_GE(year, 2020);
    EXPECT_LE(year, 2024);
  }
  for (Facet f : {Facet::kCategory, Facet::kOrigin, Facet::kLevel, Facet::kYear, Facet::kNotifying}) {
    int64_t sum = 0;
    for (const FacetCount& c : r->facets[static_cast<size_t>(f)]) sum += c.count;
    EXPECT_EQ(sum, r->total) << FacetName(f);
  }
  ASSERT_EQ(r->facets[static_cast<size_t>(Facet::kOrigin)].size(), 1u);

  // A facet value used as a filter gives exactly the count the facet announced.
  const FacetCount top = r->facets[static_cast<size_t>(Facet::kCategory)][0];
  req.filters[static_cast<size_t>(Facet::kCategory)] = {top.value};
  Result<SearchResponse> narrowed = searcher.Search(req);
  ASSERT_TRUE(narrowed.ok());
  EXPECT_EQ(narrowed->total, top.count);
}

TEST_F(RealFilesTest, FiltersByActAndStandard) {
  SearchRequest req;
  req.limit = 0;
  req.filters[static_cast<size_t>(Facet::kStandard)] = {"EN 71-1"};
  AlertSearcher& searcher = *searcher_;
  Result<SearchResponse> by_std = searcher.Search(req);
  ASSERT_TRUE(by_std.ok());
  EXPECT_EQ(by_std->total,
            QueryInt(*store_, "SELECT count(DISTINCT alert) FROM alert_refs WHERE ref = 'EN 71-1'"));
  EXPECT_GT(by_std->total, 2000);
  req.filters[static_cast<size_t>(Facet::kStandard)].clear();
  req.filters[static_cast<size_t>(Facet::kAct)] = {"Toy Safety Directive"};
  Result<SearchResponse> by_act = searcher.Search(req);
  ASSERT_TRUE(by_act.ok());
  // Both versions of the act (88/378/EEC and 2009/48/EC) share the name.
  EXPECT_EQ(by_act->total,
            QueryInt(*store_,
                     "SELECT count(DISTINCT alert) FROM alert_refs "
                     "WHERE ref IN ('31988L0378', '32009L0048')"));
}

TEST_F(RealFilesTest, StatsByCategory) {
  SearchRequest req;
  req.limit = 0;
  req.facet_limit = 0;
  AlertSearcher& searcher = *searcher_;
  Result<SearchResponse> r = searcher.Search(req);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total, 32566);
  const auto& cats = r->facets[static_cast<size_t>(Facet::kCategory)];
  ASSERT_GE(cats.size(), 2u);
  EXPECT_EQ(cats[0].value, "Toys");
  EXPECT_EQ(cats[0].count, 6659);
  EXPECT_EQ(cats[1].value, "Cosmetics");
  EXPECT_EQ(cats[1].count, 5641);
}

TEST_F(RealFilesTest, ReimportAddsNothing) {
  Result<ImportSummary> again = ImportPaths(*store_, {kSample, kReports + "/report_150.xml.gz"}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->files, 3);
  EXPECT_EQ(again->alerts_added, 0);
  EXPECT_EQ(again->failed, 0);
  EXPECT_EQ(*store_->AlertCount(), 32566);
}

// Broken inputs, in a folder of their own, with a file-backed store.
class BrokenFilesTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("eucomply_alerts_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_ / "in");
  }
  void TearDown() override { fs::remove_all(dir_); }

  static std::string Xml(int id) {
    Result<std::string> x = ReadReportFile(kReports + "/report_" + std::to_string(id) + ".xml.gz");
    EXPECT_TRUE(x.ok());
    return x.ok() ? *x : "";
  }
  void Write(const std::string& name, std::string_view bytes) {
    std::ofstream(dir_ / "in" / name, std::ios::binary).write(bytes.data(),
                                                              static_cast<std::streamsize>(bytes.size()));
  }
  static std::string Gzip(const std::string& s) {
    z_stream zs{};
    deflateInit2(&zs, 6, Z_DEFLATED, 16 + MAX_WBITS, 8, Z_DEFAULT_STRATEGY);
    std::string out(deflateBound(&zs, s.size()) + 64, '\0');
    zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(s.data()));
    zs.avail_in = static_cast<uInt>(s.size());
    zs.next_out = reinterpret_cast<Bytef*>(out.data());
    zs.avail_out = static_cast<uInt>(out.size());
    deflate(&zs, Z_FINISH);
    out.resize(zs.total_out);
    deflateEnd(&zs);
    return out;
  }

  fs::path dir_;
};

TEST_F(BrokenFilesTest, BadFilesAreReportedAndSkippedWhole) {
  std::ifstream gz(kReports + "/report_100.xml.gz", std::ios::binary);
  std::string gz_bytes((std::istreambuf_iterator<char>(gz)), std::istreambuf_iterator<char>());
  Write("report_100.xml.gz", gz_bytes.substr(0, gz_bytes.size() / 2));  // truncated gzip

  std::string broken = Xml(101);
  size_t fifth = 0;
  for (int i = 0; i < 5; ++i) fifth = broken.find("<notifications", fifth + 1);
  size_t level = broken.find("<level>", fifth);
  broken.replace(level, 7, "<level><unclosed>");
  Write("report_101.xml", broken);  // malformed XML in alert 5

  std::string odd = Xml(102);
  size_t first = odd.find("<notifications");
  odd.insert(odd.find("<order>", first), "<futureField>x</futureField>");
  size_t brand = odd.find("<brand>", first);
  odd.replace(brand, odd.find("</brand>", brand) + 8 - brand, "<brand/>");
  size_t date = odd.find("Date of entry into force: ", first) + 26;
  odd.replace(date, odd.find("]]>", date) - date, "31/31/2005");
  Write("report_102.xml.gz", Gzip(odd));  // odd but usable: imported with warnings

  Write("report_103.xml", Xml(103));
  Write("notes.xml", "<notes>not a report</notes>");

  auto opened = AlertStore::Open((dir_ / "alerts.sqlite").string());
  ASSERT_TRUE(opened.ok());
  AlertStore& store = **opened;
  Result<ImportSummary> s = ImportPaths(store, {(dir_ / "in").string()}, {});
  ASSERT_TRUE(s.ok()) << s.status().ToString();
  EXPECT_EQ(s->files, 5);
  EXPECT_EQ(s->failed, 3);
  EXPECT_EQ(s->imported, 2);
  std::string errors;
  for (const std::string& e : s->errors) errors += e + "\n";
  EXPECT_NE(errors.find("report_100.xml.gz: truncated gzip stream"), std::string::npos) << errors;
  EXPECT_NE(errors.find("report_101.xml: "), std::string::npos) << errors;
  EXPECT_NE(errors.find("in alert 5 (case"), std::string::npos) << errors;
  EXPECT_NE(errors.find("notes.xml: not a Safety Gate weekly report"), std::string::npos) << errors;
  std::string warnings;
  for (const std::string& w : s->warnings) warnings += w + "\n";
  EXPECT_NE(warnings.find("report_102.xml.gz: alert 1 (case"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("unknown element <futureField>"), std::string::npos) << warnings;
  EXPECT_NE(warnings.find("odd measure date '31/31/2005'"), std::string::npos) << warnings;

  // Nothing of the broken files, all of the others.
  std::map<int64_t, int> notifications;
  for (const IndexRow& r : ReadIndex()) notifications[r.id] = r.notifications;
  EXPECT_EQ(*store.AlertCount(), notifications[102] + notifications[103]);
  EXPECT_EQ(QueryInt(store, "SELECT count(*) FROM reports"), 2);
  EXPECT_EQ(QueryInt(store, "SELECT count(*) FROM alert_measures m LEFT JOIN alerts a "
                            "ON a.id = m.alert WHERE a.id IS NULL"),
            0);

  // Fixed files imported later add their alerts; the good ones add nothing again.
  Write("report_100.xml.gz", gz_bytes);
  Write("report_101.xml", Xml(101));
  Result<ImportSummary> again = ImportPaths(store, {(dir_ / "in").string()}, {});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->failed, 1);  // notes.xml
  EXPECT_EQ(again->alerts_added, notifications[100] + notifications[101]);
}

TEST_F(BrokenFilesTest, NewerVersionOfAReportAddsOnlyItsNewAlerts) {
  std::string full = Xml(104);
  size_t last = full.rfind("<notifications");
  std::string earlier = full.substr(0, last) + "</Safety-Gate>";
  Write("report_104_first.xml", earlier);
  auto opened = AlertStore::Open((dir_ / "alerts.sqlite").string());
  ASSERT_TRUE(opened.ok());
  AlertStore& store = **opened;
  Result<ImportSummary> a = ImportPaths(store, {(dir_ / "in" / "report_104_first.xml").string()}, {});
  ASSERT_TRUE(a.ok());
  int64_t before = *store.AlertCount();
  Write("report_104.xml", full);
  Result<ImportSummary> b = ImportPaths(store, {(dir_ / "in").string()}, {});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->alerts_added, 1);
  EXPECT_EQ(b->alerts_present, before);
  EXPECT_EQ(*store.AlertCount(), before + 1);
  EXPECT_EQ(QueryInt(store, "SELECT count(*) FROM reports"), 1);

  // Reopening the store keeps everything.
  opened->reset();
  auto reopened = AlertStore::Open((dir_ / "alerts.sqlite").string());
  ASSERT_TRUE(reopened.ok());
  EXPECT_EQ(*(*reopened)->AlertCount(), before + 1);
}

}  // namespace
}  // namespace eucomply::alerts

namespace eucomply::alerts {
namespace {

TEST_F(RealFilesTest, LessonsForAChildrensHoodie) {
  ProductQuery q;
  q.name = "Children's hooded sweatshirt";
  q.description = "Hoodie for children aged 3 to 8 with drawstring cords in the hood";
  q.safety_gate_categories = {"Clothing, textiles and fashion items"};
  Result<Lessons> l = LearnLessons(*store_, q, LessonsOptions{});
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  ASSERT_EQ(l->alerts.size(), 25u);
  for (const SimilarAlert& a : l->alerts) {
    EXPECT_EQ(a.category, "Clothing, textiles and fashion items");
  }
  ASSERT_FALSE(l->risks.empty());
  EXPECT_EQ(l->risks[0].key, "Strangulation");
  ASSERT_FALSE(l->standards.empty());
  EXPECT_EQ(l->standards[0].key, "EN 14682");
  ASSERT_FALSE(l->checklist.empty());
  EXPECT_NE(l->checklist[0].text.find("EN 14682"), std::string::npos);
  ASSERT_FALSE(l->checklist[0].urls.empty());
  EXPECT_EQ(l->checklist[0].urls[0].rfind("https://ec.europa.eu/safety-gate-alerts/", 0), 0u);
  EXPECT_NE(LessonsToText(*l).find("Pre-shipment test checklist"), std::string::npos);
  EXPECT_EQ(LessonsToJson(*l)["alerts"].size(), 25u);
}

TEST_F(RealFilesTest, LessonsFallBackToTheCategory) {
  ProductQuery q;
  q.name = "Zzyzx qwertyuiop";
  q.safety_gate_categories = {"Lighting chains"};
  Result<Lessons> l = LearnLessons(*store_, q, LessonsOptions{});
  ASSERT_TRUE(l.ok());
  ASSERT_FALSE(l->alerts.empty());
  for (const SimilarAlert& a : l->alerts) {
    EXPECT_EQ(a.category, "Lighting chains");
  }
  EXPECT_NE(l->scope.find("most recent"), std::string::npos);
}


TEST_F(RealFilesTest, LessonsNameTheActsInForceNow) {
  // Wooden toys: alerts of 2005-2011 name the old Toy Safety Directive 88/378/EEC; the lessons
  // advise the 2009 Directive and say which act the older alerts named.
  ProductQuery q;
  q.name = "Wooden toy";
  q.description = "Wooden pull-along toy for children";
  q.safety_gate_categories = {"Toys"};
  LessonsOptions o;
  o.similar_alerts = 100;
  Result<Lessons> l = LearnLessons(*store_, q, o);
  ASSERT_TRUE(l.ok()) << l.status().ToString();
  for (const Tally& t : l->acts) {
    EXPECT_NE(t.key, "31988L0378") << t.label;
    EXPECT_NE(t.key, "31976L0769") << t.label;
  }
  for (const ChecklistItem& c : l->checklist) {
    EXPECT_EQ(c.text.find("Confirm conformity with the Toy Safety Directive (31988L0378)"), std::string::npos) << c.text;
  }
  EXPECT_EQ(CurrentAct("31988L0378").celex, "32009L0048");
  EXPECT_EQ(CurrentAct("32001L0095").celex, "32023R0988");
  EXPECT_EQ(CurrentAct("31976L0769").celex, "32006R1907");
  EXPECT_EQ(CurrentAct("32009L0048").celex, "32009L0048");
}

TEST_F(RealFilesTest, LessonsFindingsAndChinese) {
  auto vocab = LoadVocabulary(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/alerts/vocabulary.yaml");
  ASSERT_TRUE(vocab.ok()) << vocab.status().ToString();
  ProductQuery q;
  q.name = "Children's hooded sweatshirt";
  q.description = "Hoodie for children aged 3 to 8 with drawstring cords in the hood";
  q.safety_gate_categories = {"Clothing, textiles and fashion items"};
  LessonsOptions o;
  o.vocabulary = vocab->get();
  Result<Lessons> en = LearnLessons(*store_, q, o);
  ASSERT_TRUE(en.ok());
  ASSERT_FALSE(en->defects.empty());
  EXPECT_EQ(en->defects[0].key, "cords_drawstrings");
  for (const Tally& t : en->defects) {
    bool known = false;  // every finding is a phrase of the vocabulary, never a word pair
    for (const Finding& f : (*vocab)->findings()) known = known || f.en == t.label;
    EXPECT_TRUE(known) << t.label;
  }
  o.zh = true;
  Result<Lessons> zh = LearnLessons(*store_, q, o);
  ASSERT_TRUE(zh.ok());
  ASSERT_FALSE(zh->checklist.empty());
  for (const ChecklistItem& c : zh->checklist) {
    bool cjk = false;
    for (unsigned char ch : c.text) cjk = cjk || ch >= 0xE0;
    EXPECT_TRUE(cjk) << c.text;
    EXPECT_EQ(c.text.find("Confirm conformity"), std::string::npos) << c.text;
    EXPECT_EQ(c.text.find("Test to"), std::string::npos) << c.text;
  }
  EXPECT_EQ(zh->risks[0].label, "勒颈");
  // Without the vocabulary: no findings at all (never word pairs).
  Result<Lessons> bare = LearnLessons(*store_, q, LessonsOptions{});
  ASSERT_TRUE(bare.ok());
  EXPECT_TRUE(bare->defects.empty());
}

// ---- issue 14: filters, ranking and clean text an analyst can trust ----

TEST_F(RealFilesTest, DateFiltersKeepMonthAndDay) {
  SearchRequest half;
  half.text = "phthalates";
  half.filters[static_cast<size_t>(Facet::kCategory)] = {"Toys"};
  half.filters[static_cast<size_t>(Facet::kOrigin)] = {"People's Republic of China"};
  half.day_from = Date::Parse("2025-07-01")->days();
  half.day_to = Date::Parse("2025-12-31")->days();
  half.limit = 1000;
  SearchRequest year = half;
  year.day_from.reset();
  year.day_to.reset();
  year.year_from = year.year_to = 2025;
  auto h = searcher_->Search(half);
  auto y = searcher_->Search(year);
  ASSERT_TRUE(h.ok() && y.ok());
  ASSERT_GT(h->total, 0);
  EXPECT_LT(h->total, y->total);  // the second half of 2025 only
  for (const SearchHit& hit : h->hits) {
    EXPECT_GE(hit.report_date, "2025-07-01") << hit.case_number;
    EXPECT_LE(hit.report_date, "2025-12-31") << hit.case_number;
  }
}

TEST_F(RealFilesTest, AnExactNameComesFirst) {
  SearchRequest req;
  req.text = "Lovely happy Doll";
  req.limit = 5;
  auto r = searcher_->Search(req);
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->hits.empty());
  EXPECT_EQ(ExactKey(r->hits[0].name), "lovely happy doll") << r->hits[0].case_number;
  // A case number, typed as it is written, finds that alert first.
  req.text = r->hits[0].case_number;
  auto c = searcher_->Search(req);
  ASSERT_TRUE(c.ok());
  ASSERT_FALSE(c->hits.empty());
  EXPECT_EQ(c->hits[0].case_number, req.text);
}

TEST_F(RealFilesTest, OrAndPhrases) {
  auto total = [&](const std::string& q) {
    SearchRequest req;
    req.text = q;
    req.limit = 0;
    auto r = searcher_->Search(req);
    EXPECT_TRUE(r.ok()) << q;
    return r.ok() ? r->total : -1;
  };
  const int64_t a = total("phthalate"), b = total("DEHP"), ab = total("phthalate OR DEHP"), both = total("phthalate DEHP");
  EXPECT_GE(ab, std::max(a, b));
  EXPECT_LE(ab, a + b);
  EXPECT_LE(both, std::min(a, b));
  EXPECT_GT(ab, 5);  // the old reading (all three words) found 5
  EXPECT_LE(total("\"small parts\""), total("small parts"));
}

TEST_F(RealFilesTest, TextsAreDecodedOnceAndLinksOpen) {
  Stmt s;
  ASSERT_TRUE(s.Prepare(store_->handle(),
                        "SELECT count(*) FROM alerts WHERE name LIKE '%&amp;%' OR brand LIKE '%&amp;%' "
                        "OR product LIKE '%&amp;%' OR description LIKE '%&amp;%' OR name LIKE '%&quot;%' "
                        "OR description LIKE '%&#39;%'").ok());
  ASSERT_EQ(s.Step(), SQLITE_ROW);
  EXPECT_EQ(s.Int(0), 0);
  if (s.Int(0) != 0) {
    Stmt which;
    ASSERT_TRUE(which.Prepare(store_->handle(),
                              "SELECT case_number, name || ' | ' || brand || ' | ' || product || ' | ' || description FROM alerts "
                              "WHERE name LIKE '%&amp;%' OR brand LIKE '%&amp;%' OR product LIKE '%&amp;%' OR description LIKE "
                              "'%&amp;%' OR name LIKE '%&quot;%' OR description LIKE '%&#39;%' LIMIT 3").ok());
    while (which.Step() == SQLITE_ROW) ADD_FAILURE() << which.Text(0) << ": " << which.Text(1);
  }
  Stmt neg;
  ASSERT_TRUE(neg.Prepare(store_->handle(), "SELECT reference FROM alerts WHERE reference LIKE '%/-%' LIMIT 1").ok());
  ASSERT_EQ(neg.Step(), SQLITE_ROW);  // the 2005-2013 alerts do carry negative ids
  EXPECT_EQ(PortalUrl(neg.Text(0)), "");
  Stmt pos;
  ASSERT_TRUE(pos.Prepare(store_->handle(), "SELECT reference FROM alerts WHERE report_date >= '2024-01-01' LIMIT 1").ok());
  ASSERT_EQ(pos.Step(), SQLITE_ROW);
  EXPECT_EQ(PortalUrl(pos.Text(0)), pos.Text(0));
}

TEST_F(RealFilesTest, TheYearFacetShowsTheGap) {
  SearchRequest req;
  req.limit = 0;
  auto r = searcher_->Search(req);
  ASSERT_TRUE(r.ok());
  std::map<std::string, int64_t> years;
  std::vector<std::string> order;
  for (const FacetCount& c : r->facets[static_cast<size_t>(Facet::kYear)]) {
    years[c.value] = c.count;
    order.push_back(c.value);
  }
  EXPECT_TRUE(std::is_sorted(order.begin(), order.end()));
  // No reports between 2013 week 36 and 2020 week 26: those years are there with 0.
  for (const char* y : {"2014", "2015", "2016", "2017", "2018", "2019"}) {
    ASSERT_EQ(years.count(y), 1u) << y;
    EXPECT_EQ(years[y], 0) << y;
  }
  auto newest = store_->NewestReportDate();
  ASSERT_TRUE(newest.ok());
  EXPECT_EQ(newest->substr(0, 4), order.back());
}

}  // namespace
}  // namespace eucomply::alerts
