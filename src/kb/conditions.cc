// Conditions (`when:` strings) compiled at load against the declared attributes, categories
// and acts, with parse errors mapped back to the line and column of the YAML file.
#include <fmt/format.h>

#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::SetUpConditionEnv() {
  cond_env_.attributes = &kb_->attributes_;
  cond_env_.find_attribute = [this](std::string_view s) { return kb_->FindAttribute(s); };
  cond_env_.find_category = [this](std::string_view s) { return kb_->FindCategory(s); };
  // Conditions name acts by short name only: applies(LVD), not applies(32014L0035).
  cond_env_.find_act = [this](std::string_view s) {
    int i = kb_->FindAct(s);
    return i >= 0 && kb_->acts_[i].short_name == s ? i : -1;
  };
}

kb::Expr KnowledgeBaseLoader::Condition(const File& f, const YAML::Node& n) {
  kb::Expr e;
  if (!n.IsScalar()) {
    Error(f, n, "'when' must be a condition string");
    return e;
  }
  std::vector<kb::ConditionError> errs;
  if (!kb::ParseCondition(n.Scalar(), cond_env_, &e, &errs)) {
    const YAML::Mark m = n.Mark();
    // The mark of a quoted scalar is its opening quote; offsets count from the first character.
    int shift = 0;
    if (m.pos >= 0 && static_cast<size_t>(m.pos) < f.content.size() &&
        (f.content[m.pos] == '"' || f.content[m.pos] == '\'')) {
      shift = 1;
    }
    for (const auto& err : errs) {
      // Multi-line plain scalars fold newlines; the column is exact for one-line ones.
      AddError(Problem::At(f.path, m.line + 1, m.column + 1 + shift + static_cast<int>(err.offset),
                           "condition: " + err.message));
    }
    e = kb::Expr{};
    e.source = n.Scalar();
  }
  return e;
}

}  // namespace eucomply
