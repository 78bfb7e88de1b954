// The fuzz entry point (fuzz/server/request_body_fuzzer.cc) on its corpus and a few edge
// inputs, so that it is built and exercised by every `make test`.
#include <gtest/gtest.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace {

int Feed(const std::string& s) {
  return LLVMFuzzerTestOneInput(reinterpret_cast<const uint8_t*>(s.data()), s.size());
}

TEST(RequestBodyFuzzTest, Corpus) {
  int n = 0;
  for (const auto& e : std::filesystem::directory_iterator(
           std::string(EUCOMPLY_SOURCE_DIR) + "/fuzz/server/corpus")) {
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    EXPECT_EQ(Feed(ss.str()), 0) << e.path();
    ++n;
  }
  EXPECT_GE(n, 5);
}

TEST(RequestBodyFuzzTest, EdgeInputs) {
  for (const std::string& s :
       {std::string(), std::string(1, '\0'), std::string("\x01") + std::string(10000, '['),
        std::string("\x02{\"name\": \"\xff\xfe\"}"), std::string("\x00{\"attributes\": {\"\": 1}}", 24),
        std::string("\x01{\"skip\": [null, 1, {}, \"category\"]}"),
        std::string("\x02{\"alerts\": 1e300, \"text\": \"\"}")}) {
    EXPECT_EQ(Feed(s), 0);
  }
}

}  // namespace
