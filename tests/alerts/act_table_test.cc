#include "alerts/internal/act_table.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "alerts/normalise.h"

namespace eucomply::alerts::internal {
namespace {

namespace fs = std::filesystem;

Result<std::shared_ptr<const ActTable>> LoadText(const std::string& yaml) {
  const fs::path p = fs::temp_directory_path() / ("acts-" + std::to_string(::getpid()) + ".yaml");
  std::ofstream(p) << yaml;
  auto t = LoadActTable(p.string());
  fs::remove(p);
  return t;
}

TEST(ActTableTest, TheKnowledgeFileLoads) {
  auto t = LoadActTable(std::string(EUCOMPLY_KNOWLEDGE_DIR) + "/alerts/acts.yaml");
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  const NamedAct* toys = (*t)->ByKey("toys");
  ASSERT_NE(toys, nullptr);
  EXPECT_EQ(toys->versions.back().celex, "32009L0048");
  EXPECT_EQ((*t)->ByCelex("31988L0378"), toys);
  EXPECT_EQ((*t)->ByCelex("39999L9999"), nullptr);
  auto bundled = BundledActTable();
  ASSERT_TRUE(bundled.ok()) << bundled.status().ToString();
  // The act functions must find the same table the tests validate.
  EXPECT_EQ(ActNameForCelex("32009L0048"), "Toy Safety Directive");
}

TEST(ActTableTest, EveryProblemAtOnceWithItsPlace) {
  auto t = LoadText(
      "acts:\n"
      "  - key: toys\n"
      "    name: Toy Safety Directive\n"
      "    cite: Directive 2009/48/EC (CELEX 32009L0048)\n"
      "    versions:\n"
      "      - {celex: 31988L0378}\n"
      "      - {from: 2011-13-20, celex: 32009L0048}\n"
      "    directive_aliases: [toy safety, Toys]\n"
      "  - key: toys\n"
      "    name: Another\n"
      "    cite: none\n"
      "    versions: [{celex: 2009/48}]\n"
      "    replaced_by: {celex: 32023R0988}\n"
      "    directive_aliases: [toy safety]\n"
      "    colour: red\n");
  ASSERT_FALSE(t.ok());
  const std::string m = t.status().ToString();
  EXPECT_NE(m.find(":4:11: 'cite' does not name CELEX 31988L0378"), std::string::npos) << m;
  EXPECT_NE(m.find(":7:16: 'from' must be a date YYYY-MM-DD"), std::string::npos) << m;
  EXPECT_NE(m.find(":8:37: an alias is lower-case words"), std::string::npos) << m;
  EXPECT_NE(m.find(":9:10: key 'toys' is given twice"), std::string::npos) << m;
  EXPECT_NE(m.find(":12:24: '2009/48' is not a CELEX number"), std::string::npos) << m;
  EXPECT_NE(m.find(":13:18: CELEX 32023R0988 is not in this file"), std::string::npos) << m;
  EXPECT_NE(m.find(":14:25: alias 'toy safety' is given twice"), std::string::npos) << m;
  EXPECT_NE(m.find(":15:5: unknown field 'colour'"), std::string::npos) << m;
}

TEST(ActTableTest, UnreadableFiles) {
  EXPECT_EQ(LoadActTable("/nonexistent/acts.yaml").status().code(), StatusCode::kNotFound);
  auto t = LoadText("acts: [\n");
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().ToString().find("acts-"), std::string::npos);
  EXPECT_FALSE(LoadText("- just a list\n").ok());
}

}  // namespace
}  // namespace eucomply::alerts::internal
