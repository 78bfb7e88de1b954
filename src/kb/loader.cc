// Loads a knowledge base (docs/knowledge-format.md) and validates it as a whole: the order in
// which sections are read, and the in-memory entry point. Each section has its own file.
#include "kb/internal/loader.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "kb/recogniser_model.h"

namespace eucomply {

KnowledgeBaseLoader::KnowledgeBaseLoader(kb::LoaderInput input)
    : input_(std::move(input)), kb_(std::make_shared<KnowledgeBase>()) {
  kb_->dir_ = input_.dir;
}

std::vector<KnowledgeBaseLoader::File> KnowledgeBaseLoader::ReadSection(const std::string& path) {
  std::vector<File> files;
  auto it = input_.sections.find(path);
  if (it == input_.sections.end()) return files;
  for (kb::SectionItem& item : it->second) {
    if (!item.problem.empty()) {
      AddError(std::move(item.problem));
    } else if (auto f = Parse(std::move(item.path), std::move(item.content))) {
      files.push_back(std::move(*f));
    }
  }
  return files;
}

std::vector<int> KnowledgeBaseLoader::ResolveIds(const File& f, const YAML::Node& list,
                                                 const char* key, const char* what,
                                                 int (KnowledgeBase::*find)(std::string_view)
                                                     const) {
  std::vector<int> ids;
  if (!list.IsSequence()) {
    Error(f, list, fmt::format("'{}' must be a list of {} ids", key, what));
    return ids;
  }
  for (const auto& x : list) {
    int i = ((*kb_).*find)(x.Scalar());
    if (i < 0) {
      Error(f, x, fmt::format("unknown {} '{}'", what, x.Scalar()));
    } else {
      ids.push_back(i);
    }
  }
  return ids;
}

void KnowledgeBaseLoader::LoadRecogniser() {
  if (!input_.recogniser_model) return;
  kb_->recogniser_ = kb::CheckRecogniserModel(
      *input_.recogniser_model, input_.recogniser_sha256,
      [this](std::string_view id) { return kb_->FindCategory(id); }, mutable_errors());
}

Result<std::shared_ptr<const KnowledgeBase>> KnowledgeBaseLoader::Run() {
  // Every file is parsed before any is validated, except the standard fits: they are parsed
  // after the standards are validated, so that their problems come after the standards'.
  auto attr_files = ReadSection("attributes");
  auto cat_files = ReadSection("categories");
  auto source_files = ReadSection("sources.yaml");
  auto more_sources = ReadSection("sources.d");
  auto act_files = ReadSection("acts");
  auto role_files = ReadSection("roles.yaml");
  auto std_files = ReadSection("standards");
  auto lex_files = ReadSection("lexicon.yaml");
  for (auto& f : ReadSection("lexicon.d")) lex_files.push_back(std::move(f));

  LoadAttributes(attr_files);
  LoadCategories(cat_files);
  for (auto& f : more_sources) source_files.push_back(std::move(f));
  LoadSources(source_files);
  IndexActs(act_files);
  SetUpConditionEnv();
  LoadRoles(role_files);
  LoadStandards(std_files);
  LoadStandardFits(ReadSection("standards/fit"));
  LoadHarmonisedLists();
  LoadActBodies();
  LoadLexicon(lex_files);
  OrderActs();
  CollectThresholds();
  if (errors().empty()) LoadRecogniser();

  if (!errors().empty()) return Status(StatusCode::kCorruption, errors());
  return std::shared_ptr<const KnowledgeBase>(kb_);
}

namespace kb {

Result<std::shared_ptr<const KnowledgeBase>> LoadFromInput(LoaderInput input) {
  return KnowledgeBaseLoader(std::move(input)).Run();
}

namespace {

// Does `path` belong to `section`: is it the section's file, or a YAML file directly in its
// folder (as a folder is read: not recursively)?
bool InSection(const std::filesystem::path& path, const std::string& section) {
  if (path.generic_string() == section) return true;
  const auto ext = path.extension();
  return path.parent_path().generic_string() == section && (ext == ".yaml" || ext == ".yml");
}

}  // namespace

}  // namespace kb

Result<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBaseFromSources(
    const std::vector<SourceFile>& files, const std::string& name) {
  kb::LoaderInput input;
  input.name = name;
  for (const kb::Section& section : kb::kSections) {
    std::vector<const SourceFile*> found;
    for (const SourceFile& f : files) {
      if (kb::InSection(f.path, section.path)) found.push_back(&f);
    }
    // As a folder lists its files.
    std::stable_sort(found.begin(), found.end(),
                     [](const SourceFile* a, const SourceFile* b) { return a->path < b->path; });
    auto& items = input.sections[section.path];
    for (const SourceFile* f : found) items.push_back({name + "/" + f->path, f->content, ""});
    if (items.empty() && section.required) {
      items.push_back({"", "", fmt::format("{}/{}: missing (required)", name, section.path)});
    }
  }
  for (const SourceFile& f : files) {
    if (f.path == "recogniser/model.tsv") input.recogniser_model = f.content;
    if (f.path == "recogniser/model.sha256") input.recogniser_sha256 = f.content;
  }
  return kb::LoadFromInput(std::move(input));
}

}  // namespace eucomply
