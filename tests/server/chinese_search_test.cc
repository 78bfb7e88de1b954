// Chinese alert searches (issue 14): the whole Safety Gate history imported once, searched
// through the API with Chinese product words, which the bilingual lexicon expands to English.
#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "alerts/importer.h"
#include "alerts/store.h"
#include "server/api.h"
#include "server/query_expansion.h"
#include "test_env.h"

namespace eucomply::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

class ChineseSearchTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new fs::path(fs::temp_directory_path() / ("eucomply-zh-search-" + std::to_string(::getpid())));
    fs::remove_all(*dir_);
    fs::create_directories(*dir_);
    {
      auto store = alerts::AlertStore::Open((*dir_ / "alerts.sqlite").string());
      ASSERT_TRUE(store.ok()) << store.status().ToString();
      auto s = alerts::ImportPaths(**store, {std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports"},
                                   alerts::ImportOptions{});
      ASSERT_TRUE(s.ok()) << s.status().ToString();
    }
    ApiOptions o;
    o.kb = testing::TestKb();
    o.data_dir = dir_->string();
    api_ = new Api(std::move(o));
  }
  static void TearDownTestSuite() {
    delete api_;
    fs::remove_all(*dir_);
    delete dir_;
  }
  static json Search(const std::string& q_encoded) {
    ApiRequest r;
    r.method = "GET";
    r.target = "/api/v1/alerts/search?limit=25&q=" + q_encoded;
    ApiResponse a = api_->Handle(r);
    EXPECT_EQ(a.status, 200) << a.Body();
    return json::parse(a.Body());
  }
  // The share of the hits whose product type contains one of `words`.
  static double Share(const json& j, std::initializer_list<const char*> words) {
    int n = 0, same = 0;
    for (const json& h : j["hits"]) {
      ++n;
      std::string p = h["product"].get<std::string>() + " " + h["name"].get<std::string>();
      for (char& c : p) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      for (const char* w : words) {
        if (p.find(w) != std::string::npos) {
          ++same;
          break;
        }
      }
    }
    return n ? static_cast<double>(same) / n : 0;
  }
  static fs::path* dir_;
  static Api* api_;
};
fs::path* ChineseSearchTest::dir_ = nullptr;
Api* ChineseSearchTest::api_ = nullptr;

TEST_F(ChineseSearchTest, PowerBanks) {
  json j = Search("%E5%85%85%E7%94%B5%E5%AE%9D");  // 充电宝
  EXPECT_EQ(j["query"], "充电宝");
  ASSERT_TRUE(j.contains("expanded_query")) << j.dump().substr(0, 300);
  EXPECT_NE(j["expanded_query"].get<std::string>().find("power bank"), std::string::npos);
  EXPECT_GT(j["total"].get<int>(), 20);
  EXPECT_GE(Share(j, {"power bank", "powerbank", "portable charger", "battery pack", "power station"}), 0.8) << j["hits"].dump().substr(0, 500);
}

TEST_F(ChineseSearchTest, PlushToys) {
  json j = Search("%E6%AF%9B%E7%BB%92%E7%8E%A9%E5%85%B7");  // 毛绒玩具
  EXPECT_GT(j["total"].get<int>(), 50);
  EXPECT_GE(Share(j, {"plush", "soft toy", "stuffed", "teddy", "cuddly"}), 0.8);
}

TEST_F(ChineseSearchTest, ChildrensHoodies) {
  json j = Search("%E5%84%BF%E7%AB%A5%E5%8D%AB%E8%A1%A3");  // 儿童卫衣
  EXPECT_GT(j["total"].get<int>(), 5) << j.dump().substr(0, 300);
  EXPECT_GE(Share(j, {"hood", "sweatshirt", "sweater", "jacket", "jumper"}), 0.8) << j["hits"].dump().substr(0, 600);
}

TEST(QueryExpansion, OnlyChineseIsExpanded) {
  const auto& kb = *testing::TestKb();
  EXPECT_EQ(ExpandChinese(kb, "power bank").text, "power bank");
  EXPECT_TRUE(ExpandChinese(kb, "power bank").terms.empty());
  Expansion e = ExpandChinese(kb, "20000mAh 充电宝");
  ASSERT_EQ(e.terms.size(), 1u);
  EXPECT_EQ(e.terms[0]["zh"], "充电宝");
  EXPECT_NE(e.text.find("20000mAh"), std::string::npos);  // other words stay
  EXPECT_EQ(ExpandChinese(kb, "无人知道的词").text, "无人知道的词");  // nothing known: unchanged
}

}  // namespace
}  // namespace eucomply::server
