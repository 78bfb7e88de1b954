// The knowledge-base loader, shared by the files of src/kb that read one section of the
// knowledge base each (attributes.cc, categories.cc, acts.cc ...). Not part of the API: callers
// use LoadKnowledgeBase (kb.h).
//
// The loader does no I/O. A reader (folder_reader.cc for a folder, loader.cc for files in
// memory) hands it every section's bytes; the loader parses and validates them and collects
// every problem, then fails once.
#pragma once

#include <fmt/format.h>

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "eucomply/harmonised.h"
#include "eucomply/kb.h"
#include "kb/condition_parser.h"
#include "kb/yaml_reader.h"

namespace eucomply {

namespace kb {

// One part of the knowledge base: a folder of YAML files or one file (docs/knowledge-format.md).
// The readers read them all; the loader takes them in its own order (KnowledgeBaseLoader::Run).
struct Section {
  const char* path;  // below the knowledge-base folder
  bool required;
};
inline constexpr Section kSections[] = {
    {"attributes", true},     {"categories", true},    {"sources.yaml", false},
    {"sources.d", false},     {"acts", true},          {"roles.yaml", true},
    {"standards", false},     {"lexicon.yaml", false}, {"lexicon.d", false},
    {"standards/fit", false},
};

// What a reader found for one section, in order: files, and problems met while reading them,
// each in its place so that messages keep the order of the files.
struct SectionItem {
  std::string path;  // as shown in messages: "knowledge/acts/lvd.yaml"
  std::string content;
  std::string problem;  // when set, nothing was read and this is the whole message
};

struct LoaderInput {
  std::string dir;   // KnowledgeBase::dir(); empty in memory
  std::string name;  // the folder's name, which every path in messages starts with
  std::map<std::string, std::vector<SectionItem>> sections;  // by Section::path
  // standards::LoadLists of standards/harmonised; nullopt when there is no such folder.
  std::optional<Result<std::map<std::string, standards::ActList>>> harmonised_lists;
  std::optional<std::string> recogniser_model;   // recogniser/model.tsv, when present
  std::optional<std::string> recogniser_sha256;  // recogniser/model.sha256, when present
};

Result<std::shared_ptr<const KnowledgeBase>> LoadFromInput(LoaderInput input);

}  // namespace kb

// A friend of KnowledgeBase, which it fills. It inherits the typed getters of YamlReader so
// that each section reads as a list of field reads.
class KnowledgeBaseLoader : private kb::YamlReader {
 public:
  explicit KnowledgeBaseLoader(kb::LoaderInput input);

  Result<std::shared_ptr<const KnowledgeBase>> Run();

 private:
  using File = kb::YamlFile;

  // The parsed files of one section, with the reader's problems reported in their place.
  std::vector<File> ReadSection(const std::string& path);

  // The indexes of the ids listed in `list` (the value of `key`) by `find`, each unknown id
  // reported as "unknown <what> '<id>'".
  std::vector<int> ResolveIds(const File& f, const YAML::Node& list, const char* key,
                              const char* what, int (KnowledgeBase::*find)(std::string_view) const);

  // Appends `item` to `list` and indexes it by its id, unless the id is declared already:
  // that is reported at `n` (with the first declaration's place when `name_first`).
  template <typename T>
  bool Declare(const File& f, const YAML::Node& n, const char* what, bool name_first, T item,
               std::vector<T>* list, std::unordered_map<std::string, int>* index) {
    auto it = index->find(item.id);
    if (it != index->end()) {
      Error(f, n,
            name_first ? fmt::format("{} '{}' is declared twice (first at {})", what, item.id,
                                     (*list)[it->second].pos.ToString())
                       : fmt::format("{} '{}' is declared twice", what, item.id));
      return false;
    }
    index->emplace(item.id, static_cast<int>(list->size()));
    list->push_back(std::move(item));
    return true;
  }

  // citations.cc
  void LoadSources(const std::vector<File>& files);
  void ReadSourced(const File& f, const YAML::Node& n, Sourced* s, bool cite_required);
  bool ParseCite(const File& f, const YAML::Node& n, const std::string& text, Citation* out);
  // conditions.cc
  kb::Expr Condition(const File& f, const YAML::Node& n);
  void SetUpConditionEnv();
  // attributes.cc
  void LoadAttributes(const std::vector<File>& files);
  void LoadAttribute(const File& f, const YAML::Node& n);
  void LoadUnit(const File& f, const YAML::Node& n, Attribute* a);
  void LoadValues(const File& f, const YAML::Node& n, Attribute* a);
  std::optional<std::pair<int, Value>> ParseAssignment(const File& f, const YAML::Node& key,
                                                       const YAML::Node& val);
  void ParseAssignments(const File& f, const YAML::Node& map,
                        std::vector<std::pair<int, Value>>* out);
  // categories.cc
  void LoadCategories(const std::vector<File>& files);
  void DeclareCategory(const File& f, const YAML::Node& n);
  std::vector<std::vector<int>> LinkCategories();
  std::vector<int> ComputeAncestors(const std::vector<std::vector<int>>& parents);
  void IndexSafetyGateNames(const std::vector<int>& state);
  // roles.cc
  void LoadRoles(const std::vector<File>& files);
  // acts.cc
  void IndexActs(const std::vector<File>& files);
  void LoadActBodies();
  void LoadAct(const File& f, const YAML::Node& root, Act* act);
  void LoadCeMarking(const File& f, const YAML::Node& root, Act* act);
  void LoadDates(const File& f, const YAML::Node& d, Act* act);
  void LoadMilestones(const File& f, const YAML::Node& ms, Act* act);
  std::vector<Rule> LoadRules(const File& f, const YAML::Node& parent, const char* key,
                              std::set<std::string>* ids);
  void CheckScopeRule(const File& f, const YAML::Node& w, const Rule& r);
  void LoadObligations(const File& f, const YAML::Node& obs, Act* act);
  Obligation LoadObligation(const File& f, const YAML::Node& n, std::set<std::string>* ids);
  // standards.cc
  void LoadStandards(const std::vector<File>& files);
  void LoadStandardFits(const std::vector<File>& files);
  void LoadHarmonisedLists();
  // lexicon.cc
  void LoadLexicon(const std::vector<File>& files);
  void LoadLexiconEntry(const File& f, const YAML::Node& n);
  void LoadUnitMapping(const File& f, const YAML::Node& n);
  // link.cc
  void OrderActs();
  void CollectThresholds();
  // loader.cc: the recogniser model, read only when everything else loaded cleanly
  void LoadRecogniser();

  kb::LoaderInput input_;
  std::shared_ptr<KnowledgeBase> kb_;
  std::set<std::string> known_documents_;
  kb::ConditionEnv cond_env_;
  // Where each act and each category was declared, by index; the files live in Run().
  std::vector<std::pair<const File*, YAML::Node>> act_nodes_;
  std::vector<std::pair<const File*, YAML::Node>> category_nodes_;
};

}  // namespace eucomply
