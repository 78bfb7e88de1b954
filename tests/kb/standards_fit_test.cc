// The standards that fit a product (knowledge/standards/fit, issue 13): in an assessment each
// applying act lists only those, product-specific part first, then general, horizontal and
// customary, with the rows of the act's Official Journal list in force on the date.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/kb.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

class StandardsFitTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    ASSERT_TRUE(kb.ok()) << kb.status().ToString();
    kb_ = *kb;
  }
  static const KnowledgeBase& K() { return *kb_; }
  // "ref (role)" of every fit under act `act`, in order, for the golden product `name`.
  static std::vector<std::string> Fits(const std::string& name, const std::string& act,
                                       const char* date = "2026-12-02") {
    auto p = LoadProductFile(K(), std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/" + name + ".product.yaml");
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return FitsOf(p.ok() ? *p : Product::Empty(K()), act, date);
  }
  static std::vector<std::string> FitsOf(const Product& p, const std::string& act, const char* date) {
    AssessOptions o;
    o.as_of = *Date::Parse(date);
    Assessment a = Assess(K(), p, o);
    std::vector<std::string> out;
    const int i = K().FindAct(act);
    EXPECT_GE(i, 0) << act;
    for (const FitVerdict& f : a.acts[i].fits) {
      std::string ref = !f.rows.empty() ? f.rows.back()->ref
                        : f.fit->standard >= 0 ? K().standards()[f.fit->standard].ref : f.fit->ref;
      out.push_back(ref + " (" + f.fit->role + ")");
    }
    return out;
  }
  static bool Has(const std::vector<std::string>& v, const std::string& prefix) {
    return std::any_of(v.begin(), v.end(), [&](const std::string& s) { return s.rfind(prefix, 0) == 0; });
  }
  static std::shared_ptr<const KnowledgeBase> kb_;
};
std::shared_ptr<const KnowledgeBase> StandardsFitTest::kb_;

TEST_F(StandardsFitTest, ElectricKettle) {
  auto f = Fits("electric_kettle", "LVD");
  ASSERT_EQ(f.size(), 3u) << ::testing::PrintToString(f);
  EXPECT_EQ(f[0], "EN 60335-2-15:2016 (product)");
  EXPECT_EQ(f[1], "EN 60335-1:2012 (general)");
  EXPECT_EQ(f[2], "EN 62233:2008 (horizontal)");
}

