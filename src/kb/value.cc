#include <fmt/format.h>

#include <cmath>

#include "eucomply/kb.h"
#include "eucomply/messages.h"
#include "eucomply/text.h"
#include "kb/internal/enum_names.h"

namespace eucomply {

std::optional<Lang> ParseLang(std::string_view s) {
  std::string l = AsciiLower(s);
  if (l == "en" || StartsWith(l, "en-")) return Lang::kEn;
  if (l == "zh" || StartsWith(l, "zh-")) return Lang::kZh;
  return std::nullopt;
}

std::string SourcePos::ToString() const { return fmt::format("{}:{}:{}", file, line, column); }

const char* AttrTypeName(AttrType t) { return kb::NameOf(kb::kAttrTypeNames, t, "?"); }

const char* NotifiedBodyName(NotifiedBody nb) {
  return kb::NameOf(kb::kNotifiedBodyNames, nb, "?");
}

int Attribute::ValueIndex(std::string_view value_id) const {
  for (size_t i = 0; i < values.size(); ++i) {
    if (values[i].id == value_id) return static_cast<int>(i);
  }
  return -1;
}

namespace {

std::string AllowedValues(const Attribute& attr) {
  std::string out;
  for (const auto& v : attr.values) out += (out.empty() ? "" : ", ") + v.id;
  return out;
}

}  // namespace

Result<Value> MakeSetValue(const Attribute& attr, const std::vector<std::string>& ids) {
  uint64_t bits = 0;
  for (const auto& id : ids) {
    int idx = attr.ValueIndex(Trim(id));
    if (idx < 0) {
      return Status::InvalidArgument(fmt::format("'{}' is not a value of '{}' (one of: {})",
                                                 std::string(Trim(id)), attr.id,
                                                 AllowedValues(attr)));
    }
    bits |= uint64_t{1} << idx;
  }
  return Value::Set(bits);
}

Result<Value> ParseAttributeValue(const Attribute& attr, std::string_view raw) {
  std::string_view text = Trim(raw);
  switch (attr.type) {
    case AttrType::kBool: {
      std::string l = AsciiLower(text);
      if (l == "true" || l == "yes" || l == "y" || text == "是" || text == "有") return Value::Bool(true);
      if (l == "false" || l == "no" || l == "n" || text == "否" || text == "没有" || text == "无")
        return Value::Bool(false);
      return Status::InvalidArgument(
          fmt::format("'{}' is a yes/no attribute; expected true or false, got '{}'", attr.id,
                      std::string(text)));
    }
    case AttrType::kNumber: {
      auto q = ParseQuantity(text);
      if (!q || !std::isfinite(q->value)) {
        return Status::InvalidArgument(fmt::format(
            "'{}' is a number{}{}; got '{}'", attr.id,
            attr.dimension == Dimension::kNone ? "" : " with a unit of ",
            attr.dimension == Dimension::kNone ? "" : DimensionName(attr.dimension),
            std::string(text)));
      }
      if (q->unit.empty()) return Value::Number(q->value);
      auto unit = LookupUnit(q->unit);
      if (!unit) {
        return Status::InvalidArgument(fmt::format("'{}': unknown unit '{}' (expected a unit of {})",
                                                   attr.id, q->unit, DimensionName(attr.dimension)));
      }
      if (unit->dimension != attr.dimension) {
        return Status::InvalidArgument(fmt::format(
            "'{}': '{}' is a unit of {}, but '{}' is measured in {} (e.g. {})", attr.id, q->unit,
            DimensionName(unit->dimension), attr.id, DimensionName(attr.dimension),
            CanonicalUnit(attr.dimension)));
      }
      return Value::Number(q->value * unit->to_canonical);
    }
    case AttrType::kEnum: {
      int idx = attr.ValueIndex(text);
      if (idx < 0) {
        return Status::InvalidArgument(fmt::format("'{}' is not a value of '{}' (one of: {})",
                                                   std::string(text), attr.id,
                                                   AllowedValues(attr)));
      }
      return Value::Enum(idx);
    }
    case AttrType::kSet: {
      std::vector<std::string> ids;
      if (!text.empty()) {
        for (auto part : Split(text, ',')) ids.emplace_back(Trim(part));
      }
      return MakeSetValue(attr, ids);
    }
  }
  return Status::Internal("unreachable");
}

std::string ValueToString(const Attribute& attr, const Value& v) {
  switch (v.kind) {
    case Value::Kind::kUnknown: return "unknown";
    case Value::Kind::kBool: return v.b ? "true" : "false";
    case Value::Kind::kNumber: {
      std::string n = fmt::format("{:g}", v.num);
      const char* unit = CanonicalUnit(attr.dimension);
      return *unit ? n + " " + unit : n;
    }
    case Value::Kind::kEnum:
    case Value::Kind::kSet: {
      std::string out;
      for (size_t i = 0; i < attr.values.size(); ++i) {
        if ((v.bits >> i) & 1) out += (out.empty() ? "" : ",") + attr.values[i].id;
      }
      return out;
    }
  }
  return "";
}

std::string FormatValue(const Attribute& attr, const Value& v, Lang lang) {
  switch (v.kind) {
    case Value::Kind::kUnknown: return Msg("value.unknown", lang);
    case Value::Kind::kBool: return Msg(v.b ? "value.yes" : "value.no", lang);
    case Value::Kind::kNumber: return ValueToString(attr, v);
    case Value::Kind::kEnum:
    case Value::Kind::kSet: {
      std::string out;
      for (size_t i = 0; i < attr.values.size(); ++i) {
        if ((v.bits >> i) & 1) {
          if (!out.empty()) out += Msg("value.list_separator", lang);
          out += attr.values[i].label.Get(lang);
        }
      }
      if (out.empty()) return Msg("value.none", lang);
      return out;
    }
  }
  return "";
}

}  // namespace eucomply
