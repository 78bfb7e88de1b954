// Golden reports: each tests/golden/risk/<name>.yaml is assessed and its markdown report, in
// English and Chinese, compared with <name>.en.md and <name>.zh.md. On a mismatch the actual
// report is printed; EUCOMPLY_UPDATE_GOLDEN=1 rewrites the files (then review the diff).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "eucomply/kb.h"
#include "eucomply/risk.h"

namespace eucomply::risk {
namespace {
namespace fs = std::filesystem;

const fs::path kDir = fs::path(EUCOMPLY_SOURCE_DIR) / "tests" / "golden" / "risk";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

std::vector<std::string> Cases() {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(kDir)) {
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

class RiskGoldenTest : public ::testing::TestWithParam<std::string> {};

TEST_P(RiskGoldenTest, ReportsMatch) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  auto lib = LoadHazardLibrary(**kb, std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/risk");
  ASSERT_TRUE(lib.ok()) << lib.status().ToString();
  auto in = LoadRiskFile(**kb, **lib, (kDir / (GetParam() + ".yaml")).string());
  ASSERT_TRUE(in.ok()) << in.status().ToString();
  const RiskResult r = AssessRisk(**kb, **lib, *in);
  const bool update = std::getenv("EUCOMPLY_UPDATE_GOLDEN") != nullptr;
  for (const auto& [lang, ext] : {std::pair{Lang::kEn, ".en.md"}, std::pair{Lang::kZh, ".zh.md"}}) {
    const std::string actual = RiskReport(**kb, **lib, *in, r, lang, true);
    const fs::path p = kDir / (GetParam() + ext);
    if (update) std::ofstream(p, std::ios::binary) << actual;
    ASSERT_TRUE(fs::exists(p)) << p;
    EXPECT_EQ(actual, Slurp(p)) << "actual report " << p.filename() << ":\n" << actual;
  }
}

INSTANTIATE_TEST_SUITE_P(Golden, RiskGoldenTest, ::testing::ValuesIn(Cases()),
                         [](const auto& info) { return info.param; });

TEST(RiskGoldenSet, HasCases) { EXPECT_GE(Cases().size(), 4u); }

}  // namespace
}  // namespace eucomply::risk
