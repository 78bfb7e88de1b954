#include <cstdlib>

#include "cli/commands.h"

namespace eucomply::cli {

std::string DefaultKnowledgeDir() {
  if (const char* env = std::getenv("EUCOMPLY_KB"); env != nullptr && *env != '\0') return env;
  return EUCOMPLY_BUNDLED_KNOWLEDGE_DIR;
}

std::string DefaultDataDir() {
  if (const char* env = std::getenv("EUCOMPLY_DATA"); env != nullptr && *env != '\0') return env;
  return "eucomply-data";
}

void AddKbOption(CLI::App* cmd, std::string* dir) {
  cmd->add_option("--kb", *dir, "Knowledge-base folder (default: the bundled one)");
}

}  // namespace eucomply::cli