TEST_F(StandardsFitTest, PowerBank) {
  auto gpsr = Fits("power_bank", "GPSR");
  EXPECT_TRUE(Has(gpsr, "EN IEC 62368-1 (customary)")) << ::testing::PrintToString(gpsr);
  EXPECT_TRUE(Has(gpsr, "EN IEC 62133-2 (customary)")) << ::testing::PrintToString(gpsr);
  // No welding, UPS or vehicle standards under any act.
  AssessOptions o;
  o.as_of = *Date::Parse("2026-12-02");
  auto p = LoadProductFile(K(), std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/power_bank.product.yaml");
  ASSERT_TRUE(p.ok());
  Assessment a = Assess(K(), *p, o);
  for (const ActVerdict& v : a.acts) {
    for (const FitVerdict& f : v.fits) {
      for (const char* bad : {"60974", "62040", "welding", "Uninterruptible"}) {
        for (const auto* r : f.rows) {
          EXPECT_EQ(r->ref.find(bad), std::string::npos) << r->ref;
          EXPECT_EQ(r->title.find(bad), std::string::npos) << r->title;
        }
      }
    }
  }
}

TEST_F(StandardsFitTest, WoodenToy) {
  Product p = Product::Empty(K());
  ApplyTextIntake(K(), "Wooden baby activity cube with a bead maze, 12 months+", &p);
  auto f = FitsOf(p, "TSD", "2026-12-02");
  EXPECT_TRUE(Has(f, "EN 71-1:")) << ::testing::PrintToString(f);
  EXPECT_TRUE(Has(f, "EN 71-2:"));
  EXPECT_TRUE(Has(f, "EN 71-3:"));
  for (const char* no : {"EN 71-8:", "EN 71-13:", "EN 71-14:", "EN IEC 62115:", "EN 71-4:", "EN 71-5:", "EN 71-7:"}) {
    EXPECT_FALSE(Has(f, no)) << no;
  }
  // An electric toy gets EN IEC 62115, the product-specific part, first.
  auto e = Fits("plush_toy_with_sound", "TSD");
  ASSERT_FALSE(e.empty());
  EXPECT_EQ(e[0].rfind("EN IEC 62115:", 0), 0u) << ::testing::PrintToString(e);
}

TEST_F(StandardsFitTest, ChildrensHoodie) {
  auto f = Fits("children_hoodie", "CORDS");
  EXPECT_TRUE(Has(f, "EN 14682")) << ::testing::PrintToString(f);
}

TEST_F(StandardsFitTest, EditionsFollowTheDate) {
  // Today the rows come from the 2023/2723 list; in 2020 from the 2019/1956 list (and the
  // C-series communication references its annexes kept); before 2019-11-27, the first L-series
  // list of the corpus, only references of the C-series communication (no OJ L row of ours).
  auto rows_on = [&](const char* date) {
    auto p = LoadProductFile(K(), std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/electric_kettle.product.yaml");
    AssessOptions o;
    o.as_of = *Date::Parse(date);
    Assessment a = Assess(K(), *p, o);
    std::vector<const standards::ListedStandard*> out;
    for (const FitVerdict& f : a.acts[K().FindAct("LVD")].fits) out.insert(out.end(), f.rows.begin(), f.rows.end());
    return out;
  };
  for (const auto* r : rows_on("2026-12-02")) EXPECT_EQ(r->list, "32023D2723") << r->ref;
  bool old_list = false;
  for (const auto* r : rows_on("2020-06-01")) old_list = old_list || r->list == "32019D1956";
  EXPECT_TRUE(old_list);
  for (const auto* r : rows_on("2019-01-01")) EXPECT_FALSE(r->from.has_value()) << r->ref;
}

TEST_F(StandardsFitTest, EveryFitNamesAStandardOfItsActsList) {
  ASSERT_NE(K().harmonised_lists(), nullptr);
  for (const StandardFit& f : K().standard_fits()) {
    if (f.number.empty()) continue;
    EXPECT_FALSE(f.rows.empty()) << f.number << " is in no row of the OJ list of " << K().acts()[f.act].short_name;
  }
}

TEST_F(StandardsFitTest, TheJsonCarriesTheFitAndTheWholeList) {
  auto p = LoadProductFile(K(), std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/electric_kettle.product.yaml");
  ASSERT_TRUE(p.ok());
  AssessOptions o;
  o.as_of = *Date::Parse("2026-12-02");
  Assessment a = Assess(K(), *p, o);
  nlohmann::json j = AssessmentToJson(K(), *p, a, Lang::kZh, std::nullopt);
  for (const auto& act : j["acts"]) {
    if (act["short_name"] != "LVD") continue;
    ASSERT_EQ(act["standards_fit"].size(), 3u);
    const auto& first = act["standards_fit"][0];
    EXPECT_EQ(first["role"], "product");
    EXPECT_TRUE(first["presumption"].get<bool>());
    EXPECT_EQ(first["rows"][0]["list"], "32023D2723");
    EXPECT_EQ(first["rows"][0]["state"], "in_force");
    EXPECT_NE(first["why"].get<std::string>().find("电水壶"), std::string::npos);
    EXPECT_EQ(act["standards_list"]["count"], 577);
    EXPECT_EQ(act["standards_list"]["query"], "/api/v1/standards?act=LVD&as_of=2026-12-02");
  }
}

}  // namespace
}  // namespace eucomply
