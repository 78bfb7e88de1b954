// Assessments per second over a fixed mix of products with the whole bundled knowledge base
// loaded, explanations (reasons, missing attributes, obligations) included.
//
//   build/bench/engine/assess_bench --benchmark_min_time=2
//
// The mix is every golden product in tests/golden plus a partial product (undetermined acts,
// so the missing-attribute path is measured too).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <iostream>

#include <yaml-cpp/yaml.h>

#include "eucomply/engine.h"
#include "eucomply/intake.h"
#include "eucomply/report.h"

namespace eucomply {
namespace {

namespace fs = std::filesystem;

struct Fixture {
  std::shared_ptr<const KnowledgeBase> kb;
  std::vector<Product> products;
};

const Fixture& Get() {
  static Fixture f = [] {
    Fixture fx;
    auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    if (!kb.ok()) {
      std::cerr << kb.status().ToString() << "\n";
      std::exit(1);
    }
    fx.kb = *kb;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(fs::path(EUCOMPLY_SOURCE_DIR) / "tests/golden")) {
      if (e.path().string().ends_with(".product.yaml")) files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& p : files) {
      auto prod = LoadProductFile(*fx.kb, p.string());
      if (prod.ok()) fx.products.push_back(*prod);
    }
    auto partial = ParseProductYaml(*fx.kb, "name: partial\nattributes: {is_electrical: true}\n",
                                    "partial");
    if (partial.ok()) fx.products.push_back(*partial);
    return fx;
  }();
  return f;
}

void BM_Assess(benchmark::State& state) {
  const Fixture& f = Get();
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment out;
  size_t i = 0, reasons = 0;
  for (auto _ : state) {
    Assess(*f.kb, f.products[i], opts, &out);
    for (const auto& v : out.acts) reasons += v.reasons.size() + v.obligations.size();
    benchmark::DoNotOptimize(out);
    if (++i == f.products.size()) i = 0;
  }
  benchmark::DoNotOptimize(reasons);
  state.SetItemsProcessed(state.iterations());
  state.counters["acts"] = static_cast<double>(f.kb->acts().size());
  state.counters["products_in_mix"] = static_cast<double>(f.products.size());
}
BENCHMARK(BM_Assess);

// The bulk listing audit's inner loop (issue 11): text intake (lexicon, quantities, product
// recogniser) then the statuses of every act, per listing, on one core. The listings are the
// English and Chinese descriptions of tests/golden/intake.yaml and tests/golden/listings.yaml.
void BM_TextIntakeAndAssess(benchmark::State& state) {
  const Fixture& f = Get();
  static const std::vector<std::string> texts = [] {
    std::vector<std::string> t;
    YAML::Node intake = YAML::LoadFile(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/intake.yaml");
    for (const auto& n : intake["products"]) {
      t.push_back(n["en"].as<std::string>());
      t.push_back(n["zh"].as<std::string>());
    }
    YAML::Node listings = YAML::LoadFile(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/golden/listings.yaml");
    for (const auto& n : listings["listings"]) t.push_back(n["text"].as<std::string>());
    return t;
  }();
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  opts.explain = false;
  opts.obligations = false;
  Assessment out;
  Product p = Product::Empty(*f.kb);
  const Product empty = p;
  size_t i = 0, bytes = 0;
  for (auto _ : state) {
    p = empty;
    ApplyTextIntake(*f.kb, texts[i], &p);
    Assess(*f.kb, p, opts, &out);
    benchmark::DoNotOptimize(out);
    bytes += texts[i].size();
    if (++i == texts.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["listings_in_mix"] = static_cast<double>(texts.size());
}
BENCHMARK(BM_TextIntakeAndAssess);

// The same, rendered to the JSON the CLI and the API return (the streaming writer).
void BM_AssessToJson(benchmark::State& state) {
  const Fixture& f = Get();
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment out;
  size_t i = 0;
  for (auto _ : state) {
    Assess(*f.kb, f.products[i], opts, &out);
    std::string s = AssessmentJson(*f.kb, f.products[i], out, Lang::kEn, std::nullopt);
    benchmark::DoNotOptimize(s);
    if (++i == f.products.size()) i = 0;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AssessToJson);

void BM_NextQuestion(benchmark::State& state) {
  const Fixture& f = Get();
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  const Product& p = f.products.back();
  Assessment a = Assess(*f.kb, p, opts);
  for (auto _ : state) {
    auto q = NextQuestion(*f.kb, p, opts, a);
    benchmark::DoNotOptimize(q);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NextQuestion);

// The next question for a product whose category is known but which leaves acts open (the
// API's kettle: 12 undetermined acts): every open attribute is tried with each of its
// candidate answers.
void BM_NextQuestionOpenActs(benchmark::State& state) {
  const Fixture& f = Get();
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  auto p = ParseProductJsonText(
      *f.kb, R"({"name": "Electric kettle", "category": "kettle", "attributes": {"voltage_ac": "230 V"}})",
      "kettle");
  if (!p.ok()) {
    state.SkipWithError(p.status().ToString().c_str());
    return;
  }
  Assessment a = Assess(*f.kb, *p, opts);
  int open = 0;
  for (const auto& v : a.acts) open += v.status == VerdictStatus::kUndetermined;
  for (auto _ : state) {
    auto q = NextQuestion(*f.kb, *p, opts, a);
    benchmark::DoNotOptimize(q);
  }
  state.counters["undetermined"] = open;
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_NextQuestionOpenActs);

void BM_LoadKnowledgeBase(benchmark::State& state) {
  for (auto _ : state) {
    auto kb = LoadKnowledgeBase(EUCOMPLY_KNOWLEDGE_DIR);
    benchmark::DoNotOptimize(kb);
  }
}
BENCHMARK(BM_LoadKnowledgeBase)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace eucomply

BENCHMARK_MAIN();
