// Small readers for checking a JsonDoc against a schema (internal to the risk module). Each
// records a problem in `errors` (with its place) and returns a default, so that a check goes
// on and reports every problem at once.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "eucomply/kb.h"
#include "risk/yaml_json.h"

namespace eucomply::risk {

class Checker {
 public:
  explicit Checker(const JsonDoc& doc) : doc_(doc) {}

  void Error(const std::string& pointer, const std::string& msg) {
    errors_.push_back(doc_.Where(pointer, msg));
  }
  const std::vector<Problem>& errors() const { return errors_; }
  std::vector<Problem> TakeErrors() { return std::move(errors_); }

  // Unknown keys of an object are errors (a misspelt key must not be ignored).
  bool Object(const nlohmann::json& j, const std::string& ptr,
              std::initializer_list<const char*> allowed);
  std::optional<std::string> String(const nlohmann::json& obj, const std::string& ptr,
                                    const char* key, bool required);
  // A number written as a number or as text ("0.1" in YAML stays text to stay exact).
  std::optional<std::string> NumberText(const nlohmann::json& obj, const std::string& ptr,
                                        const char* key, bool required);
  std::optional<long long> Integer(const nlohmann::json& obj, const std::string& ptr,
                                   const char* key, bool required, long long lo, long long hi);
  std::optional<bool> Bool(const nlohmann::json& obj, const std::string& ptr, const char* key);
  std::vector<std::string> Strings(const nlohmann::json& obj, const std::string& ptr,
                                   const char* key);
  std::optional<Text> BilingualText(const nlohmann::json& obj, const std::string& ptr,
                                    const char* key, bool required);

 private:
  // The value of `key`, or null when it is absent or null (an error when `required`).
  const nlohmann::json* Present(const nlohmann::json& obj, const std::string& ptr, const char* key,
                                bool required);

  const JsonDoc& doc_;
  std::vector<Problem> errors_;
};

}  // namespace eucomply::risk
