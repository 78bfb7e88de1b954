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
    fs::create_directories(dir_ / "kb" / "categories");
    std::ofstream(dir_ / "kb" / "categories" / "core.yaml") << R"(categories:
  - id: product
    name: {en: "Product"}
  - id: toy
    parent: product
    name: {en: "Toys"}
    safety_gate: ["Toys"]
  - id: plush_toy
    parent: toy
    name: {en: "Plush toys"}
)";
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::string Product(const std::string& yaml) {
    fs::path p = dir_ / "product.yaml";
    std::ofstream(p) << yaml;
    return p.string();
  }
  fs::path dir_;
};

TEST_F(ProductQueryTest, InheritsSafetyGateNamesFromParent) {
  Result<ProductQuery> q = LoadProductQuery(
      Product("name: Teddy bear\ndescription: Soft plush bear with glued eyes\ncategory: plush_toy\n"),
      (dir_ / "kb").string());
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->name, "Teddy bear");
  EXPECT_EQ(q->category, "plush_toy");
  EXPECT_EQ(q->safety_gate_categories, (std::vector<std::string>{"Toys"}));
}

TEST_F(ProductQueryTest, Errors) {
  std::string kb = (dir_ / "kb").string();
  EXPECT_EQ(LoadProductQuery(Product("name: X\ncategory: spaceship\n"), kb).status().code(),
            StatusCode::kInvalidArgument);
  Result<ProductQuery> bad = LoadProductQuery(Product("name: [unclosed\n"), kb);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("product.yaml:"), std::string::npos) << bad.status().message();
  EXPECT_FALSE(LoadProductQuery(Product("colour: red\n"), kb).ok());
  EXPECT_EQ(LoadProductQuery((dir_ / "missing.yaml").string(), kb).status().code(),
            StatusCode::kNotFound);
  Result<ProductQuery> no_category = LoadProductQuery(Product("name: Kettle\n"), kb);
  ASSERT_TRUE(no_category.ok());
  EXPECT_TRUE(no_category->safety_gate_categories.empty());
}

}  // namespace
}  // namespace eucomply::alerts
