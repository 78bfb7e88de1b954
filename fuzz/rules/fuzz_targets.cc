#include "fuzz_targets.h"
#include "kb/recogniser_model.h"
#include "eucomply/intake.h"

#include <cstdlib>
#include <iostream>
#include <string_view>

#include "eucomply/engine.h"
#include "eucomply/report.h"
#include "kb/condition_parser.h"

#include <nlohmann/json.hpp>

namespace eucomply::fuzz {
namespace {

const KnowledgeBase& Kb() {
  static std::shared_ptr<const KnowledgeBase> kb = [] {
    auto r = LoadKnowledgeBase(std::string(EUCOMPLY_SOURCE_DIR) + "/tests/data/kb-mini");
    if (!r.ok()) {
      std::cerr << r.status().ToString() << "\n";
      std::abort();
    }
    return *r;
  }();
  return *kb;
}

void Exercise(const Product& p) {
  AssessOptions opts;
  opts.as_of = *Date::Parse("2026-11-24");
  Assessment a = Assess(Kb(), p, opts);
  auto q = NextQuestion(Kb(), p, opts, a);
  // The streaming writer must give what nlohmann would (json_writer.h), whatever bytes the
  // product's names and descriptions hold.
  std::string text = AssessmentJson(Kb(), p, a, Lang::kZh, q);
  if (nlohmann::json::parse(text).dump() != text) std::abort();
  (void)AssessmentToText(Kb(), p, a, Lang::kEn, q);
  (void)AssessmentToMarkdown(Kb(), p, a, Lang::kEn, q);
}

}  // namespace

void FuzzProductDocument(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto y = ParseProductYaml(Kb(), text, "fuzz.yaml");
  if (y.ok()) Exercise(*y);
  auto j = ParseProductJsonText(Kb(), text, "fuzz.json");
  if (j.ok()) Exercise(*j);
}

void FuzzCondition(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  kb::ConditionEnv env;
  env.attributes = &Kb().attributes();
  env.find_attribute = [](std::string_view s) { return Kb().FindAttribute(s); };
  env.find_category = [](std::string_view s) { return Kb().FindCategory(s); };
  env.find_act = [](std::string_view s) { return Kb().FindAct(s); };
  kb::Expr e;
  std::vector<kb::ConditionError> errs;
  bool ok = kb::ParseCondition(text, env, &e, &errs);
  if (!ok && errs.empty()) std::abort();  // a failure must say why
  for (const auto& err : errs) {
    if (err.offset > text.size()) std::abort();  // errors point inside the text
  }
  if (ok && (e.root < 0 || e.root >= static_cast<int>(e.nodes.size()))) std::abort();
}

}  // namespace eucomply::fuzz

namespace eucomply::fuzz {

void FuzzRecogniserModel(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  std::vector<Problem> errors;
  auto model = kb::ParseRecogniserModel(
      text, "model.tsv", [](std::string_view s) { return Kb().FindCategory(s); }, &errors);
  if (!model && errors.empty()) std::abort();  // a refusal must say why
  if (model && (model->classes.empty() || model->bias.size() != model->classes.size())) std::abort();
  if (model) {
    for (const auto& [f, ws] : model->weights) {
      for (const auto& [cls, w] : ws) {
        if (cls >= model->classes.size()) std::abort();
      }
    }
  }
  for (const Inference& inf : InferFromText(Kb(), text)) {
    if (inf.attribute == kCategoryAttr && inf.category >= static_cast<int>(Kb().categories().size())) std::abort();
  }
}

}  // namespace eucomply::fuzz
