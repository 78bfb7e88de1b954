// GET /api/v1/standards (with the Official Journal lists, as of a date) and
// GET /api/v1/standards/{reference}, as plain function calls on the bundled knowledge base.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "server/api.h"
#include "test_env.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

class StandardsApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ApiOptions o;
    o.kb = testing::TestKb();
    auto lists = standards::LoadLists(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/standards/harmonised");
    ASSERT_TRUE(lists.ok()) << lists.status().ToString();
    o.harmonised = std::make_shared<const std::map<std::string, standards::ActList>>(std::move(*lists));
    o.data_dir = "/nonexistent-eucomply-standards-test";
    o.today = Date::Parse("2026-12-02");
    api_ = new Api(std::move(o));
  }
  static void TearDownTestSuite() { delete api_; }
  static ApiResponse Get(const std::string& target) {
    ApiRequest r;
    r.method = "GET";
    r.target = target;
    return api_->Handle(r);
  }
  static Api* api_;
};
Api* StandardsApiTest::api_ = nullptr;

TEST_F(StandardsApiTest, ListsAsOfADate) {
  ApiResponse r = Get("/api/v1/standards?act=LVD&as_of=2025-01-01&q=60335-2-24");
  ASSERT_EQ(r.status, 200) << r.Body();
  json h = json::parse(r.Body())["harmonised"];
  EXPECT_EQ(h["as_of"], "2025-01-01");
  std::set<std::string> states;
  for (const json& row : h["rows"]) states.insert(row["state"].get<std::string>());
  EXPECT_EQ(h["rows"].size(), 2u) << h.dump();  // the 2010 edition (kept) and the 2022 one
  EXPECT_TRUE(states.count("superseded")) << h.dump();
  json later = json::parse(Get("/api/v1/standards?act=LVD&as_of=2025-07-01&q=60335-2-24").Body())["harmonised"];
  EXPECT_EQ(later["rows"].size(), 1u) << later.dump();
  // Without act or words: the count only.
  json all = json::parse(Get("/api/v1/standards").Body())["harmonised"];
  EXPECT_GE(all["count"].get<int>(), 2300);
  EXPECT_TRUE(all["rows"].empty());
  EXPECT_EQ(Get("/api/v1/standards?as_of=yesterday").status, 400);
}

TEST_F(StandardsApiTest, OneReference) {
  ApiResponse r = Get("/api/v1/standards/EN%2060335-2-24%3A2010?as_of=2025-01-01");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = json::parse(r.Body());
  bool found = false;
  for (const json& row : j["rows"]) {
    if (row["act"] == "32014L0035" && row["until"] == "2025-06-13") {
      found = true;
      EXPECT_EQ(row["state"], "superseded");
      EXPECT_EQ(row["superseded_by"], "EN IEC 60335-2-24:2022");
    }
  }
  EXPECT_TRUE(found) << j.dump();
  EXPECT_EQ(Get("/api/v1/standards/EN%2099999-9%3A2099").status, 404);
}

TEST_F(StandardsApiTest, EndOfPresumptionEvents) {
  ApiResponse r = Get("/api/v1/standards/events?act=LVD&from=2027-01-01&to=2027-02-01");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = json::parse(r.Body());
  // 2025/1457 (from 18 January 2027) and 2025/1488 (from 23 January 2027): five LVD rows end.
  EXPECT_EQ(j["count"], 5) << j.dump();
  std::string last;
  for (const json& e : j["events"]) {
    EXPECT_GE(e["until"].get<std::string>(), last);
    last = e["until"].get<std::string>();
    EXPECT_TRUE(e["until"] == "2027-01-18" || e["until"] == "2027-01-23") << e.dump();
  }
  EXPECT_EQ(Get("/api/v1/standards/events?from=soon").status, 400);
}

}  // namespace
}  // namespace eucomply::server
