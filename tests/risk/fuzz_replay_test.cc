// Replays fuzz/risk/corpus and a few edge inputs through the fuzz target, so its checks run in
// every build.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {
namespace fs = std::filesystem;

int Feed(const std::string& s) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

TEST(RiskFuzzReplayTest, CorpusRunsClean) {
  int files = 0;
  for (const auto& e : fs::directory_iterator(fs::path(EUCOMPLY_SOURCE_DIR) / "fuzz" / "risk" / "corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    EXPECT_EQ(Feed(std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())), 0) << e.path();
    ++files;
  }
  EXPECT_GE(files, 5);
}

TEST(RiskFuzzReplayTest, EdgeInputs) {
  for (const std::string& s :
       {std::string(), std::string(1, '\0'), std::string(1, '\x01'), std::string("\x00", 1) + std::string(5000, '['),
        std::string("\x01") + std::string(5000, '['), std::string("\x00", 1) + std::string(3000, '-') ,
        std::string("\x00scenarios: [{hazard: small_parts, severity: 1, steps: [{text: a, probability: 1/99999999999999999999999999}, {text: b, probability: 1e-300}, {text: c, probability: 1}]}]", 141),
        std::string("\x00\xff\xfe: \xc3", 6), std::string("\x01{\"scenarios\": 1e999}")}) {
    EXPECT_EQ(Feed(s), 0);
  }
}

}  // namespace
