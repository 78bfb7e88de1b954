// The API's handlers, called as plain functions (no socket): routes, validation errors with
// JSON pointers, languages, alert routes over a small real store, static files.
#include "server/api.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "server/compression.h"
#include "test_env.h"

namespace eucomply::server {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

using testing::Gunzip;

class ApiTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    data_dir_ = new std::string(testing::MakeAlertDataDir("api"));
    ApiOptions o;
    o.kb = testing::TestKb();
    o.data_dir = *data_dir_;
    o.version = "9.9.9";
    o.today = Date::Parse("2026-11-24");
    api_ = new Api(std::move(o));
  }
  static void TearDownTestSuite() {
    delete api_;
    fs::remove_all(*data_dir_);
    delete data_dir_;
  }

  static ApiResponse Call(const std::string& method, const std::string& target,
                          const std::string& body = "", const std::string& accept_language = "",
                          const std::string& accept_encoding = "") {
    ApiRequest r;
    r.method = method;
    r.target = target;
    r.body = body;
    r.accept_language = accept_language;
    r.accept_encoding = accept_encoding;
    return api_->Handle(r);
  }
  static json Json(const ApiResponse& r) { return json::parse(r.Body()); }

  // The first error detail of a 400 answer.
  static json FirstDetail(const ApiResponse& r) {
    EXPECT_EQ(r.status, 400) << r.Body();
    json j = Json(r);
    EXPECT_EQ(j["error"]["code"], "invalid_argument");
    EXPECT_FALSE(j["error"]["details"].empty()) << r.Body();
    return j["error"]["details"].empty() ? json::object() : j["error"]["details"][0];
  }

  static Api* api_;
  static std::string* data_dir_;
};

Api* ApiTest::api_ = nullptr;
std::string* ApiTest::data_dir_ = nullptr;

TEST_F(ApiTest, HealthReportsKnowledgeBaseAndAlerts) {
  ApiResponse r = Call("GET", "/api/v1/health");
  ASSERT_EQ(r.status, 200) << r.Body();
  EXPECT_EQ(r.content_type, "application/json");
  json j = Json(r);
  EXPECT_EQ(j["status"], "ok");
  EXPECT_EQ(j["knowledge_base"]["acts"], api_->kb().acts().size());
  EXPECT_TRUE(j["alerts"]["available"].get<bool>());
  EXPECT_GT(j["alerts"]["count"].get<int>(), 100);
}

TEST_F(ApiTest, Version) {
  json j = Json(Call("GET", "/api/v1/version"));
  EXPECT_EQ(j["version"], "9.9.9");
  EXPECT_EQ(j["api"], "v1");
}

TEST_F(ApiTest, AssessProductDocument) {
  ApiResponse r = Call("POST", "/api/v1/assess",
                       R"({"name": "Kettle", "category": "kettle", "as_of": "2026-01-01"})");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  EXPECT_EQ(j["as_of"], "2026-01-01");
  EXPECT_EQ(j["lang"], "en");
  EXPECT_EQ(j["product"]["category"]["id"], "kettle");
  bool lvd = false;
  for (const json& a : j["acts"]) {
    if (a["short_name"] == "LVD") lvd = a["status"] == "applies";
  }
  EXPECT_TRUE(lvd) << "LVD applies to a mains kettle";
  EXPECT_TRUE(j.contains("next_question"));
}

