// Golden tests: each tests/golden/<name>.product.yaml is assessed as of 2026-11-24 and its
// verdict summary (one line per act that is not not_applicable) must equal
// <name>.expected. On a mismatch the actual summary is printed for review.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "eucomply/engine.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

namespace fs = std::filesystem;

std::string Slurp(const fs::path& p) {
  std::ifstream in(p);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> GoldenNames() {
  std::vector<std::string> names;
  fs::path dir = fs::path(EUCOMPLY_SOURCE_DIR) / "tests/golden";
  const std::string suffix = ".product.yaml";
  for (const auto& e : fs::directory_iterator(dir)) {
    std::string f = e.path().filename().string();
    if (f.size() > suffix.size() && f.compare(f.size() - suffix.size(), suffix.size(), suffix) == 0) {
      names.push_back(f.substr(0, f.size() - suffix.size()));
    }
  }
  std::sort(names.begin(), names.end());
  return names;
}

class GoldenTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    static auto loaded = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    ASSERT_TRUE(loaded.ok()) << loaded.status().ToString();
    kb = loaded->get();
    auto p = LoadProductFile(*kb, (dir / (GetParam() + ".product.yaml")).string());
    ASSERT_TRUE(p.ok()) << p.status().ToString();
    product = std::move(p);
  }

  const fs::path dir = fs::path(EUCOMPLY_SOURCE_DIR) / "tests/golden";
  const KnowledgeBase* kb = nullptr;
  Result<Product> product = Status::Internal("not loaded");
};

TEST_P(GoldenTest, VerdictsMatchExpected) {
  fs::path expected_path = dir / (GetParam() + ".expected");
  ASSERT_TRUE(fs::exists(expected_path)) << expected_path;
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(*kb, *product, opts);
  std::string actual = VerdictSummary(*kb, a);
  EXPECT_EQ(actual, Slurp(expected_path)) << "actual output of " << GetParam() << ":\n" << actual;
}

// The streaming JSON of each golden product, in both languages with its next question, is
// in nlohmann's canonical form (sorted keys, its escapes and spacing): the bytes the API
// caches and serves are those nlohmann would write for the same document.
TEST_P(GoldenTest, JsonIsCanonical) {
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(*kb, *product, opts);
  std::optional<Question> next = NextQuestion(*kb, *product, opts, a);
  for (Lang lang : {Lang::kEn, Lang::kZh}) {
    std::string text = AssessmentJson(*kb, *product, a, lang, next);
    nlohmann::json j = nlohmann::json::parse(text);
    EXPECT_EQ(j.dump(), text);
    EXPECT_EQ(j["acts"].size(), kb->acts().size());
    EXPECT_EQ(j["product"]["name"], product->name);
  }
}

INSTANTIATE_TEST_SUITE_P(Products, GoldenTest, ::testing::ValuesIn(GoldenNames()),
                         [](const auto& info) {
                           std::string n = info.param;
                           for (char& c : n) {
                             if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                           }
                           return n;
                         });

}  // namespace
}  // namespace eucomply
