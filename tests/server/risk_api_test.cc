// The risk routes (POST /api/v1/risk, GET /api/v1/risk/hazards) as plain function calls, on
// the bundled knowledge base and hazard library.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "server/api.h"
#include "test_env.h"

namespace eucomply::server {
namespace {

using nlohmann::json;

ApiResponse Call(Api& api, const std::string& method, const std::string& target, const std::string& body = "") {
  ApiRequest r;
  r.method = method;
  r.target = target;
  r.body = body;
  return api.Handle(r);
}

class RiskApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    ApiOptions o;
    o.kb = testing::TestKb();
    auto lib = risk::LoadHazardLibrary(*o.kb, std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/risk");
    ASSERT_TRUE(lib.ok()) << lib.status().ToString();
    o.hazards = *lib;
    o.data_dir = "/nonexistent-eucomply-risk-test";
    api_ = new Api(std::move(o));
  }
  static void TearDownTestSuite() { delete api_; }
  static Api* api_;
};
Api* RiskApiTest::api_ = nullptr;

const char* kRabbit = R"({"product": {"name": "Plush rabbit", "category": "plush_toy"},
  "user": {"group": "child", "age_months": 18},
  "scenarios": [{"hazard": "small_parts", "severity": 4, "steps": [
    {"text": "an eye comes off when pulled", "probability": "1/10"},
    {"text": "the child puts it in the mouth", "probability": 0.5},
    {"text": "it blocks the airway", "probability": "1/100"}]}]})";

TEST_F(RiskApiTest, AssessesTheIssueExample) {
  ApiResponse r = Call(*api_, "POST", "/api/v1/risk", kRabbit);
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = json::parse(r.Body());
  EXPECT_EQ(j["level"], "serious");
  EXPECT_EQ(j["scenarios"][0]["probability"], "1/2 000");
  EXPECT_EQ(j["scenarios"][0]["band"], 4);
  EXPECT_EQ(j["scenarios"][0]["level"], "serious");
  EXPECT_TRUE(j["presumption"]["applies"].get<bool>());
  EXPECT_EQ(j["presumption"]["grounds"][0]["point"], "4.1(e)(i)");
  EXPECT_EQ(j["sensitivity"].size(), 7u);  // 3 steps x2, severity down (4 is the top)
  EXPECT_FALSE(j.contains("report"));
}

TEST_F(RiskApiTest, ChineseAndTheReport) {
  ApiResponse r = Call(*api_, "POST", "/api/v1/risk?lang=zh&report=markdown", kRabbit);
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = json::parse(r.Body());
  EXPECT_EQ(j["level_name"], "严重风险");
  ASSERT_TRUE(j["report"].is_string());
  EXPECT_NE(j["report"].get<std::string>().find("# 风险评估报告"), std::string::npos);
}

TEST_F(RiskApiTest, ErrorsNameTheJsonPointer) {
  std::string body = kRabbit;
  body.replace(body.find("\"severity\": 4"), 13, "\"severity\": 7");
  ApiResponse r = Call(*api_, "POST", "/api/v1/risk", body);
  ASSERT_EQ(r.status, 400) << r.Body();
  json d = json::parse(r.Body())["error"]["details"][0];
  EXPECT_EQ(d["pointer"], "/scenarios/0/severity") << d;
  r = Call(*api_, "POST", "/api/v1/risk", "{\"scenarios\": [");
  EXPECT_EQ(r.status, 400) << r.Body();
  r = Call(*api_, "POST", "/api/v1/risk?colour=red", kRabbit);
  EXPECT_EQ(r.status, 400) << r.Body();
}

TEST_F(RiskApiTest, HazardsForACategoryOrAText) {
  ApiResponse r = Call(*api_, "GET", "/api/v1/risk/hazards?category=plush_toy");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = json::parse(r.Body());
  EXPECT_EQ(j["category"], "plush_toy");
  ASSERT_FALSE(j["suggested"].empty());
  bool small = false;
  for (const json& s : j["suggested"]) small = small || s["hazard"] == "small_parts";
  EXPECT_TRUE(small);
  ASSERT_EQ(j["matrix"].size(), 8u);
  EXPECT_EQ(j["matrix"][3][0], "low");     // > 1/1 000, severity 1 (the folding chair)
  EXPECT_EQ(j["matrix"][0][0], "high");
  EXPECT_EQ(j["matrix"][7][3], "low");
  json t = json::parse(Call(*api_, "GET", "/api/v1/risk/hazards?text=USB%20charger%205V%202A&lang=zh").Body());
  EXPECT_FALSE(t["suggested"].empty()) << t.dump();
  EXPECT_EQ(Call(*api_, "GET", "/api/v1/risk/hazards?category=unicorn").status, 400);
}

TEST(RiskApiNoLibraryTest, AnswersUnavailable) {
  ApiOptions o;
  o.kb = testing::TestKb();
  o.data_dir = "/nonexistent-eucomply-risk-test";
  Api api(std::move(o));
  EXPECT_EQ(Call(api, "POST", "/api/v1/risk", kRabbit).status, 503);
  EXPECT_EQ(Call(api, "GET", "/api/v1/risk/hazards").status, 503);
}

}  // namespace
}  // namespace eucomply::server
