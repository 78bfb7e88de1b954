// Typed reading of YAML data files that reports every problem at once (STYLE.md, Errors).
// Each getter that meets a problem records it as a Problem at file:line:col and returns a
// fallback, so that a caller reads a whole file and then fails once with the full list. The
// knowledge-base loader is built on it; other data files (risk, audit, docs) can be too.
//
// A YamlReader is not thread-safe; use one per load.
#pragma once

#include <yaml-cpp/yaml.h>

#include <functional>
#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "eucomply/date.h"
#include "eucomply/kb.h"

namespace eucomply::kb {

// One parsed data file.
struct YamlFile {
  std::string path;     // as shown in messages
  std::string content;  // the bytes; conditions map offsets in strings back to columns with it
  YAML::Node root;      // a map
};

class YamlReader {
 public:
  // Parses `content`; nullopt (with the problem recorded) when it is not YAML or not a map.
  std::optional<YamlFile> Parse(std::string path, std::string content);

  void Error(const std::string& file, const YAML::Mark& m, const std::string& msg);
  void Error(const YamlFile& f, const YAML::Node& n, const std::string& msg);
  void AddError(Problem problem) { errors_.push_back(std::move(problem)); }
  // A message that already names its place in its text (a missing file or folder).
  void AddError(std::string message) { errors_.push_back(Problem::Plain(std::move(message))); }
  const std::vector<Problem>& errors() const { return errors_; }
  std::vector<Problem>* mutable_errors() { return &errors_; }

  SourcePos Pos(const YamlFile& f, const YAML::Node& n) const;

  bool CheckMap(const YamlFile& f, const YAML::Node& n, const std::string& what);
  void CheckKeys(const YamlFile& f, const YAML::Node& n,
                 std::initializer_list<const char*> allowed);
  // Calls `item(file, node)` for each map in the list under `key` of each file, whose root
  // may hold nothing else; `what` names one item in messages ("a role").
  void ForEachListItem(const std::vector<YamlFile>& files, const char* key, const char* what,
                       const std::function<void(const YamlFile&, const YAML::Node&)>& item);

  std::optional<std::string> Str(const YamlFile& f, const YAML::Node& parent, const char* key,
                                 bool required);
  bool Bool(const YamlFile& f, const YAML::Node& parent, const char* key, bool fallback);
  // A text in both languages, {en: ..., zh: ...}.
  Text GetText(const YamlFile& f, const YAML::Node& parent, const char* key, bool required);
  // `n` itself as a text; `check_keys` false lets the map hold other keys beside en and zh.
  Text ParseText(const YamlFile& f, const YAML::Node& n, const std::string& what,
                 bool check_keys = true);
  std::optional<Date> GetDate(const YamlFile& f, const YAML::Node& parent, const char* key,
                              bool required);
  // A required identifier, [a-z][a-z0-9_]*; "" when missing.
  std::string GetId(const YamlFile& f, const YAML::Node& parent, const char* key = "id");

 private:
  std::vector<Problem> errors_;
};

}  // namespace eucomply::kb