// The taxonomy and the attributes, as a program writing product documents needs them.
TEST_F(ApiTest, CategoriesAndAttributes) {
  json cats = Json(Call("GET", "/api/v1/categories"));
  ASSERT_EQ(cats["count"], api_->kb().categories().size());
  const json* kettle = nullptr;
  for (const json& c : cats["categories"]) {
    if (c["id"] == "kettle") kettle = &c;
  }
  ASSERT_NE(kettle, nullptr);
  EXPECT_FALSE((*kettle)["parents"].empty());
  EXPECT_EQ((*kettle)["defaults"]["is_electrical"], "true") << kettle->dump();
  json zh = Json(Call("GET", "/api/v1/categories?lang=zh"));
  EXPECT_NE(zh["categories"][0]["name"], cats["categories"][0]["name"]);

  json attrs = Json(Call("GET", "/api/v1/attributes"));
  ASSERT_EQ(attrs["count"], api_->kb().attributes().size());
  bool voltage = false, with_values = false;
  for (const json& a : attrs["attributes"]) {
    if (a["id"] == "voltage_ac") {
      voltage = true;
      EXPECT_EQ(a["type"], "number");
      EXPECT_EQ(a["unit"], "V");
      EXPECT_FALSE(a["question"].get<std::string>().empty());
    }
    if (a["type"] == "enum") with_values = with_values || !a["values"].empty();
  }
  EXPECT_TRUE(voltage);
  EXPECT_TRUE(with_values);
  EXPECT_EQ(Call("GET", "/api/v1/attributes?x=1").status, 400);
}

TEST_F(ApiTest, RepeatedAssessmentsComeFromTheCache) {
  const std::string body = R"({"category": "plush_toy", "name": "cache test"})";
  uint64_t hits = api_->cache().hits();
  ApiResponse first = Call("POST", "/api/v1/assess", body);
  ApiResponse second = Call("POST", "/api/v1/assess", body);
  ASSERT_EQ(second.status, 200);
  EXPECT_EQ(second.Body(), first.Body());
  EXPECT_EQ(api_->cache().hits(), hits + 1);
  // Another language is another answer.
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess", body, "zh"))["lang"], "zh");
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess?lang=zh", body))["lang"], "zh");
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess", body))["lang"], "en");
}

std::string Header(const ApiResponse& r, const std::string& name) {
  for (const auto& [n, v] : r.headers) {
    if (n == name) return v;
  }
  return "";
}

TEST_F(ApiTest, GzipWhenTheClientAcceptsIt) {
  const std::string body = R"({"category": "hair_dryer", "name": "gzip test"})";
  ApiResponse plain = Call("POST", "/api/v1/assess", body);
  ASSERT_EQ(plain.status, 200);
  EXPECT_EQ(plain.content_encoding, "");
  EXPECT_EQ(Header(plain, "Vary"), "Accept-Language, Accept-Encoding");
  uint64_t hits = api_->cache().hits();
  // First gzip request: compressed from the cached plain answer; then from the cache.
  for (int i = 0; i < 2; ++i) {
    ApiResponse gz = Call("POST", "/api/v1/assess", body, "", "br, gzip;q=0.8");
    ASSERT_EQ(gz.status, 200);
    EXPECT_EQ(gz.content_encoding, "gzip");
    EXPECT_LT(gz.Body().size(), plain.Body().size() / 3);
    EXPECT_EQ(Gunzip(gz.Body()), plain.Body());
  }
  EXPECT_EQ(api_->cache().hits(), hits + 2);
  // Refused gzip, and answers not from the cache (acts: computed each time).
  EXPECT_EQ(Call("POST", "/api/v1/assess", body, "", "gzip;q=0").content_encoding, "");
  ApiResponse acts = Call("GET", "/api/v1/acts", "", "", "gzip");
  EXPECT_EQ(acts.content_encoding, "gzip");
  EXPECT_EQ(json::parse(Gunzip(acts.Body()))["count"], api_->kb().acts().size());
  // Small answers are not worth it; errors keep their status.
  EXPECT_EQ(Call("GET", "/api/v1/version", "", "", "gzip").content_encoding, "");
  ApiResponse bad = Call("POST", "/api/v1/assess", "{", "", "gzip");
  EXPECT_EQ(bad.status, 400);
}

