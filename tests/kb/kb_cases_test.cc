// Runs every case of tests/kb/cases/*.yaml (docs/kb-authoring.md): a product, a date, the
// expected status of one act and the rules that must be among its reasons. Also checks that
// every act of the bundled knowledge base has its own cases: one where it applies, one where
// it does not, and at least three in all.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <map>

#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

namespace fs = std::filesystem;

struct Case {
  std::string file;
  int line = 0;
  std::string act;
  std::string name;
  std::string as_of = "2026-11-24";
  std::string product_yaml;
  std::string expect;
  std::vector<std::string> because;
};

std::string CasesDir() { return std::string(EUCOMPLY_SOURCE_DIR) + "/tests/kb/cases"; }

std::vector<Case> LoadCases() {
  std::vector<Case> cases;
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(CasesDir())) {
    if (e.path().extension() == ".yaml") files.push_back(e.path());
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    YAML::Node root;
    try {
      root = YAML::LoadFile(f.string());
    } catch (const YAML::Exception& e) {
      Case c;
      c.file = f.filename().string();
      c.line = e.mark.line + 1;
      c.name = "malformed YAML: " + e.msg;
      cases.push_back(c);
      continue;
    }
    std::string act = root["act"] ? root["act"].Scalar() : "";
    for (const auto& n : root["cases"]) {
      Case c;
      c.file = f.filename().string();
      c.line = n.Mark().line + 1;
      c.act = act;
      c.name = n["name"] ? n["name"].Scalar() : "";
      if (n["as_of"]) c.as_of = n["as_of"].Scalar();
      YAML::Emitter out;
      out << n["product"];
      c.product_yaml = out.c_str();
      c.expect = n["expect"] ? n["expect"].Scalar() : "";
      if (n["because"]) {
        for (const auto& b : n["because"]) c.because.push_back(b.Scalar());
      }
      cases.push_back(c);
    }
  }
  return cases;
}

std::shared_ptr<const KnowledgeBase> Kb() {
  static auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  return kb.ok() ? *kb : nullptr;
}

class ActCaseTest : public ::testing::TestWithParam<Case> {};

TEST_P(ActCaseTest, ActHasExpectedStatus) {
  const Case& c = GetParam();
  auto kb = Kb();
  ASSERT_TRUE(kb) << "the knowledge base does not load; run `eucomply kb check`";
  SCOPED_TRACE(c.file + ":" + std::to_string(c.line) + " " + c.name);
  ASSERT_FALSE(c.act.empty()) << "the case file has no 'act'";
  int act = kb->FindAct(c.act);
  ASSERT_GE(act, 0) << "unknown act " << c.act;
  auto product = ParseProductYaml(*kb, c.product_yaml, c.file);
  ASSERT_TRUE(product.ok()) << product.status().ToString();
  AssessOptions opts;
  auto d = Date::Parse(c.as_of);
  ASSERT_TRUE(d) << "bad as_of " << c.as_of;
  opts.as_of = *d;
  Assessment a = Assess(*kb, *product, opts);
  const ActVerdict& v = a.acts[act];
  nlohmann::json j = AssessmentToJson(*kb, *product, a, Lang::kEn, std::nullopt);
  EXPECT_EQ(VerdictStatusName(v.status), c.expect) << j["acts"][act].dump(2);
  for (const auto& rule : c.because) {
    bool found = false;
    for (const auto& r : v.reasons) found = found || (r.rule && r.rule->id == rule);
    EXPECT_TRUE(found) << "rule '" << rule << "' is not among the reasons:\n"
                       << j["acts"][act]["reasons"].dump(2);
  }
}

std::string CaseName(const ::testing::TestParamInfo<Case>& info) {
  std::string n = info.param.file.substr(0, info.param.file.size() - 5) + "_" +
                  std::to_string(info.param.line);
  for (char& ch : n) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return n;
}

INSTANTIATE_TEST_SUITE_P(Cases, ActCaseTest, ::testing::ValuesIn(LoadCases()), CaseName);

TEST(ActCoverageTest, EveryActHasItsOwnCases) {
  auto kb = Kb();
  ASSERT_TRUE(kb);
  std::map<std::string, std::map<std::string, int>> by_act;  // act -> status -> count
  for (const auto& c : LoadCases()) by_act[c.act][c.expect]++;
  for (const auto& act : kb->acts()) {
    const auto& counts = by_act[act.short_name];
    int total = 0;
    for (const auto& [status, n] : counts) total += n;
    EXPECT_GE(total, 3) << act.short_name << " needs at least three cases";
    // An act with an exclusion that always holds is listed for its explanation only (Decision
    // 768/2008/EC is addressed to the legislator): it never applies.
    bool never_applies = false;
    for (const Rule& r : act.exclusions) never_applies = never_applies || r.when.source == "true";
    if (!never_applies) {
      EXPECT_GE(counts.count("applies") ? counts.at("applies") : 0, 1)
          << act.short_name << " needs a case where it applies";
    }
    EXPECT_GE(counts.count("not_applicable") ? counts.at("not_applicable") : 0, 1)
        << act.short_name << " needs a case where it does not apply";
  }
}

}  // namespace
}  // namespace eucomply
