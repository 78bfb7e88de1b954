// Reading one YAML data file of knowledge/alerts, with yaml-cpp's exceptions turned into a
// Status that names the file (and the line and column of a syntax error).
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "eucomply/status.h"

namespace eucomply::alerts::internal {

// NotFound when the file cannot be read; InvalidArgument "file:line:col: message" when it is
// not YAML.
Result<YAML::Node> LoadYamlFile(const std::string& path);

// "file:line:col: message" for a node of that file.
std::string Placed(const std::string& path, const YAML::Node& n, const std::string& message);

}  // namespace eucomply::alerts::internal
