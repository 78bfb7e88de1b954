#include "alerts/internal/yaml_file.h"

#include <fmt/format.h>

namespace eucomply::alerts::internal {

Result<YAML::Node> LoadYamlFile(const std::string& path) {
  try {
    return YAML::LoadFile(path);
  } catch (const YAML::BadFile&) {
    return Status::NotFound(fmt::format("{}: cannot be read", path));
  } catch (const YAML::Exception& e) {
    return Status::InvalidArgument(fmt::format("{}:{}:{}: {}", path, e.mark.line + 1, e.mark.column + 1, e.msg));
  }
}

std::string Placed(const std::string& path, const YAML::Node& n, const std::string& message) {
  return fmt::format("{}:{}:{}: {}", path, n.Mark().line + 1, n.Mark().column + 1, message);
}

}  // namespace eucomply::alerts::internal
