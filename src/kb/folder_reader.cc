// LoadKnowledgeBase(dir): reads the knowledge-base folder into memory and hands it to the
// loader (internal/loader.h), which does no I/O. Problems met while reading keep their place
// among the files, so that messages come in the order of the files.
#include <fmt/format.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "kb/internal/loader.h"

namespace eucomply {
namespace {

namespace fs = std::filesystem;

// The file's bytes; nullopt when it cannot be opened.
std::optional<std::string> ReadBytes(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

kb::SectionItem ReadItem(const std::string& dir, const fs::path& p) {
  kb::SectionItem item;
  item.path = fs::relative(p, dir).generic_string();
  item.path = fs::path(dir).filename().generic_string() + "/" + item.path;
  if (auto bytes = ReadBytes(p)) {
    item.content = std::move(*bytes);
  } else {
    item.problem = fmt::format("{}:1:1: cannot read the file", item.path);
  }
  return item;
}

// A section is a folder of *.yaml / *.yml files (not recursive, by name) or one file.
std::vector<kb::SectionItem> ReadSection(const std::string& dir, const kb::Section& section) {
  std::vector<kb::SectionItem> items;
  fs::path p = fs::path(dir) / section.path;
  std::error_code ec;
  if (fs::is_regular_file(p, ec)) {
    items.push_back(ReadItem(dir, p));
    return items;
  }
  if (!fs::is_directory(p, ec)) {
    if (section.required) {
      items.push_back({"", "", fmt::format("{}: missing (required)", p.string())});
    }
    return items;
  }
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(p, ec)) {
    const auto ext = e.path().extension();
    if (e.is_regular_file() && (ext == ".yaml" || ext == ".yml")) {
      paths.push_back(e.path());
    }
  }
  std::sort(paths.begin(), paths.end());
  for (const auto& path : paths) items.push_back(ReadItem(dir, path));
  return items;
}

void ReadRecogniser(const std::string& dir, kb::LoaderInput* input) {
  const fs::path folder = fs::path(dir) / "recogniser";
  std::error_code ec;
  if (!fs::exists(folder / "model.tsv", ec)) return;
  // A model that exists but cannot be read fails its SHA-256 check.
  input->recogniser_model = ReadBytes(folder / "model.tsv").value_or("");
  input->recogniser_sha256 = ReadBytes(folder / "model.sha256");
}

}  // namespace

Result<std::shared_ptr<const KnowledgeBase>> LoadKnowledgeBase(const std::string& dir) {
  std::string clean = dir;
  while (clean.size() > 1 && clean.back() == '/') clean.pop_back();
  std::error_code ec;
  if (!fs::is_directory(clean, ec)) {
    return Status::NotFound(fmt::format("{}: knowledge-base folder not found", clean));
  }
  kb::LoaderInput input;
  input.dir = clean;
  input.name = fs::path(clean).filename().generic_string();
  for (const kb::Section& section : kb::kSections) {
    input.sections[section.path] = ReadSection(clean, section);
  }
  const fs::path harmonised = fs::path(clean) / "standards" / "harmonised";
  if (fs::is_directory(harmonised, ec)) {
    input.harmonised_lists = standards::LoadLists(harmonised.string());
  }
  ReadRecogniser(clean, &input);
  return kb::LoadFromInput(std::move(input));
}

}  // namespace eucomply