TEST(CompressionTest, AcceptEncoding) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));
  EXPECT_TRUE(AcceptsGzip("deflate, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_TRUE(AcceptsGzip("*"));
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, gzip ; q=0.001"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("identity"));
  EXPECT_FALSE(AcceptsGzip("br, deflate"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0.000, *"));
  EXPECT_FALSE(AcceptsGzip("*;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=abc"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=2"));
  EXPECT_FALSE(AcceptsGzip("gzipx"));
}

TEST(CompressionTest, GzipRoundTrip) {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "{\"act\": \"LVD\", \"n\": " + std::to_string(i) + "},";
  for (int level : {1, 6, 9}) {
    std::string gz = Gzip(text, level);
    ASSERT_GE(gz.size(), 18u);
    EXPECT_EQ(static_cast<unsigned char>(gz[0]), 0x1f);
    EXPECT_EQ(static_cast<unsigned char>(gz[1]), 0x8b);
    EXPECT_LT(gz.size(), text.size() / 4);
    EXPECT_EQ(Gunzip(gz), text);
  }
  EXPECT_EQ(Gunzip(Gzip("", 1)), "");
  EXPECT_TRUE(Compressible("application/json"));
  EXPECT_TRUE(Compressible("text/html; charset=utf-8"));
  EXPECT_FALSE(Compressible("image/png"));
}

// Alert answers are cached until alerts are committed, by this process or another: an
// import through a second connection (as `eucomply alerts import` would do while the server
// runs) shows in the next search, facets included.
TEST(AlertChangesTest, AnswersFollowImportsByOtherConnections) {
  const std::string dir = testing::MakeAlertDataDir("changes");
  ApiOptions o;
  o.kb = testing::TestKb();
  o.data_dir = dir;
  o.today = Date::Parse("2026-11-24");
  Api api(std::move(o));
  auto search = [&] {
    ApiRequest r;
    r.method = "GET";
    r.target = "/api/v1/alerts/search?limit=1&facet_limit=1000";
    ApiResponse a = api.Handle(r);
    EXPECT_EQ(a.status, 200) << a.Body();
    return json::parse(a.Body());
  };
  const json before = search();
  const uint64_t hits = api.cache().hits();
  EXPECT_EQ(search(), before);
  EXPECT_EQ(api.cache().hits(), hits + 1) << "a repeated search comes from the cache";

  auto other = alerts::AlertStore::Open(dir + "/alerts.sqlite");
  ASSERT_TRUE(other.ok()) << other.status().ToString();
  alerts::ImportOptions opts;
  opts.parse_threads = 1;
  auto summary = alerts::ImportPaths(
      **other, {std::string(EUCOMPLY_SHARED_DIR) + "/data/safety-gate/weekly-reports/report_10000316.xml.gz"},
      opts);
  ASSERT_TRUE(summary.ok()) << summary.status().ToString();
  ASSERT_GT(summary->alerts_added, 0);

  const json after = search();
  EXPECT_EQ(after["total"].get<int64_t>(), before["total"].get<int64_t>() + summary->alerts_added);
  int64_t by_year = 0;
  for (const json& f : after["facets"]["year"]) by_year += f["count"].get<int64_t>();
  EXPECT_EQ(by_year, after["total"].get<int64_t>()) << "the facet table was reloaded";
  std::filesystem::remove_all(dir);
}

TEST(ResponseCacheTest, StaysUnderItsBound) {
  ResponseCache cache(4000);
  for (int i = 0; i < 100; ++i) {
    cache.Put("k" + std::to_string(i), std::make_shared<const std::string>(std::string(500, 'x')));
  }
  EXPECT_EQ(cache.Get("k0"), nullptr);
  ASSERT_NE(cache.Get("k99"), nullptr);
  EXPECT_EQ(cache.Get("k99")->size(), 500u);
  ResponseCache off(0);
  off.Put("a", std::make_shared<const std::string>("b"));
  EXPECT_EQ(off.Get("a"), nullptr);
}

TEST_F(ApiTest, AssessUsesTodayWhenNoDateIsGiven) {
  json j = Json(Call("POST", "/api/v1/assess", R"({"category": "kettle"})"));
  EXPECT_EQ(j["as_of"], "2026-11-24");
}

TEST_F(ApiTest, LanguageFromQueryThenAcceptLanguage) {
  const std::string body = R"({"category": "kettle"})";
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess?lang=zh", body))["lang"], "zh");
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess", body, "zh-CN,zh;q=0.9,en;q=0.8"))["lang"], "zh");
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess", body, "fr-FR,en;q=0.5,zh;q=0.4"))["lang"], "en");
  EXPECT_EQ(Json(Call("POST", "/api/v1/assess?lang=en", body, "zh-CN"))["lang"], "en");
  json d = FirstDetail(Call("POST", "/api/v1/assess?lang=fr", body));
  EXPECT_EQ(d["parameter"], "lang");
  // Chinese act titles reach the reference endpoints too.
  json act = Json(Call("GET", "/api/v1/acts/LVD", "", "zh"));
  EXPECT_NE(act["title"], Json(Call("GET", "/api/v1/acts/LVD"))["title"]);
}

TEST_F(ApiTest, RequestLangTable) {
  struct Case {
    const char* target;
    const char* accept;
    Lang want;
  } cases[] = {
      {"/", "", Lang::kEn},
      {"/", "zh", Lang::kZh},
      {"/", "zh-Hans-CN", Lang::kZh},
      {"/", "en-GB,zh;q=0.9", Lang::kEn},
      {"/", "de,zh;q=0.1", Lang::kZh},
      {"/", "zh;q=0.2, en;q=0.3", Lang::kEn},
      {"/?lang=zh-CN", "en", Lang::kZh},
  };
  for (const Case& c : cases) {
    auto t = ParseTarget(c.target);
    ASSERT_TRUE(t.ok());
    auto l = RequestLang(*t, c.accept);
    ASSERT_TRUE(l.ok()) << c.target << " " << c.accept;
    EXPECT_EQ(*l, c.want) << c.target << " " << c.accept;
  }
}

TEST_F(ApiTest, MalformedJsonNamesLineAndColumn) {
  json d = FirstDetail(Call("POST", "/api/v1/assess", "{\"name\": \"x\",\n  \"category\": }"));
  EXPECT_EQ(d["pointer"], "");
  EXPECT_EQ(d["line"], 2);
  EXPECT_NE(d["message"].get<std::string>().find("malformed JSON"), std::string::npos);
}

TEST_F(ApiTest, WrongTypesAndUnknownFieldsNameTheirPointer) {
  struct Case {
    const char* body;
    const char* pointer;
  } cases[] = {
      {R"({"attributes": {"voltage_ac": true}})", "/attributes/voltage_ac"},
      {R"({"attributes": {"no_such_attribute": 1}})", "/attributes/no_such_attribute"},
      {R"({"attributes": []})", "/attributes"},
      {R"({"colour": "red"})", "/colour"},
      {R"({"category": "spaceship"})", "/category"},
      {R"({"name": 42})", "/name"},
      {R"({"text": 42})", "/text"},
      {R"({"as_of": "tomorrow"})", "/as_of"},
      {R"({"as_of": 20260101})", "/as_of"},
      {R"({"skip": ["category"]})", "/skip"},
      {R"([1, 2])", ""},
      {R"("text")", ""},
      {"", ""},
  };
  for (const Case& c : cases) {
    json d = FirstDetail(Call("POST", "/api/v1/assess", c.body));
    EXPECT_EQ(d["pointer"], c.pointer) << c.body;
  }
}

TEST_F(ApiTest, EveryProblemIsReportedAtOnce) {
  ApiResponse r = Call("POST", "/api/v1/assess",
                       R"({"text": 1, "as_of": "x", "attributes": {"voltage_ac": true}})");
  ASSERT_EQ(r.status, 400);
  EXPECT_EQ(Json(r)["error"]["details"].size(), 3u) << r.Body();
}

TEST_F(ApiTest, FreeTextIntake) {
  ApiResponse r = Call("POST", "/api/v1/assess", R"({"text": "USB-C charger 5V 3A"})");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  EXPECT_EQ(j["product"]["description"], "USB-C charger 5V 3A");
  // Given values win over the text.
  r = Call("POST", "/api/v1/assess", R"({"text": "plush toy", "category": "kettle"})");
  ASSERT_EQ(r.status, 200) << r.Body();
  EXPECT_EQ(Json(r)["product"]["category"]["id"], "kettle");
}

TEST_F(ApiTest, NextQuestion) {
  ApiResponse r = Call("POST", "/api/v1/next-question", "{}");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  ASSERT_FALSE(j["question"].is_null());
  EXPECT_EQ(j["question"]["attribute"], "category");
  EXPECT_FALSE(j["undetermined"].empty());
  json k = Json(Call("POST", "/api/v1/next-question", R"({"skip": ["category"]})"));
  ASSERT_FALSE(k["question"].is_null());
  EXPECT_NE(k["question"]["attribute"], "category");
  EXPECT_EQ(FirstDetail(Call("POST", "/api/v1/next-question", R"({"skip": ["nope"]})"))["pointer"],
            "/skip/0");
  EXPECT_EQ(FirstDetail(Call("POST", "/api/v1/next-question", R"({"skip": "category"})"))["pointer"],
            "/skip");
}

TEST_F(ApiTest, ActsAndStandards) {
  json acts = Json(Call("GET", "/api/v1/acts"));
  EXPECT_EQ(acts["count"], api_->kb().acts().size());
  EXPECT_FALSE(acts["acts"][0].contains("scope"));
  json lvd = Json(Call("GET", "/api/v1/acts/32014L0035"));
  EXPECT_EQ(lvd["short_name"], "LVD");
  EXPECT_TRUE(lvd.contains("scope"));
  EXPECT_EQ(Json(Call("GET", "/api/v1/acts/LVD"))["celex"], "32014L0035");
  EXPECT_EQ(Call("GET", "/api/v1/acts/NOPE").status, 404);
  json all = Json(Call("GET", "/api/v1/standards"));
  EXPECT_EQ(all["count"], api_->kb().standards().size());
  json some = Json(Call("GET", "/api/v1/standards?act=LVD"));
  EXPECT_GT(some["count"].get<int>(), 0);
  EXPECT_LT(some["count"].get<int>(), all["count"].get<int>());
  EXPECT_EQ(FirstDetail(Call("GET", "/api/v1/standards?act=NOPE"))["parameter"], "act");
  EXPECT_EQ(FirstDetail(Call("GET", "/api/v1/acts?sort=name"))["parameter"], "sort");
}

TEST_F(ApiTest, AlertSearchWithFiltersAndFacets) {
  ApiResponse r = Call("GET", "/api/v1/alerts/search?q=charger&limit=5");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  EXPECT_GT(j["total"].get<int>(), 0);
  EXPECT_LE(j["hits"].size(), 5u);
  EXPECT_EQ(j["facets"].size(), 8u);
  json old = Json(Call("GET", "/api/v1/alerts/search?from=2005&to=2005-12-31&limit=100"));
  ASSERT_GT(old["total"].get<int>(), 0);
  for (const json& h : old["hits"]) EXPECT_EQ(h["report_date"].get<std::string>().substr(0, 4), "2005");
  json china = Json(Call("GET", "/api/v1/alerts/search?origin=china&limit=0"));
  json both = Json(Call("GET", "/api/v1/alerts/search?origin=china&level=serious&limit=0"));
  EXPECT_GT(china["total"].get<int>(), 0);
  EXPECT_LE(both["total"].get<int>(), china["total"].get<int>());
  json all = Json(Call("GET", "/api/v1/alerts/search?limit=0"));
  EXPECT_LT(china["total"].get<int>(), all["total"].get<int>());
}

TEST_F(ApiTest, AlertSearchRejectsBadParameters) {
  struct Case {
    const char* target;
    const char* parameter;
  } cases[] = {
      {"/api/v1/alerts/search?from=abc", "from"},
      {"/api/v1/alerts/search?to=20", "to"},
      {"/api/v1/alerts/search?from=2020&to=2010", "from"},
      {"/api/v1/alerts/search?limit=1000", "limit"},
      {"/api/v1/alerts/search?limit=-1", "limit"},
      {"/api/v1/alerts/search?offset=x", "offset"},
      {"/api/v1/alerts/search?any=maybe", "any"},
      {"/api/v1/alerts/search?colour=red", "colour"},
      {"/api/v1/alerts/stats?by=colour", "by"},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(FirstDetail(Call("GET", c.target))["parameter"], c.parameter) << c.target;
  }
}

TEST_F(ApiTest, AlertByCaseNumber) {
  json hits = Json(Call("GET", "/api/v1/alerts/search?from=2026&limit=1"))["hits"];
  ASSERT_EQ(hits.size(), 1u);
  std::string c = hits[0]["case_number"];
  ASSERT_NE(c.find('/'), std::string::npos);
  std::string encoded;
  for (char ch : c) encoded += ch == '/' ? std::string("%2F") : std::string(1, ch);
  ApiResponse r = Call("GET", "/api/v1/alerts/" + encoded);
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  EXPECT_EQ(j["case_number"], c);
  EXPECT_EQ(j["alerts"][0]["case_number"], c);
  EXPECT_EQ(Call("GET", "/api/v1/alerts/XX%2F00000%2F99").status, 404);
  // Unencoded slashes make more path segments: no such route.
  EXPECT_EQ(Call("GET", "/api/v1/alerts/" + c).status, 404);
}

TEST_F(ApiTest, AlertStats) {
  json j = Json(Call("GET", "/api/v1/alerts/stats?by=risk"));
  ASSERT_EQ(j["facets"].size(), 1u);
  EXPECT_TRUE(j["facets"].contains("risk"));
  json all = Json(Call("GET", "/api/v1/alerts/stats"));
  EXPECT_EQ(all["facets"].size(), 8u);
  EXPECT_EQ(all["total"], j["total"]);
}

TEST_F(ApiTest, AlertStatsTakeWordsAndDates) {
  json all = Json(Call("GET", "/api/v1/alerts/stats?by=category"));
  json some = Json(Call("GET", "/api/v1/alerts/stats?by=category&q=charger"));
  EXPECT_GT(some["total"].get<int>(), 0);
  EXPECT_LT(some["total"].get<int>(), all["total"].get<int>());
  EXPECT_EQ(some["query"], "charger");
  EXPECT_EQ(some["dates"], "report date");
  // Month and day of a date filter count: a day range inside a year is a subset of it.
  json year = Json(Call("GET", "/api/v1/alerts/search?from=2020&to=2020&limit=0"));
  json part = Json(Call("GET", "/api/v1/alerts/search?from=2020-07-01&to=2020-07-05&limit=100"));
  EXPECT_LE(part["total"].get<int>(), year["total"].get<int>());
  for (const json& h : part["hits"]) {
    EXPECT_GE(h["report_date"].get<std::string>(), "2020-07-01");
    EXPECT_LE(h["report_date"].get<std::string>(), "2020-07-05");
  }
  EXPECT_EQ(FirstDetail(Call("GET", "/api/v1/alerts/search?from=2020-07-05&to=2020-07-01"))["parameter"], "from");
}

TEST_F(ApiTest, MonthlyTrend) {
  json j = Json(Call("GET", "/api/v1/alerts/stats?by=month"));
  ASSERT_TRUE(j["facets"].contains("month")) << j.dump();
  const json& m = j["facets"]["month"];
  ASSERT_FALSE(m.empty());
  int64_t sum = 0;
  std::string last;
  for (const json& x : m) {
    EXPECT_GT(x["value"].get<std::string>(), last);  // every month in order, none skipped twice
    last = x["value"];
    sum += x["count"].get<int64_t>();
  }
  EXPECT_EQ(sum, j["total"].get<int64_t>());
  // Consecutive months: the gaps are there with 0.
  for (size_t i = 1; i < m.size(); ++i) {
    const std::string a = m[i - 1]["value"], b = m[i]["value"];
    const int ai = std::stoi(a.substr(0, 4)) * 12 + std::stoi(a.substr(5, 2)), bi = std::stoi(b.substr(0, 4)) * 12 + std::stoi(b.substr(5, 2));
    EXPECT_EQ(bi, ai + 1) << a << " " << b;
  }
}

TEST_F(ApiTest, AlertSearchExportsEveryMatchAsCsv) {
  json j = Json(Call("GET", "/api/v1/alerts/search?origin=china&limit=5"));
  ApiResponse r = Call("GET", "/api/v1/alerts/search?origin=china&limit=5&format=csv");
  ASSERT_EQ(r.status, 200) << r.Body();
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  const std::string body(r.Body());
  EXPECT_EQ(body.rfind("case_number,report_date,", 0), 0u);
  // Every match (not the page of 5), one line each, after the header. Quoted cells may hold
  // newlines: count the record ends outside quotes.
  int records = 0;
  bool quoted = false;
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '"') quoted = !quoted;
    if (!quoted && body[i] == '\n') ++records;
  }
  EXPECT_EQ(records, j["total"].get<int>() + 1);
  EXPECT_EQ(FirstDetail(Call("GET", "/api/v1/alerts/search?format=pdf"))["parameter"], "format");
  // The same as an XLSX workbook (a zip: "PK"), every cell a string.
  ApiResponse x = Call("GET", "/api/v1/alerts/search?origin=china&format=xlsx");
  ASSERT_EQ(x.status, 200) << x.Body();
  EXPECT_EQ(x.content_type, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(std::string(x.Body()).substr(0, 2), "PK");
  EXPECT_GT(x.Body().size(), 1000u);
}

TEST_F(ApiTest, HealthSaysHowFreshTheAlertsAre) {
  json a = Json(Call("GET", "/api/v1/health"))["alerts"];
  ASSERT_TRUE(a.contains("data_as_of")) << a.dump();
  // The test store's newest report is of 2020, "today" is 2026-11-24: stale, with the command.
  EXPECT_EQ(a["stale"], true);
  EXPECT_NE(a["warning"].get<std::string>().find("eucomply alerts update"), std::string::npos);
}

TEST_F(ApiTest, Lessons) {
  ApiResponse r = Call("POST", "/api/v1/alerts/lessons",
                       R"({"name": "USB charger", "category": "phone_charger", "alerts": 5})");
  ASSERT_EQ(r.status, 200) << r.Body();
  json j = Json(r);
  EXPECT_LE(j["alerts"].size(), 5u);
  EXPECT_EQ(j["product"]["category"], "phone_charger");
  EXPECT_EQ(Call("POST", "/api/v1/alerts/lessons", "{}").status, 400);
  EXPECT_EQ(FirstDetail(Call("POST", "/api/v1/alerts/lessons", R"({"alerts": 0, "name": "x"})"))["pointer"],
            "/alerts");
}

TEST_F(ApiTest, UnknownRoutesAndMethods) {
  ApiResponse r = Call("GET", "/api/v1/nope");
  EXPECT_EQ(r.status, 404);
  EXPECT_EQ(Json(r)["error"]["code"], "not_found");
  r = Call("POST", "/api/v1/acts");
  EXPECT_EQ(r.status, 405);
  ASSERT_FALSE(r.headers.empty());
  EXPECT_EQ(r.headers[0].second, "GET, HEAD");
  EXPECT_EQ(Call("GET", "/api/v1/assess").status, 405);
  EXPECT_EQ(Call("GET", "/api/v1/alerts/lessons").status, 405);
  EXPECT_EQ(Call("DELETE", "/api/v1/alerts/search").status, 405);
  EXPECT_EQ(Call("GET", "/api/v1/acts%zz").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/acts?lang=%").status, 400);
  EXPECT_EQ(Call("GET", "/api/v1/acts/%00").status, 400);
  EXPECT_EQ(Call("GET", "*").status, 400);
  EXPECT_EQ(Call("HEAD", "/api/v1/health").status, 200);
}

TEST_F(ApiTest, MissingAlertStoreAnswers503) {
  ApiOptions o;
  o.kb = testing::TestKb();
  o.data_dir = "/nonexistent/eucomply-data";
  Api api(std::move(o));
  ApiRequest r;
  r.method = "GET";
  r.target = "/api/v1/alerts/search?q=toy";
  ApiResponse res = api.Handle(r);
  EXPECT_EQ(res.status, 503);
  EXPECT_EQ(Json(res)["error"]["code"], "unavailable");
  r.target = "/api/v1/health";
  res = api.Handle(r);
  EXPECT_EQ(res.status, 200);
  EXPECT_FALSE(Json(res)["alerts"]["available"].get<bool>());
  EXPECT_FALSE(fs::exists("/nonexistent/eucomply-data"));
}

TEST(StaticFilesTest, ServesTheWebFolderOnly) {
  fs::path root = fs::temp_directory_path() / ("eucomply-web-" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "web" / "assets");
  std::ofstream(root / "web" / "index.html") << "<!doctype html><title>x</title>";
  std::ofstream(root / "web" / "assets" / "app.js") << "console.log(1)";
  std::ofstream(root / "web" / "assets" / "app.css") << "body{}";
  std::ofstream(root / "secret.txt") << "secret";
  fs::create_symlink(root / "secret.txt", root / "web" / "link.txt");

  ApiOptions o;
  o.kb = testing::TestKb();
  o.web_dir = (root / "web").string();
  Api api(std::move(o));
  auto get = [&](const std::string& target) {
    ApiRequest r;
    r.method = "GET";
    r.target = target;
    return api.Handle(r);
  };
  ApiResponse r = get("/");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/html; charset=utf-8");
  EXPECT_EQ(get("/assets/app.js").content_type, "text/javascript; charset=utf-8");
  EXPECT_EQ(get("/assets/app.css").content_type, "text/css; charset=utf-8");
  EXPECT_EQ(get("/assets/app.js").body, "console.log(1)");
  // The page routes itself: an extensionless path that is no file gets index.html.
  EXPECT_EQ(get("/alerts/search").content_type, "text/html; charset=utf-8");
  for (const char* bad : {"/../secret.txt", "/assets/../../secret.txt", "/%2e%2e/secret.txt",
                          "/assets%2f..%2f..%2fsecret.txt", "/link.txt", "/missing.png",
                          "/.hidden.js"}) {
    ApiResponse b = get(bad);
    EXPECT_EQ(b.status, 404) << bad;
    EXPECT_EQ(b.body.find("secret"), std::string::npos) << bad;
  }
  EXPECT_EQ(get("/x").status, 200);
  ApiRequest post;
  post.method = "POST";
  post.target = "/index.html";
  EXPECT_EQ(api.Handle(post).status, 405);
  fs::remove_all(root);

  ApiOptions none;
  none.kb = testing::TestKb();
  none.web_dir = (root / "nothing").string();
  Api bare(std::move(none));
  ApiRequest r2;
  r2.method = "GET";
  r2.target = "/";
  ApiResponse unbuilt = bare.Handle(r2);
  EXPECT_EQ(unbuilt.status, 404);
  // Issue 10: a page that was never built says which command builds it.
  EXPECT_NE(unbuilt.Body().find("scripts/build-web"), std::string::npos) << unbuilt.Body();
}

}  // namespace
}  // namespace eucomply::server
