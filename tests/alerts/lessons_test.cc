// The product side of `alerts lessons`: a product file read by the engine, mapped to Safety
// Gate categories through the knowledge base (EUCOMPLY_KNOWLEDGE_DIR).
#include "alerts/lessons.h"
#include "alerts/vocabulary.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace eucomply::alerts {
namespace {
namespace fs = std::filesystem;

class ProductQueryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("eucomply_lessons_" + std::to_string(::getpid()) + "_" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string ProductFile(const std::string& yaml) {
    fs::path p = dir_ / "product.yaml";
    std::ofstream(p) << yaml;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ProductQueryTest, CategoryWithItsOwnSafetyGateName) {
  Result<ProductQuery> q = LoadProductQuery(
      ProductFile("name: Teddy bear\ndescription: Soft plush bear with glued eyes\ncategory: toy\n"),
      EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->name, "Teddy bear");
  EXPECT_EQ(q->description, "Soft plush bear with glued eyes");
  EXPECT_EQ(q->category, "toy");
  EXPECT_EQ(q->safety_gate_categories, (std::vector<std::string>{"Toys"}));
}

TEST_F(ProductQueryTest, SubcategoryInheritsFromTheNearestAncestor) {
  Result<std::shared_ptr<const KnowledgeBase>> kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  // Every category without names of its own inherits those of an ancestor that has some.
  int checked = 0;
  for (size_t c = 0; c < (*kb)->categories().size(); ++c) {
    const Category& cat = (*kb)->categories()[c];
    if (!cat.safety_gate.empty() || cat.parent_ids.empty()) continue;
    eucomply::Product p;
    p.category = static_cast<int>(c);
    ProductQuery q = ProductQueryFor(**kb, p);
    EXPECT_EQ(q.category, cat.id);
    for (const std::string& name : q.safety_gate_categories) {
      int mapped = (*kb)->CategoryForSafetyGate(name);
      ASSERT_GE(mapped, 0) << name;
      EXPECT_TRUE((*kb)->IsA(static_cast<int>(c), mapped)) << cat.id << " -> " << name;
    }
    ++checked;
  }
  EXPECT_GT(checked, 10);
  eucomply::Product none;
  EXPECT_TRUE(ProductQueryFor(**kb, none).safety_gate_categories.empty());
}

TEST_F(ProductQueryTest, ProductErrorsAreReported) {
  EXPECT_FALSE(LoadProductQuery(ProductFile("name: X\ncategory: spaceship\n"), EUCOMPLY_KNOWLEDGE_DIR).ok());
  Result<ProductQuery> bad = LoadProductQuery(ProductFile("name: [unclosed\n"), EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().ToString().find("product.yaml"), std::string::npos) << bad.status().ToString();
  EXPECT_FALSE(LoadProductQuery((dir_ / "missing.yaml").string(), EUCOMPLY_KNOWLEDGE_DIR).ok());
  Result<ProductQuery> no_kb = LoadProductQuery(ProductFile("name: Kettle\n"), (dir_ / "no-kb").string());
  ASSERT_FALSE(no_kb.ok());
  EXPECT_NE(no_kb.status().message().find("knowledge base"), std::string::npos);
}

}  // namespace
}  // namespace eucomply::alerts

namespace eucomply::alerts {
namespace {

TEST(VocabularyTest, LoadsAndFindsWholeWordStarts) {
  auto v = LoadVocabulary(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/alerts/vocabulary.yaml");
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  auto ids = [&](const char* text) {
    std::vector<std::string> out;
    for (const Finding* f : (*v)->FindingsIn(text)) out.push_back(f->id);
    return out;
  };
  EXPECT_EQ(ids("The hood has drawstrings with free ends."), std::vector<std::string>{"cords_drawstrings"});
  EXPECT_TRUE(ids("According to the label it is fine.").empty());  // "cord" inside "according"
  EXPECT_TRUE(ids("This could lead to injuries.").empty());        // "lead" as a verb
  auto p = ids("The toy contains lead (Pb) and small parts detach easily.");
  EXPECT_NE(std::find(p.begin(), p.end(), "lead_cadmium"), p.end());
  EXPECT_NE(std::find(p.begin(), p.end(), "small_parts_detach"), p.end());
  EXPECT_EQ((*v)->Translate("Strangulation", true), "勒颈");
  EXPECT_EQ((*v)->Translate("Strangulation", false), "Strangulation");
  EXPECT_EQ((*v)->Translate("People's Republic of China", true), "中国");
  EXPECT_EQ((*v)->Translate("Other - Sky lantern", true), "其他 - Sky lantern");
  EXPECT_EQ((*v)->Translate("Unheard of", true), "Unheard of");
  EXPECT_EQ((*v)->TranslateMeasure("Recall of the product from end users", true), "向最终用户召回产品");
  EXPECT_EQ((*v)->TranslateMeasure("Warning the seller about the risks posed by the product", true), "销售商警示风险");
  EXPECT_EQ((*v)->TranslateMeasure("Voluntary recall from consumers by the retailer", true), "销售商自愿召回");
  EXPECT_EQ((*v)->TranslateMeasure("Something else", true), "其他措施");
}

TEST(VocabularyTest, BrokenFilesNameThePlace) {
  const fs::path p = fs::temp_directory_path() / ("vocab-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(p) << "risk_types:\n  - {en: Fire}\ncategories: []\nlevels: []\nfindings:\n  - {id: x, en: y, zh: z}\n";
  auto v = LoadVocabulary(p.string());
  fs::remove(p);
  ASSERT_FALSE(v.ok());
  const std::string m = v.status().ToString();
  EXPECT_NE(m.find(":2:"), std::string::npos) << m;  // the entry without zh
  EXPECT_NE(m.find("words"), std::string::npos) << m;
  EXPECT_FALSE(LoadVocabulary("/nonexistent/vocabulary.yaml").ok());
}

}  // namespace
}  // namespace eucomply::alerts
