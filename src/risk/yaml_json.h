// YAML read as JSON (internal to the risk module): one schema check, written once over JSON,
// serves YAML and JSON input alike. The converter keeps, for every JSON pointer, the YAML
// line and column it came from, so that errors still name file:line:col.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "eucomply/status.h"

namespace eucomply::risk {

struct JsonDoc {
  nlohmann::json json;
  // JSON pointer -> (line, column), 1-based, in the YAML source; empty for JSON input.
  std::map<std::string, std::pair<int, int>> marks;
  std::string source;  // the file name for messages
  bool yaml = false;

  // The problem at `pointer`, with the line and column of the nearest marked value for YAML
  // ("source:line:col: msg (/pointer)"), the pointer alone for JSON ("source: /pointer: msg").
  Problem Where(const std::string& pointer, const std::string& msg) const;
};

// Plain scalars become numbers, booleans (true/false/yes/no) or null (~, null) as in YAML
// 1.2's core schema; quoted scalars stay strings. Fails with file:line:col on bad YAML,
// duplicate keys, anchors deeper than 64 levels or non-string keys.
Result<JsonDoc> ReadYamlAsJson(std::string_view text, std::string_view source);
Result<JsonDoc> ReadJson(std::string_view text, std::string_view source);

// "/a/b~1c" from a parent pointer and a key (RFC 6901 escaping).
std::string Child(const std::string& pointer, std::string_view key);
std::string Child(const std::string& pointer, size_t index);

}  // namespace eucomply::risk
