// attributes/*.yaml: the facts a product is described by, and the `attribute: value`
// assignments (category defaults, lexicon entries) written in terms of them.
#include <fmt/format.h>

#include <set>

#include "kb/internal/enum_names.h"
#include "kb/internal/loader.h"

namespace eucomply {

void KnowledgeBaseLoader::LoadAttributes(const std::vector<File>& files) {
  ForEachListItem(files, "attributes", "an attribute",
                  [&](const File& f, const YAML::Node& n) { LoadAttribute(f, n); });
}

void KnowledgeBaseLoader::LoadAttribute(const File& f, const YAML::Node& n) {
  CheckKeys(f, n, {"id", "type", "unit", "label", "question", "why", "priority", "values"});
  Attribute a;
  a.pos = Pos(f, n);
  a.id = GetId(f, n);
  if (a.id == "category") Error(f, n["id"], "'category' is reserved");
  if (auto type = Str(f, n, "type", true)) {
    if (auto t = kb::EnumFromName(kb::kAttrTypeNames, *type)) {
      a.type = *t;
    } else {
      Error(f, n["type"], fmt::format("unknown type '{}' (bool, number, enum, set)", *type));
    }
  }
  LoadUnit(f, n, &a);
  a.label = GetText(f, n, "label", true);
  a.question = GetText(f, n, "question", true);
  a.why = GetText(f, n, "why", true);
  if (YAML::Node p = n["priority"]) {
    try {
      a.priority = p.as<int>();
      if (a.priority < 0 || a.priority > 100) Error(f, p, "'priority' must be 0..100");
    } catch (const YAML::Exception&) {
      Error(f, p, "'priority' must be a whole number");
    }
  }
  LoadValues(f, n, &a);
  Declare(f, n, "attribute", true, std::move(a), &kb_->attributes_, &kb_->attribute_index_);
}

void KnowledgeBaseLoader::LoadUnit(const File& f, const YAML::Node& n, Attribute* a) {
  auto unit = Str(f, n, "unit", false);
  if (!unit) return;
  auto u = LookupUnit(*unit);
  if (a->type != AttrType::kNumber) {
    Error(f, n["unit"], "only number attributes have a unit");
  } else if (!u) {
    Error(f, n["unit"], fmt::format("unknown unit '{}'", *unit));
  } else if (u->to_canonical != 1) {
    Error(f, n["unit"],
          fmt::format("'{}' is not a canonical unit; use {}", *unit, CanonicalUnit(u->dimension)));
  } else {
    a->dimension = u->dimension;
  }
}

void KnowledgeBaseLoader::LoadValues(const File& f, const YAML::Node& n, Attribute* a) {
  YAML::Node vals = n["values"];
  if (a->type != AttrType::kEnum && a->type != AttrType::kSet) {
    if (vals) Error(f, vals, "only enum and set attributes have 'values'");
    return;
  }
  if (!vals || !vals.IsSequence() || vals.size() == 0) {
    Error(f, n, "enum and set attributes need a non-empty 'values' list");
    return;
  }
  // Values are bits of a 64-bit mask (Value::bits).
  if (vals.size() > 64) {
    Error(f, vals, "at most 64 values");
    return;
  }
  std::set<std::string> seen;
  for (const auto& v : vals) {
    if (!CheckMap(f, v, "a value")) continue;
    CheckKeys(f, v, {"id", "en", "zh"});
    EnumValue ev;
    ev.id = GetId(f, v);
    if (!seen.insert(ev.id).second) Error(f, v, fmt::format("value '{}' twice", ev.id));
    ev.label = ParseText(f, v, "value " + ev.id, /*check_keys=*/false);
    a->values.push_back(std::move(ev));
  }
}

std::optional<std::pair<int, Value>> KnowledgeBaseLoader::ParseAssignment(const File& f,
                                                                          const YAML::Node& key,
                                                                          const YAML::Node& val) {
  std::string name = key.Scalar();
  int a = kb_->FindAttribute(name);
  if (a < 0) {
    Error(f, key, fmt::format("unknown attribute '{}'", name));
    return std::nullopt;
  }
  const Attribute& attr = kb_->attributes_[a];
  Result<Value> v = Status::InvalidArgument("");
  if (val.IsSequence()) {
    if (attr.type != AttrType::kSet) {
      Error(f, val, fmt::format("'{}' is a {}, not a set", name, AttrTypeName(attr.type)));
      return std::nullopt;
    }
    std::vector<std::string> ids;
    for (const auto& x : val) ids.push_back(x.Scalar());
    v = MakeSetValue(attr, ids);
  } else if (val.IsScalar()) {
    v = ParseAttributeValue(attr, val.Scalar());
  } else {
    Error(f, val, fmt::format("'{}': expected a value", name));
    return std::nullopt;
  }
  if (!v.ok()) {
    Error(f, val, v.status().message());
    return std::nullopt;
  }
  return std::make_pair(a, *v);
}

void KnowledgeBaseLoader::ParseAssignments(const File& f, const YAML::Node& map,
                                           std::vector<std::pair<int, Value>>* out) {
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (auto a = ParseAssignment(f, it->first, it->second)) out->push_back(*a);
  }
}

}  // namespace eucomply
