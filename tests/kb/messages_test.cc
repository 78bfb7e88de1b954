// The bilingual message catalogue (knowledge/messages.yaml, include/eucomply/messages.h):
// every entry has both languages, every id the sources use exists, and the texts that the
// program writes in Chinese come from the catalogue, not from C++ literals.
#include "eucomply/messages.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

namespace eucomply {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<fs::path> SourceFiles() {
  std::vector<fs::path> out;
  for (const auto& e : fs::recursive_directory_iterator(fs::path(EUCOMPLY_SOURCE_DIR) / "src")) {
    const std::string ext = e.path().extension().string();
    if (e.is_regular_file() && (ext == ".cc" || ext == ".h")) out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(MessagesTest, BundledCatalogueIsCompleteAndCurrent) {
  const std::string file = ReadFile(fs::path(EUCOMPLY_SOURCE_DIR) / "knowledge/messages.yaml");
  EXPECT_EQ(std::string(MessageCatalogueText()), file) << "the compiled-in catalogue is stale";
  Status s = CheckMessageCatalogue(MessageCatalogueText(), "knowledge/messages.yaml");
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(Msg("report.status.applies", Lang::kEn), "Applies");
  EXPECT_EQ(Msg("report.status.applies", Lang::kZh), "适用");
  EXPECT_EQ(MsgF("report.applies_from", Lang::kZh, "2026-12-04"), "自 2026-12-04 起适用");
}

TEST(MessagesTest, MissingLanguageIsAnErrorAtItsPlace) {
  Status s = CheckMessageCatalogue("a.ok: {en: \"x\", zh: \"甲\"}\nb.half: {en: \"y\"}\n", "t.yaml");
  ASSERT_FALSE(s.ok());
  ASSERT_EQ(s.problems().size(), 1u) << s.ToString();
  EXPECT_EQ(s.problems()[0].source, "t.yaml");
  EXPECT_EQ(s.problems()[0].line, 2);
  EXPECT_EQ(s.message(), "t.yaml:2:9: message 'b.half' has no zh text");
  EXPECT_FALSE(CheckMessageCatalogue("c: {zh: \"乙\", en: \"\"}\n", "t.yaml").ok());
}

TEST(MessagesTest, PlaceholdersAndLanguagesAreChecked) {
  Status s = CheckMessageCatalogue(
      "a: {en: \"from {}\", zh: \"自起\"}\nb: {en: \"x\", zh: \"乙\", fr: \"x\"}\nc: \"text\"\n", "t.yaml");
  ASSERT_EQ(s.problems().size(), 3u) << s.ToString();
  EXPECT_NE(s.messages()[0].find("different {} placeholders"), std::string::npos);
  EXPECT_NE(s.messages()[1].find("unknown language 'fr'"), std::string::npos);
  EXPECT_NE(s.messages()[2].find("must be a map {en, zh}"), std::string::npos);
  // Escaped braces are text, not placeholders.
  EXPECT_TRUE(CheckMessageCatalogue("d: {en: \"{{x}} {}\", zh: \"{}\"}\n", "t.yaml").ok());
}

TEST(MessagesTest, EveryIdTheSourcesUseExists) {
  const std::regex use(R"re(\bMsgF?\(\s*"([a-z0-9_.]+)"\s*[,)])re");
  std::set<std::string> ids;
  for (const fs::path& p : SourceFiles()) {
    const std::string text = ReadFile(p);
    for (auto it = std::sregex_iterator(text.begin(), text.end(), use); it != std::sregex_iterator(); ++it) {
      const std::string id = (*it)[1];
      ids.insert(id);
      EXPECT_NE(Msg(id, Lang::kEn), "{{" + id + "}}") << p << " uses '" << id << "', which is not in knowledge/messages.yaml";
    }
  }
  EXPECT_GE(ids.size(), 40u) << "the scan found too few uses to be looking at the sources";
}

// Chinese in C++ source is allowed only in comments and in the vocabularies that read input
// (the lexicon's cue words, yes/no answers, the alert vocabulary, Chinese search terms).
TEST(MessagesTest, ChineseOutputComesFromTheCatalogue) {
  const std::vector<std::string> readers = {
      "src/rules/intake", "src/rules/internal/intake", "src/kb/value.cc",
      "src/alerts/vocabulary.cc", "src/server/query_expansion."};
  const std::regex cjk("[\xE4-\xE9][\x80-\xBF][\x80-\xBF]");
  for (const fs::path& p : SourceFiles()) {
    const std::string rel = fs::relative(p, EUCOMPLY_SOURCE_DIR).string();
    if (std::any_of(readers.begin(), readers.end(), [&](const std::string& r) { return rel.starts_with(r); })) {
      continue;
    }
    std::istringstream in(ReadFile(p));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      const size_t comment = line.find("//");
      const std::string code = line.substr(0, comment);
      EXPECT_FALSE(std::regex_search(code, cjk)) << rel << ":" << n << ": Chinese text in code; put it in knowledge/messages.yaml: " << line;
    }
  }
}

}  // namespace
}  // namespace eucomply
