// The real `eucomply` binary: exit codes, error messages with their places, output formats
// and the interactive flow, on the small knowledge base tests/data/kb-mini.
#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <string>
#include <unistd.h>

namespace {

struct Output {
  int exit_code;
  std::string out;  // stdout and stderr together
};

Output Exec(const std::string& args, const std::string& stdin_text = "") {
  std::string cmd;
  if (!stdin_text.empty()) {
    cmd = "printf '" + stdin_text + "' | ";  // stdin_text is a printf format: \n for newlines
  }
  cmd += std::string(EUCOMPLY_BIN) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  Output r{-1, ""};
  if (!p) return r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

const std::string kMini = std::string("--kb ") + EUCOMPLY_SOURCE_DIR + "/tests/data/kb-mini";
const std::string kData = std::string(EUCOMPLY_SOURCE_DIR) + "/tests/cli/data/";

TEST(CliTest, AssessPrintsVerdictsWithCitations) {
  Output r = Exec("assess " + kData + "kettle.yaml --as-of 2026-11-24 " + kMini);
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("VOLT"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("39999L0001 Art. 1"), std::string::npos) << r.out;
}

TEST(CliTest, JsonOutputFollowsTheSchema) {
  Output r = Exec("assess " + kData + "kettle.yaml --as-of 2026-11-24 --format json --lang zh " + kMini);
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["as_of"], "2026-11-24");
  ASSERT_TRUE(j["acts"].is_array());
  bool volt = false;
  for (const auto& a : j["acts"]) {
    for (const char* k : {"celex", "short_name", "status", "reasons", "missing_attributes",
                          "obligations"}) {
      EXPECT_TRUE(a.contains(k)) << k;
    }
    if (a["short_name"] == "VOLT") {
      volt = true;
      EXPECT_EQ(a["status"], "applies");
      EXPECT_EQ(a["title"], "电压法");
      EXPECT_EQ(a["reasons"][0]["citation"], "39999L0001 Art. 1");
    }
  }
  EXPECT_TRUE(volt);
}

TEST(CliTest, MarkdownAndSummaryFormats) {
  Output md = Exec("assess " + kData + "kettle.yaml --as-of 2026-11-24 --format markdown " + kMini);
  EXPECT_EQ(md.exit_code, 0);
  EXPECT_EQ(md.out.rfind("# EU compliance assessment: Test kettle", 0), 0u) << md.out;
  Output sum = Exec("assess " + kData + "kettle.yaml --as-of 2026-11-24 --format summary " + kMini);
  EXPECT_EQ(sum.out, "VOLT applies\n");
}

TEST(CliTest, BadProductValuesNameTheirPlaceAndFail) {
  Output r = Exec("assess " + kData + "bad_values.yaml " + kMini);
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.out.find("bad_values.yaml:2:21: 'volts': 'kg' is a unit of mass"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("bad_values.yaml:2:27: unknown attribute 'colour'"), std::string::npos) << r.out;
}

TEST(CliTest, MalformedYamlAndWrongJsonTypesFail) {
  Output y = Exec("assess " + kData + "malformed.yaml " + kMini);
  EXPECT_EQ(y.exit_code, 1);
  EXPECT_NE(y.out.find("malformed.yaml:2:1: malformed YAML"), std::string::npos) << y.out;
  Output j = Exec("assess " + kData + "bad_type.json " + kMini);
  EXPECT_EQ(j.exit_code, 1);
  EXPECT_NE(j.out.find("bad_type.json: /attributes/volts: 'volts' must be a number"), std::string::npos) << j.out;
  Output missing = Exec("assess " + kData + "nonexistent.yaml " + kMini);
  EXPECT_EQ(missing.exit_code, 1);
  EXPECT_NE(missing.out.find("cannot open"), std::string::npos) << missing.out;
}

TEST(CliTest, BadOptionsFailWithUsageErrors) {
  Output d = Exec("assess " + kData + "kettle.yaml --as-of 2026-02-30 " + kMini);
  EXPECT_EQ(d.exit_code, 2);
  EXPECT_NE(d.out.find("--as-of must be a date"), std::string::npos) << d.out;
  Output l = Exec("assess " + kData + "kettle.yaml --lang fr " + kMini);
  EXPECT_EQ(l.exit_code, 2);
}

TEST(CliTest, KbCheckListsEveryProblem) {
  Output r = Exec(std::string("kb --kb ") + EUCOMPLY_SOURCE_DIR + "/tests/data/kb-broken check");
  EXPECT_EQ(r.exit_code, 1);
  int lines = 0;
  for (size_t pos = 0; (pos = r.out.find("kb-broken/", pos)) != std::string::npos; ++pos) ++lines;
  EXPECT_GE(lines, 10) << r.out;
  EXPECT_NE(r.out.find("problem(s)"), std::string::npos);
  Output ok = Exec("kb " + kMini + " check");
  EXPECT_EQ(ok.exit_code, 0) << ok.out;
  EXPECT_NE(ok.out.find("4 acts"), std::string::npos) << ok.out;
}

TEST(CliTest, KbActsAndStats) {
  Output acts = Exec("kb " + kMini + " acts --format json");
  ASSERT_EQ(acts.exit_code, 0) << acts.out;
  EXPECT_EQ(nlohmann::json::parse(acts.out).size(), 4u);
  Output stats = Exec("kb " + kMini + " stats --format json");
  ASSERT_EQ(stats.exit_code, 0) << stats.out;
  auto s = nlohmann::json::parse(stats.out);
  EXPECT_EQ(s["acts"], 4);
  EXPECT_EQ(s["obligations"], 5);
}

TEST(CliTest, InteractiveCategoryFromWordsOffersCandidates) {
  // Words instead of an id: the candidates are offered and a number picks one.
  Output r = Exec("assess --interactive --as-of 2026-11-24 --format summary",
                  "soft cuddly plush toy\\n1\\n");
  EXPECT_NE(r.out.find("Did you mean:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1. "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("(plush_toy)"), std::string::npos) << r.out;
  Output none = Exec("assess --interactive --as-of 2026-11-24 --format summary", "qqqq zzzz\\n?\\n");
  EXPECT_NE(none.out.find("no category matches: qqqq zzzz"), std::string::npos) << none.out;
}

TEST(CliTest, JsonShowsCategoryConfidenceAndCandidates) {
  // Confident: the category with its confidence; unsure: no category, the candidates instead.
  Output sure = Exec("assess --text 'Plush teddy bear for babies' --format json --as-of 2026-11-24");
  ASSERT_EQ(sure.exit_code, 0) << sure.out;
  auto s = nlohmann::json::parse(sure.out)["product"];
  EXPECT_EQ(s["category"]["id"], "plush_toy") << s.dump(2);
  EXPECT_EQ(s["category"]["source"], "text");
  EXPECT_GT(s["category"]["confidence"].get<double>(), 0.5);
  EXPECT_LE(s["category"]["confidence"].get<double>(), 1.0);
  EXPECT_FALSE(s.contains("category_candidates"));
  Output unsure = Exec("assess --text 'Wooden cube for babies' --format json --as-of 2026-11-24");
  ASSERT_EQ(unsure.exit_code, 0) << unsure.out;
  auto u = nlohmann::json::parse(unsure.out)["product"];
  EXPECT_TRUE(u["category"].is_null()) << u.dump(2);
  ASSERT_TRUE(u["category_candidates"].is_array()) << u.dump(2);
  ASSERT_GE(u["category_candidates"].size(), 2u);
  EXPECT_LE(u["category_candidates"].size(), 3u);
  EXPECT_GE(u["category_candidates"][0]["p"].get<double>(), u["category_candidates"][1]["p"].get<double>());
}

TEST(CliTest, KbCategoriesListsTheTaxonomy) {
  Output text = Exec("kb categories");
  ASSERT_EQ(text.exit_code, 0) << text.out;
  // A tree: the root first, branches indented under it, kinds under their branch.
  EXPECT_EQ(text.out.rfind("product ", 0), 0u) << text.out.substr(0, 200);
  EXPECT_NE(text.out.find("\n  toy "), std::string::npos);
  EXPECT_NE(text.out.find("\n    plush_toy "), std::string::npos);
  Output zh = Exec("kb categories --lang zh");
  EXPECT_NE(zh.out.find("玩具"), std::string::npos);
  Output json = Exec("kb categories --format json");
  ASSERT_EQ(json.exit_code, 0) << json.out;
  auto arr = nlohmann::json::parse(json.out);
  EXPECT_GT(arr.size(), 200u);
  Output bad = Exec("kb categories --lang fr");
  EXPECT_NE(bad.exit_code, 0);
  EXPECT_NE(bad.out.find("--lang must be en or zh"), std::string::npos) << bad.out;
}

TEST(CliTest, InteractiveAsksUntilNothingIsUndetermined) {
  // No product: the category is asked first; then the radio question settles both acts.
  Output r = Exec("assess --interactive --as-of 2026-11-24 " + kMini, "appliance\\nyes\\n");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("What kind of product is it?"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("Radio?"), std::string::npos) << r.out;
  // Final report: RADIO applies, VOLT does not (excluded by RADIO), nothing undetermined.
  auto tail = r.out.substr(r.out.rfind("EU compliance assessment"));
  EXPECT_NE(tail.find("== Applies (1) =="), std::string::npos) << tail;
  EXPECT_NE(tail.find("RADIO"), std::string::npos) << tail;
  EXPECT_EQ(tail.find("Undetermined"), std::string::npos) << tail;
}

}  // namespace

// ---- eucomply risk (bundled knowledge base and hazard library) ----

TEST(CliRiskTest, FileGivesTheLevelAndReport) {
  const std::string ex = std::string(EUCOMPLY_SOURCE_DIR) + "/examples/risk/plush-rabbit.yaml";
  Output r = Exec("risk " + ex + " --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["level"], "serious");
  EXPECT_EQ(j["scenarios"][0]["probability"], "1/2 000");
  r = Exec("risk " + ex + " --lang zh --format markdown");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("# 风险评估报告"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("4.1(e)(i)"), std::string::npos) << r.out;
}

TEST(CliRiskTest, BadFileNamesThePlace) {
  Output r = Exec("risk " + kData + "risk-bad.yaml");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("risk-bad.yaml:5:"), std::string::npos) << r.out;  // severity 5
  EXPECT_NE(r.out.find("risk-bad.yaml:8:"), std::string::npos) << r.out;  // probability 0
  r = Exec("risk");
  EXPECT_EQ(r.exit_code, 2) << r.out;
  r = Exec("risk /nonexistent/risk.yaml");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("/nonexistent/risk.yaml"), std::string::npos) << r.out;
}

