// The bundled knowledge base loads cleanly (the lint: citations, en+zh texts, dates, known
// categories and acts, typed conditions are all checked by the loader), and a broken one is
// reported problem by problem with file:line:col.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <unistd.h>

#include <set>

#include "eucomply/kb.h"
#include "kb/recogniser_model.h"

namespace eucomply {
namespace {

TEST(KnowledgeBaseTest, BundledKnowledgeBaseLoadsWithoutProblems) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  EXPECT_GE((*kb)->acts().size(), 6u);
  // The six acts of the foundation issue are there, by CELEX.
  for (const char* celex : {"32023R0988", "32014L0035", "32014L0030", "32014L0053", "32011L0065",
                            "32009L0048"}) {
    EXPECT_GE((*kb)->FindAct(celex), 0) << celex;
  }
}

TEST(KnowledgeBaseTest, EveryStatementCarriesACitation) {
  auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(kb.ok()) << kb.status().ToString();
  for (const auto& act : (*kb)->acts()) {
    for (const auto* rules : {&act.scope, &act.exclusions, &act.notes}) {
      for (const auto& r : *rules) {
        EXPECT_FALSE(r.cite.celex.empty()) << act.short_name << " " << r.id;
        EXPECT_FALSE(r.text.en.empty() || r.text.zh.empty()) << act.short_name << " " << r.id;
      }
    }
    for (const auto& o : act.obligations) {
      EXPECT_FALSE(o.cite.celex.empty()) << act.short_name << " " << o.id;
    }
    if (act.ce_marking) {
      EXPECT_TRUE(act.ce_marking_cite) << act.short_name;
    }
  }
  for (const auto& s : (*kb)->standards()) {
    EXPECT_FALSE(s.acts.empty()) << s.id;
    EXPECT_FALSE(s.cite.celex.empty()) << s.id;
  }
}

TEST(KnowledgeBaseTest, BrokenKnowledgeBaseListsEveryProblemWithItsPlace) {
  auto kb = LoadKnowledgeBase(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/data/kb-broken");
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().code(), StatusCode::kCorruption);
  const auto& msgs = kb.status().messages();
  std::string all;
  for (const auto& m : msgs) all += m + "\n";
  const char* expected[] = {
      "kb-broken/attributes/a.yaml:9:11: unknown type 'boolean'",
      "kb-broken/attributes/a.yaml:10:12: 'label' needs a non-empty 'zh' string",
      "kb-broken/acts/malformed.yaml:4:1: YAML:",
      "kb-broken/acts/bad.yaml:10:24: condition: unit 'kg' is not a unit of voltage",
      "kb-broken/acts/bad.yaml:14:38: condition: expected a value but the condition ends",
      "kb-broken/acts/bad.yaml:17:5: missing 'cite'",
      "kb-broken/acts/bad.yaml:22:12: condition: unknown attribute 'colour'",
      "kb-broken/acts/bad.yaml:24:11: citation names 'NOSUCHDOC'",
      "kb-broken/acts/bad.yaml:27:11: unknown obligation kind 'paperwork'",
      "kb-broken/acts/bad.yaml:29:11: 'from' must be a date YYYY-MM-DD",
      "kb-broken/acts/unknown_false.yaml:10:11: scope rule 'guarded' uses known(volts)",
  };

  for (const char* e : expected) {
    EXPECT_NE(all.find(e), std::string::npos) << "missing: " << e << "\nactual:\n" << all;
  }
  EXPECT_GE(msgs.size(), std::size(expected));
  // known() is refused only where it turns an unknown fact into "does not apply": the scope
  // rule that tests the fact itself and the exclusion that needs the fact stated load clean.
  EXPECT_EQ(all.find("unknown_false.yaml:14:"), std::string::npos) << all;
  EXPECT_EQ(all.find("unknown_false.yaml:19:"), std::string::npos) << all;
}

// The recogniser ships with its SHA-256: a model changed by hand (or not rebuilt) is refused
// with the place named, and a malformed model reports file:line:col.
TEST(KnowledgeBaseTest, RecogniserModelIsCheckedAndParsed) {
  namespace fs = std::filesystem;
  auto ok = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  ASSERT_NE((*ok)->recogniser(), nullptr) << "knowledge/recogniser/model.tsv is missing";
  EXPECT_GT((*ok)->recogniser()->classes.size(), 50u);
  EXPECT_EQ((*ok)->recogniser()->sha256.size(), 64u);

  const fs::path dir = fs::temp_directory_path() / ("eucomply-kb-model-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::copy(EUCOMPLY_KNOWLEDGE_DIR, dir, fs::copy_options::recursive);
  {
    std::ofstream(dir / "recogniser/model.tsv", std::ios::app) << "f\tw:extra\t0:1\n";
  }
  auto changed = LoadKnowledgeBase(dir.string());
  ASSERT_FALSE(changed.ok());
  EXPECT_NE(changed.status().ToString().find("recogniser/model.sha256:1:1: the SHA-256 of model.tsv"),
            std::string::npos) << changed.status().ToString();

  const std::string bad = "classes\tno_such_category\nbias\t0\nf\tw:x\t3:1\n";
  {
    std::ofstream(dir / "recogniser/model.tsv", std::ios::trunc) << bad;
    std::ofstream(dir / "recogniser/model.sha256", std::ios::trunc) << kb::Sha256Hex(bad) << "  model.tsv\n";
  }
  auto malformed = LoadKnowledgeBase(dir.string());
  fs::remove_all(dir);
  ASSERT_FALSE(malformed.ok());
  const std::string msg = malformed.status().ToString();
  EXPECT_NE(msg.find("recogniser/model.tsv:1:9: unknown category 'no_such_category'"), std::string::npos) << msg;
  EXPECT_NE(msg.find("recogniser/model.tsv:3:7: expected class:weight"), std::string::npos) << msg;
}

// Every file below `dir`, as LoadKnowledgeBaseFromSources takes them.
std::vector<SourceFile> ReadTree(const std::string& dir) {
  namespace fs = std::filesystem;
  std::vector<SourceFile> files;
  for (const auto& e : fs::recursive_directory_iterator(dir)) {
    if (!e.is_regular_file()) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    files.push_back({fs::relative(e.path(), dir).generic_string(), bytes.str()});
  }
  return files;
}

// The folder loader reads files and hands them to the in-memory one: both must see the same
// problems in the same order, and the same knowledge.
TEST(KnowledgeBaseTest, FilesInMemoryLoadAsTheirFolder) {
  const std::string broken = std::string(EUCOMPLY_SOURCE_DIR) + "/tests/data/kb-broken";
  auto broken_folder = LoadKnowledgeBase(broken);
  auto broken_memory = LoadKnowledgeBaseFromSources(ReadTree(broken), "kb-broken");
  ASSERT_FALSE(broken_folder.ok());
  ASSERT_FALSE(broken_memory.ok());
  EXPECT_EQ(broken_memory.status().code(), StatusCode::kCorruption);
  EXPECT_EQ(broken_memory.status().messages(), broken_folder.status().messages());

  const std::string name = std::filesystem::path(EUCOMPLY_KNOWLEDGE_DIR).filename().string();
  auto folder = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
  auto memory = LoadKnowledgeBaseFromSources(ReadTree(EUCOMPLY_KNOWLEDGE_DIR), name);
  ASSERT_TRUE(folder.ok()) << folder.status().ToString();
  ASSERT_TRUE(memory.ok()) << memory.status().ToString();
  const KnowledgeStats a = ComputeStats(**folder), b = ComputeStats(**memory);
  EXPECT_EQ(b.acts, a.acts);
  EXPECT_EQ(b.rules, a.rules);
  EXPECT_EQ(b.obligations, a.obligations);
  EXPECT_EQ(b.standards, a.standards);
  EXPECT_EQ(b.categories, a.categories);
  EXPECT_EQ(b.attributes, a.attributes);
  EXPECT_EQ(b.lexicon_terms, a.lexicon_terms);
  EXPECT_EQ(b.unconfirmed, a.unconfirmed);
  EXPECT_EQ((*memory)->standard_fits().size(), (*folder)->standard_fits().size());
  EXPECT_EQ((*memory)->evaluation_order(), (*folder)->evaluation_order());
  ASSERT_NE((*memory)->recogniser(), nullptr);
  EXPECT_EQ((*memory)->recogniser()->sha256, (*folder)->recogniser()->sha256);
  // The Official Journal lists are read from the folder only.
  EXPECT_EQ((*memory)->harmonised_lists(), nullptr);
  EXPECT_EQ((*memory)->dir(), "");
}

TEST(KnowledgeBaseTest, FilesInMemoryNeedTheRequiredSections) {
  auto kb = LoadKnowledgeBaseFromSources({{"sources.yaml", "sources: []\n"}}, "kb");
  ASSERT_FALSE(kb.ok());
  const std::vector<std::string> expected = {
      "kb/attributes: missing (required)",
      "kb/categories: missing (required)",
      "kb/acts: missing (required)",
      "kb/roles.yaml: missing (required)",
  };
  EXPECT_EQ(kb.status().messages(), expected);
}

TEST(KnowledgeBaseTest, MissingFolderIsNotFound) {
  auto kb = LoadKnowledgeBase("/nonexistent/knowledge");
  ASSERT_FALSE(kb.ok());
  EXPECT_EQ(kb.status().code(), StatusCode::kNotFound);
}

}  // namespace
}  // namespace eucomply
