// Reading the product recogniser's model (knowledge/recogniser/model.tsv); see kb.h.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eucomply/kb.h"

namespace eucomply::kb {

// The lower-case hex SHA-256 of `data`.
std::string Sha256Hex(std::string_view data);

// Parses a model; on errors appends "path:line:col: message" lines and returns null.
std::shared_ptr<RecogniserModel> ParseRecogniserModel(
    std::string_view text, const std::string& path,
    const std::function<int(std::string_view)>& find_category, std::vector<Problem>* errors);

// Checks recogniser/model.tsv (`text`) against the SHA-256 of recogniser/model.sha256 (its
// content, nullopt when there is no such file), then parses it; on errors appends them and
// returns null.
std::shared_ptr<RecogniserModel> CheckRecogniserModel(
    std::string_view text, const std::optional<std::string>& sha256_file,
    const std::function<int(std::string_view)>& find_category, std::vector<Problem>* errors);

}  // namespace eucomply::kb