TEST(CliRiskTest, InteractiveSuggestsHazardsAndAsksTheSteps) {
  const std::string saved = ::testing::TempDir() + "risk-answers-" + std::to_string(::getpid()) + ".yaml";
  // Product text, user child, 18 months, hazard small_parts, three suggested steps with their
  // probabilities, "." to end, severity 4.
  Output r = Exec("risk --interactive --save " + saved,
                  "plush rabbit soft toy\\n1\\n18\\nsmall_parts\\n\\n1/10\\n\\n0.5\\n\\n1/100\\n.\\n4\\n");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("small_parts"), std::string::npos) << r.out;  // offered from the alerts
  EXPECT_NE(r.out.find("Risk level: Serious risk"), std::string::npos) << r.out;
  // The saved answers are a risk document that gives the same result.
  Output again = Exec("risk " + saved + " --format json");
  ASSERT_EQ(again.exit_code, 0) << again.out;
  EXPECT_EQ(nlohmann::json::parse(again.out)["level"], "serious");
  std::remove(saved.c_str());
  // Input that ends early is an error, not a half assessment.
  r = Exec("risk --interactive", "plush rabbit\\n1\\n");
  EXPECT_EQ(r.exit_code, 1) << r.out;
}

// ---- eucomply kb standards (bundled knowledge base) ----

