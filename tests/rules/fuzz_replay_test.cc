// Replays the fuzz corpus of fuzz/rules/corpus and seeded random mutations of it through the
// fuzz entry points, so every `make test` exercises them without libFuzzer.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>

#include "fuzz_targets.h"

namespace {

namespace fs = std::filesystem;

std::vector<std::string> Corpus(const std::string& prefix) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(fs::path(EUCOMPLY_SOURCE_DIR) / "fuzz/rules/corpus")) {
    if (e.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    out.push_back(ss.str());
  }
  return out;
}

void Mutate(std::mt19937* rng, std::string* s) {
  std::uniform_int_distribution<int> op(0, 3), byte(0, 255);
  if (s->empty()) s->push_back(static_cast<char>(byte(*rng)));
  std::uniform_int_distribution<size_t> pos(0, s->size() - 1);
  switch (op(*rng)) {
    case 0: (*s)[pos(*rng)] = static_cast<char>(byte(*rng)); break;
    case 1: s->erase(pos(*rng), 1); break;
    case 2: s->insert(pos(*rng), 1, "{}[]:,\"' \n-#&*!|>%@`"[byte(*rng) % 20]); break;
    default: s->resize(pos(*rng)); break;
  }
}

template <typename F>
void Replay(const std::vector<std::string>& corpus, F target) {
  ASSERT_FALSE(corpus.empty());
  std::mt19937 rng(20261124);
  for (const auto& seed : corpus) {
    target(reinterpret_cast<const uint8_t*>(seed.data()), seed.size());
    for (int i = 0; i < 300; ++i) {
      std::string s = seed;
      for (int k = 0; k < 1 + i % 4; ++k) Mutate(&rng, &s);
      target(reinterpret_cast<const uint8_t*>(s.data()), s.size());
    }
  }
}

TEST(FuzzReplayTest, ProductDocuments) { Replay(Corpus("product"), eucomply::fuzz::FuzzProductDocument); }
TEST(FuzzReplayTest, Conditions) { Replay(Corpus("cond"), eucomply::fuzz::FuzzCondition); }
TEST(FuzzReplayTest, RecogniserModels) { Replay(Corpus("model"), eucomply::fuzz::FuzzRecogniserModel); }

}  // namespace
