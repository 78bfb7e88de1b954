// The product side of `alerts lessons`: a product file read by the engine, mapped to Safety
// Gate categories through the knowledge base (EUCOMPLY_KNOWLEDGE_DIR).
#include "alerts/lessons.h"

#include <gtest/gtest.h>
#include <unistd.h>

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