TEST(CliStandardsTest, ListsAsOfADateAndOneReference) {
  Output r = Exec("kb standards --act LVD --q 60335-2-15 --as-of 2026-12-02");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("EN 60335-2-15:2016"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("1 references in force on 2026-12-02"), std::string::npos) << r.out;
  r = Exec("kb standard \"EN 60335-2-24:2010\" --as-of 2025-01-01");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("superseded"), std::string::npos) << r.out;
  r = Exec("kb standard \"EN 60335-2-24:2010\" --as-of 2025-07-01 --format json");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("\"state\": \"ended\""), std::string::npos) << r.out;
  r = Exec("kb standards events --act LVD --from 2027-01-01 --to 2027-02-01");
  ASSERT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("5 end-of-presumption dates"), std::string::npos) << r.out;
}

TEST(CliStandardsTest, ErrorsAndImport) {
  EXPECT_EQ(Exec("kb standards --as-of tomorrow").exit_code, 2);
  EXPECT_EQ(Exec("kb standards --act NOPE").exit_code, 2);
  Output r = Exec("kb standard \"EN 99999:2099\"");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("EN 99999:2099"), std::string::npos) << r.out;
  r = Exec("kb standards import /nonexistent-folder");
  EXPECT_EQ(r.exit_code, 1) << r.out;
  EXPECT_NE(r.out.find("/nonexistent-folder"), std::string::npos) << r.out;
  // The fuzz corpus is a folder of small decisions: --check parses and replays, writes nothing.
  r = Exec("kb standards import --check --as-of 2026-12-02 " + std::string(EUCOMPLY_SOURCE_DIR) + "/fuzz/standards/corpus");
  EXPECT_EQ(r.exit_code, 0) << r.out;
  EXPECT_NE(r.out.find("32014L0035"), std::string::npos) << r.out;
}
