#include "risk/schema.h"

#include <fmt/format.h>

namespace eucomply::risk {

using nlohmann::json;

namespace {
const char* TypeName(const json& j) {
  switch (j.type()) {
    case json::value_t::null: return "null";
    case json::value_t::boolean: return "a boolean";
    case json::value_t::string: return "text";
    case json::value_t::array: return "a list";
    case json::value_t::object: return "a mapping";
    default: return "a number";
  }
}
}  // namespace

bool Checker::Object(const json& j, const std::string& ptr,
                     std::initializer_list<const char*> allowed) {
  if (!j.is_object()) {
    Error(ptr, fmt::format("must be a mapping, not {}", TypeName(j)));
    return false;
  }
  for (const auto& [key, v] : j.items()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || key == a;
    if (!ok) {
      std::string list;
      for (const char* a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      Error(Child(ptr, key), fmt::format("unknown key '{}' (allowed: {})", key, list));
    }
  }
  return true;
}

const json* Checker::Present(const json& obj, const std::string& ptr, const char* key, bool required) {
  auto it = obj.find(key);
  if (it != obj.end() && !it->is_null()) return &*it;
  if (required) Error(ptr, fmt::format("missing '{}'", key));
  return nullptr;
}

std::optional<std::string> Checker::String(const json& obj, const std::string& ptr,
                                           const char* key, bool required) {
  const json* it = Present(obj, ptr, key, required);
  if (it == nullptr) return std::nullopt;
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number()) return it->dump();
  Error(Child(ptr, key), fmt::format("'{}' must be text, not {}", key, TypeName(*it)));
  return std::nullopt;
}

std::optional<std::string> Checker::NumberText(const json& obj, const std::string& ptr,
                                               const char* key, bool required) {
  const json* it = Present(obj, ptr, key, required);
  if (it == nullptr) return std::nullopt;
  if (it->is_number()) return it->dump();  // shortest round-trip text: 0.1 -> "0.1"
  if (it->is_string()) return it->get<std::string>();
  Error(Child(ptr, key), fmt::format("'{}' must be a number or text, not {}", key, TypeName(*it)));
  return std::nullopt;
}

std::optional<long long> Checker::Integer(const json& obj, const std::string& ptr,
                                          const char* key, bool required, long long lo,
                                          long long hi) {
  const json* it = Present(obj, ptr, key, required);
  if (it == nullptr) return std::nullopt;
  long long v = 0;
  bool ok = false;
  if (it->is_number_integer()) {
    v = it->get<long long>();
    ok = true;
  } else if (it->is_number_float()) {
    double d = it->get<double>();
    ok = d == static_cast<double>(static_cast<long long>(d));
    v = static_cast<long long>(d);
  } else if (it->is_string()) {
    const std::string s = it->get<std::string>();
    try {
      size_t used = 0;
      v = std::stoll(s, &used);
      ok = used == s.size();
    } catch (const std::exception&) {
      ok = false;
    }
  }
  if (!ok || v < lo || v > hi) {
    Error(Child(ptr, key), fmt::format("'{}' must be a whole number from {} to {}, not {}", key,
                                       lo, hi, it->dump()));
    return std::nullopt;
  }
  return v;
}

std::optional<bool> Checker::Bool(const json& obj, const std::string& ptr, const char* key) {
  const json* it = Present(obj, ptr, key, false);
  if (it == nullptr) return std::nullopt;
  if (it->is_boolean()) return it->get<bool>();
  Error(Child(ptr, key), fmt::format("'{}' must be true or false, not {}", key, it->dump()));
  return std::nullopt;
}

std::vector<std::string> Checker::Strings(const json& obj, const std::string& ptr,
                                          const char* key) {
  std::vector<std::string> out;
  const json* it = Present(obj, ptr, key, false);
  if (it == nullptr) return out;
  if (!it->is_array()) {
    Error(Child(ptr, key), fmt::format("'{}' must be a list", key));
    return out;
  }
  for (size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    if (v.is_string()) out.push_back(v.get<std::string>());
    else Error(Child(Child(ptr, key), i), "must be text");
  }
  return out;
}

std::optional<Text> Checker::BilingualText(const json& obj, const std::string& ptr,
                                           const char* key, bool required) {
  auto it = obj.find(key);
  if (it == obj.end() || it->is_null()) {
    if (required) Error(ptr, fmt::format("missing '{}' ({{en: ..., zh: ...}})", key));
    return std::nullopt;
  }
  const std::string p = Child(ptr, key);
  if (!Object(*it, p, {"en", "zh"})) return std::nullopt;
  Text t;
  auto en = String(*it, p, "en", true);
  auto zh = String(*it, p, "zh", true);
  if (en) t.en = *en;
  if (zh) t.zh = *zh;
  if (en && en->empty()) Error(p, "'en' is empty");
  if (zh && zh->empty()) Error(p, "'zh' is empty");
  return t;
}

}  // namespace eucomply::risk
