// Replays fuzz/standards/corpus and edge inputs through the fuzz target in every build.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int Feed(const std::string& s) { return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size()); }

TEST(StandardsFuzzReplayTest, CorpusRunsClean) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(std::string(EUCOMPLY_SOURCE_DIR) + "/fuzz/standards/corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    EXPECT_EQ(Feed(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())), 0) << e.path();
    ++n;
  }
  EXPECT_GE(n, 4);
}

TEST(StandardsFuzzReplayTest, EdgeInputs) {
  std::string deep;
  for (int i = 0; i < 5000; ++i) deep += "<table><tr><td>";
  for (const std::string& s : {std::string(), std::string(1, '\0'), std::string(3000, '<'), deep,
                               std::string("<p>1.1.2020</p><p>DECISION (EU) 2020/1 drafted in support of Directive 2014/35/EU</p><p>ANNEX</p><table><tr><td><p>1.</p></td><td></td></tr></table>"),
                               std::string("<p>99.99.9999</p><p>DECISION (EU) 9999/99999999999999999999</p>"),
                               std::string("\xff\xfe<p>\xc3</p>")}) {
    EXPECT_EQ(Feed(s), 0);
  }
}

}  // namespace
