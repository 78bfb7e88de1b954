// The condition language of docs/knowledge-format.md ("Conditions"): a recursive-descent
// parser that type-checks against the declared attributes and compiles to a kb::Expr.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "eucomply/kb.h"

namespace eucomply::kb {

struct ConditionEnv {
  const std::vector<Attribute>* attributes = nullptr;
  std::function<int(std::string_view)> find_attribute;
  std::function<int(std::string_view)> find_category;
  std::function<int(std::string_view)> find_act;  // by short name
};

struct ConditionError {
  size_t offset = 0;  // byte offset in the condition text
  std::string message;
};

// Parses `text`. On success returns true and fills `out`; otherwise appends at least one
// error to `errors` (parsing stops at the first syntax error; type errors are all reported).
bool ParseCondition(std::string_view text, const ConditionEnv& env, Expr* out,
                    std::vector<ConditionError>* errors);

}  // namespace eucomply::kb
